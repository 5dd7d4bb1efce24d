import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DraftCard } from "@/components/drafts/draft-card";
import { Pagination } from "@/components/pagination";
import { listOpenDrafts } from "@/lib/drafts/list-open-drafts";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { page: rawPage } = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(rawPage ?? "1", 10) || 1));
  const [t, tn, open] = await Promise.all([getTranslations("home"), getTranslations("nav"), listOpenDrafts(page)]);
  return (
    <div className="flex flex-col gap-8">
      <section className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-lg">{t("lead")}</p>
      </section>
      <section aria-labelledby="open-heading" className="flex flex-col gap-4">
        <h2 id="open-heading" className="text-xl font-semibold">
          {t("count", { count: open.total })}
        </h2>
        {open.items.length === 0 ? (
          <div className="card flex flex-col gap-2" data-testid="empty-state">
            <p className="font-semibold">{t("emptyTitle")}</p>
            <p>{t("emptyBody")}</p>
            <p>
              <Link href="/organisations" className="link">
                {tn("organisations")}
              </Link>
            </p>
          </div>
        ) : (
          <ul className="flex flex-col gap-4">
            {open.items.map((draft) => (
              <li key={draft.reference}>
                <DraftCard draft={draft} />
              </li>
            ))}
          </ul>
        )}
        <Pagination page={open.page} pageCount={open.pageCount} href={(p) => `/?page=${p}`} />
      </section>
    </div>
  );
}
