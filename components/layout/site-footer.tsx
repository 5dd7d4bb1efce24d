import { getTranslations } from "next-intl/server";
import Link from "next/link";

export async function SiteFooter() {
  const [t, tc, tr] = await Promise.all([getTranslations("footer"), getTranslations("codeOfConduct"), getTranslations("receipts")]);
  return (
    <footer role="contentinfo" className="mt-12 border-t border-line bg-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-muted sm:flex-row sm:justify-between">
        <p>{t("tagline")}</p>
        <p className="flex flex-wrap gap-4">
          <a className="link" href="/code-of-conduct">
            {tc("title")}
          </a>
          <Link className="link" href="/receipts">
            {tr("footerLink")}
          </Link>
          <a className="link" href="/api/health">
            {t("health")}
          </a>
        </p>
      </div>
    </footer>
  );
}
