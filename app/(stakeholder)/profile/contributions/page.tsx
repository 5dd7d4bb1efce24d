import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Pagination } from "@/components/pagination";
import { ContributionList } from "@/components/receipts/contribution-list";
import { ContributionsFilter } from "@/components/receipts/contributions-filter";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listMyConsultations, listMyContributions } from "@/lib/receipts/list-contributions";
import { ZContributionsQuery } from "@/lib/receipts/schemas";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contributions"))("title"), robots: { index: false } };
}

/** Everything the signed-in participant has contributed, across consultations: filter, pages, JSON export. */
export default async function MyContributionsPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=%2Fprofile%2Fcontributions");
  const raw = await searchParams;
  const query = ZContributionsQuery.parse({ consultation: typeof raw.consultation === "string" ? raw.consultation : undefined, page: raw.page });
  const [t, list, consultations] = await Promise.all([getTranslations("contributions"), listMyContributions(user.id, query), listMyConsultations(user.id)]);
  const qs = (extra: Record<string, string>) => new URLSearchParams({ ...(query.consultation ? { consultation: query.consultation } : {}), ...extra }).toString();
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("lead")}</p>
      {consultations.length > 0 ? <ContributionsFilter consultations={consultations} selected={query.consultation} /> : null}
      <p className="flex flex-wrap items-center justify-between gap-3">
        <span data-testid="contributions-count">{t("count", { count: list.total })}</span>
        {list.total > 0 ? (
          <a className="btn-secondary" href={`/profile/contributions.json${query.consultation ? `?${qs({})}` : ""}`} download data-testid="contributions-export">
            {query.consultation ? t("exportFiltered") : t("export")}
          </a>
        ) : null}
      </p>
      {list.items.length === 0 ? <p className="card text-muted">{query.consultation ? t("noneHere") : t("none")}</p> : <ContributionList items={list.items} />}
      <Pagination page={list.page} pageCount={list.pageCount} href={(p) => `/profile/contributions?${qs({ page: String(p) })}`} />
    </div>
  );
}
