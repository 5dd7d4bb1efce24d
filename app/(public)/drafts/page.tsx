import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DraftListEntry } from "@/components/drafts/draft-list-item";
import { Pagination } from "@/components/pagination";
import { applyScheduledTransitionsThrottled } from "@/lib/drafts/apply-scheduled-transitions";
import { draftLanguageOptions } from "@/lib/drafts/language-options";
import { listDraftFacets, listDrafts } from "@/lib/drafts/list-drafts";
import { draftStatuses, ZDraftListQuery } from "@/lib/drafts/schemas";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("discover");
  return { title: t("title"), alternates: { types: { "application/atom+xml": "/drafts/feed.atom", "application/rss+xml": "/drafts/feed.rss" } } };
}

/** Discovery: every public consultation, filtered and searched (GET form: works without JavaScript). */
export default async function DraftsPage({ searchParams }: Props) {
  await applyScheduledTransitionsThrottled();
  const raw = await searchParams;
  const query = ZDraftListQuery.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [t, ts, locale] = await Promise.all([getTranslations("discover"), getTranslations("status"), getLocale()]);
  const [result, facets, languages] = await Promise.all([listDrafts(query, locale), listDraftFacets(), draftLanguageOptions()]);
  const params = (page: number) => {
    const p = new URLSearchParams();
    for (const key of ["q", "organisation", "topic", "status", "language"] as const) if (query[key]) p.set(key, String(query[key]));
    if (page > 1) p.set("page", String(page));
    return `/drafts${p.size ? `?${p}` : ""}`;
  };
  const select = (name: string, label: string, value: string | undefined, options: Array<{ value: string; label: string }>) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`filter-${name}`} className="font-semibold">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className="input">
        <option value="">{t("any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <form method="get" role="search" aria-label={t("searchLabel")} className="card flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-q" className="font-semibold">
            {t("searchLabel")}
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={query.q} className="input" maxLength={200} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {select("organisation", t("organisation"), query.organisation, facets.organisations.map((o) => ({ value: o.slug, label: o.name })))}
          {select("topic", t("topic"), query.topic, facets.topics.map((topic) => ({ value: topic, label: topic })))}
          {select("status", t("status"), query.status, draftStatuses.map((s) => ({ value: s, label: ts(s) })))}
          {select("language", t("language"), query.language, languages)}
        </div>
        <div>
          <button type="submit" className="btn-primary">
            {t("apply")}
          </button>
        </div>
      </form>
      <p aria-live="polite" className="font-semibold">
        {query.q ? t("resultsFor", { count: result.total, q: query.q }) : t("results", { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <p className="card">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {result.items.map((d) => (
            <li key={d.reference}>
              <DraftListEntry draft={d} headingLevel={2} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} href={params} />
      <p className="text-sm">
        <a className="link" href="/drafts/feed.atom">
          {t("feed")}
        </a>{" "}
        ·{" "}
        <a className="link" href="/drafts/feed.rss">
          RSS
        </a>
      </p>
    </div>
  );
}
