import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import Script from "next/script";
import { scalarVersion } from "@/lib/api/reference-bundle";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiReference");
  return { title: t("title") };
}

/**
 * The public API's reference, rendered in the browser from /api/openapi.json by Scalar's standalone
 * bundle served from this origin (lib/api/reference-bundle.ts). Its script carries this response's
 * CSP nonce; the renderer's inline styles are covered by the site-wide `style-src 'unsafe-inline'`.
 */
export default async function ApiReferencePage() {
  const [t, locale, nonce] = await Promise.all([getTranslations("apiReference"), getLocale(), headers().then((h) => h.get("x-nonce") ?? undefined)]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl">{t("lead")}</p>
      <p>
        <a className="link" href="/api/openapi.json">
          {t("document")}
        </a>
      </p>
      <noscript>
        <p>{t("noscript")}</p>
      </noscript>
      {/* The API document is written in English: it keeps its own direction inside any UI language; Scalar's labels follow the reader's language. */}
      <section aria-label={t("region")} className="min-w-0" lang="en" dir="ltr">
        <div id="parley-api-reference" data-document="/api/openapi.json" data-locale={locale} data-dir="ltr" data-testid="api-reference" />
      </section>
      <Script src={`/api-reference/scalar.js?v=${scalarVersion}`} nonce={nonce} strategy="afterInteractive" />
    </div>
  );
}
