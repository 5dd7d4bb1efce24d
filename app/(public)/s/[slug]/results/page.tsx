import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RepresentationTable } from "@/components/summaries/participation-figures";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/surveys/bar-chart";
import { HeldAnswers } from "@/components/surveys/held-answers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { localized, translated } from "@/lib/surveys/definition";
import { ageBands, educationLevels, genders, stakeholderGroups } from "@/lib/surveys/demographics";
import { getSurveyForAnswering, resultsAccess } from "@/lib/surveys/queries";
import { surveyResults } from "@/lib/surveys/results";
import { ZResultsFilter } from "@/lib/surveys/schemas";
import { countryName, countryOptions } from "@/lib/users/countries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | undefined>> };

export const metadata: Metadata = { robots: { index: false } };

/** Live results for the organisation (or everyone, when the survey's results are public), filterable. */
export default async function SurveyResultsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const survey = await getSurveyForAnswering(slug, user);
  const access = survey ? resultsAccess(user, survey) : null;
  if (!survey || !access?.canView) notFound();
  const staff = access.canExport;
  const filter = ZResultsFilter.parse(await searchParams);
  const [t, tg, ts, locale, format, results] = await Promise.all([getTranslations("survey"), getTranslations("groups"), getTranslations("summaries"), getLocale(), getFormatter(), surveyResults(survey.id, survey.definition, filter)]);
  const opt = (q: (typeof survey.definition)[number], id: string) => (id === "other" ? t("other") : q.type === "country" ? (countryName(id, locale) ?? id) : localized(q.options.find((o) => o.id === id)?.label, locale) || id);
  const filterSelect = (name: keyof typeof filter, label: string, options: Array<{ value: string; label: string }>) => (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={`f-${name}`} className="text-sm font-semibold">
        {label}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={filter[name] ?? ""} className="input w-full min-w-0">
        <option value="">{t("all")}</option>
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
      <p>
        <Link className="link" href={`/s/${slug}`} dir="auto" data-content="survey-title">
          {translated(survey.title, survey.titleI18n, locale)}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("resultsTitle")}</h1>
      <form method="get" className="card grid gap-3 sm:grid-cols-3" aria-label={t("filters")}>
        {filterSelect("group", t("demographics.group"), stakeholderGroups.map((g) => ({ value: g, label: tg(g) })))}
        {filterSelect("ageBand", t("demographics.ageBand"), ageBands.map((v) => ({ value: v, label: t(`ageBands.${v}`) })))}
        {filterSelect("gender", t("demographics.gender"), genders.map((v) => ({ value: v, label: t(`genders.${v}`) })))}
        {filterSelect("education", t("demographics.education"), educationLevels.map((v) => ({ value: v, label: t(`education.${v}`) })))}
        {filterSelect("country", t("demographics.country"), countryOptions(locale).map((c) => ({ value: c.code, label: c.name })))}
        <div className="flex items-end">
          <button type="submit" className="btn-primary">
            {t("applyFilters")}
          </button>
        </div>
      </form>
      <p className="text-lg font-semibold" data-testid="response-total">
        {t("responses", { count: results.total })}
      </p>
      {results.held > 0 ? (
        <p className="text-sm" data-testid="held-total">
          <strong>{t("heldCount", { count: results.held })}</strong> {t("heldExplain")}
        </p>
      ) : null}
      {results.held > 0 && access.canReview && user ? <HeldAnswers surveyId={survey.id} definition={survey.definition} user={user} held={results.held} /> : null}
      {staff ? (
        <p className="flex gap-4">
          <a className="link" href={`/s/${slug}/export.csv`}>
            {t("exportCsv")}
          </a>
          <a className="link" href={`/s/${slug}/export.json`}>
            {t("exportJson")}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="by-group" className="card flex flex-col gap-2">
        <h2 id="by-group" className="text-xl font-semibold">
          {t("byGroup")}
        </h2>
        <BarChart caption={t("byGroup")} labelHeader={t("demographics.group")} valueLabel={t("count")} rows={results.byGroup.map((g) => ({ label: g.key ? tg(g.key as (typeof stakeholderGroups)[number]) : t("notStated"), value: g.n }))} />
      </section>
      {results.total > 0 ? (
        <section aria-labelledby="balance" className="card flex flex-col gap-4">
          <h2 id="balance" className="text-xl font-semibold">
            {ts("participation.warningTitle")}
          </h2>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <RepresentationTable caption={ts("participation.byGroup")} rows={results.balance.groups} labelOf={(k) => tg(k as (typeof stakeholderGroups)[number])} />
            <RepresentationTable caption={ts("participation.byRegion")} rows={results.balance.regions} labelOf={(k) => ts(`participation.regions.${k}` as "participation.regions.AF")} />
          </div>
        </section>
      ) : null}
      {results.byCountry.length > 0 ? (
        <section aria-labelledby="by-country" className="card flex flex-col gap-2">
          <h2 id="by-country" className="text-xl font-semibold">
            {t("byCountry")}
          </h2>
          <BarChart caption={t("byCountry")} labelHeader={t("demographics.country")} valueLabel={t("count")} rows={results.byCountry.map((c) => ({ label: c.key ? (countryName(c.key, locale) ?? c.key) : t("notStated"), value: c.n }))} />
        </section>
      ) : null}
      <section aria-labelledby="over-time" className="card flex flex-col gap-2">
        <h2 id="over-time" className="text-xl font-semibold">
          {t("overTime")}
        </h2>
        <BarChart caption={t("overTime")} labelHeader={t("day")} valueLabel={t("count")} rows={results.overTime.map((d) => ({ label: format.dateTime(d.day, { dateStyle: "medium", timeZone: "UTC" }), value: d.n }))} />
      </section>
      {results.questions.map(({ question: q, options, numbers, ranks, texts, words, themes }, i) => (
        <section key={q.id} aria-labelledby={`res-${q.id}`} className="card flex flex-col gap-3" data-testid={`result-${q.id}`}>
          <h2 id={`res-${q.id}`} className="text-lg font-semibold">
            {i + 1}.{" "}
            <span dir="auto" data-content="question">
              {localized(q.text, locale)}
            </span>
          </h2>
          {q.type === "single" || q.type === "multiple" || q.type === "country" ? (
            <BarChart content caption={localized(q.text, locale)} labelHeader={t("answer")} valueLabel={t("count")} rows={options.sort((a, b) => b.n - a.n).map((o) => ({ label: opt(q, o.option), value: o.n }))} />
          ) : q.type === "likert" || q.type === "rating" || q.type === "number" ? (
            <>
              <p className="text-sm">{numbers.length ? t("average", { value: (numbers.reduce((s, n) => s + n.value * n.n, 0) / numbers.reduce((s, n) => s + n.n, 0)).toFixed(2) }) : t("noAnswers")}</p>
              <BarChart caption={localized(q.text, locale)} labelHeader={t("answer")} valueLabel={t("count")} rows={numbers.map((n) => ({ label: String(n.value), value: n.n }))} />
            </>
          ) : q.type === "ranking" ? (
            <ol className="list-decimal ps-6">
              {ranks.map((r) => (
                <li key={r.option}>
                  <bdi data-content="option">{opt(q, r.option)}</bdi> <span className="text-sm text-muted">({t("averageRank", { value: r.avg.toFixed(2) })})</span>
                </li>
              ))}
            </ol>
          ) : (
            <>
              {themes.length ? <BarChart content caption={t("answerThemes")} labelHeader={t("theme")} valueLabel={t("count")} rows={themes.map((th) => ({ label: th.label, value: th.n }))} /> : null}
              {words.length ? <BarChart content caption={t("commonWords")} labelHeader={t("word")} valueLabel={t("count")} rows={words.map((w) => ({ label: w.word, value: w.n }))} /> : null}
              <details>
                <summary className="cursor-pointer text-accent">{t("readAnswers", { count: texts.length })}</summary>
                <ul className="mt-2 flex list-disc flex-col gap-1 ps-6">
                  {texts.map((text, k) => (
                    <li key={k} dir="auto" data-content="answer">
                      {text}
                    </li>
                  ))}
                </ul>
              </details>
            </>
          )}
        </section>
      ))}
    </div>
  );
}
