import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DraftListEntry } from "@/components/drafts/draft-list-item";
import { Pagination } from "@/components/pagination";
import { applyScheduledTransitionsThrottled } from "@/lib/drafts/apply-scheduled-transitions";
import { listDrafts } from "@/lib/drafts/list-drafts";
import { ZDraftListQuery } from "@/lib/drafts/schemas";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await applyScheduledTransitionsThrottled();
  const { page } = await searchParams;
  const [t, td, tn, locale] = await Promise.all([getTranslations("home"), getTranslations("discover"), getTranslations("nav"), getLocale()]);
  const [open, upcoming, closed] = await Promise.all([
    listDrafts(ZDraftListQuery.parse({ status: "OPEN", page }), locale),
    listDrafts(ZDraftListQuery.parse({ status: "SCHEDULED", pageSize: 5 }), locale),
    listDrafts(ZDraftListQuery.parse({ status: "CLOSED", pageSize: 5 }), locale),
  ]);
  return (
    <div className="flex flex-col gap-10">
      <section className="flex flex-col gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-lg">{t("lead")}</p>
        <p>
          <Link href="/drafts" className="link">
            {td("browseAll")}
          </Link>
        </p>
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
                <DraftListEntry draft={draft} />
              </li>
            ))}
          </ul>
        )}
        <Pagination page={open.page} pageCount={open.pageCount} href={(p) => `/?page=${p}`} />
      </section>
      {[
        { id: "upcoming", title: td("upcomingTitle"), list: upcoming, more: "/drafts?status=SCHEDULED" },
        { id: "closed", title: td("closedTitle"), list: closed, more: "/drafts?status=CLOSED" },
      ].map((s) =>
        s.list.items.length === 0 ? null : (
          <section key={s.id} aria-labelledby={`${s.id}-heading`} className="flex flex-col gap-4">
            <h2 id={`${s.id}-heading`} className="text-xl font-semibold">
              {s.title}
            </h2>
            <ul className="flex flex-col gap-4">
              {s.list.items.map((draft) => (
                <li key={draft.reference}>
                  <DraftListEntry draft={draft} />
                </li>
              ))}
            </ul>
            {s.list.total > s.list.items.length ? (
              <p>
                <Link className="link" href={s.more}>
                  {td("results", { count: s.list.total })}
                </Link>
              </p>
            ) : null}
          </section>
        ),
      )}
    </div>
  );
}
