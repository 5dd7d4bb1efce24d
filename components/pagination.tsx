import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("common");
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={href(page - 1)} className="link" rel="prev">
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <p>{t("pageOf", { page, count: pageCount })}</p>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="link" rel="next">
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
