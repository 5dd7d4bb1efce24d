import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { pickClientMessages } from "@/lib/i18n/client-messages";
import { directionOf, isLocale, defaultLocale } from "@/lib/i18n/config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : defaultLocale;
  const t = await getTranslations("nav");
  // Only what client components read travels to the browser (lib/i18n/client-messages.ts).
  const messages = pickClientMessages(await getMessages());
  // Embedded survey pages (inside another organisation's site) carry no Parley chrome.
  const embed = (await headers()).get("x-parley-embed") === "1";
  if (embed)
    return (
      <html lang={locale} dir={directionOf(locale)}>
        <body>
          <NextIntlClientProvider messages={messages}>
            <main id="main" className="mx-auto w-full max-w-2xl px-3 py-4">
              {children}
            </main>
          </NextIntlClientProvider>
        </body>
      </html>
    );
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={messages}>
          <SiteHeader />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
