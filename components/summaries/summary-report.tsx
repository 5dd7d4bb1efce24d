import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { describeSettings, type SettingValue } from "@/lib/summaries/provenance-settings";
import type { SummaryContent } from "@/lib/summaries/snapshot";
import { commentHref, excerpt } from "./links";
import { OpinionGroups } from "./opinion-map";
import { ParticipationFigures } from "./participation-figures";
import { CampaignList } from "./campaign-list";
import { AgreementStatements } from "./statement-list";
import { ThemeList } from "./theme-list";

/** "What you said, what we did": every disposition recorded on a comment. */
export async function DispositionTable({ reference, content }: { reference: string; content: SummaryContent }) {
  const [t, tv] = await Promise.all([getTranslations("summaries.dispositions"), getTranslations("summaries.dispositions.values")]);
  const p = content.dispositionProgress;
  return (
    <div className="flex flex-col gap-3">
      <p>
        {t("counts", { total: p.total, decided: p.decided })}{" "}
        {(["ACCEPTED", "PARTLY_ACCEPTED", "NOT_ACCEPTED", "NOTED"] as const).map((v) => `${tv(v)}: ${p.byValue[v] ?? 0}`).join(" · ")}
      </p>
      {content.dispositions.length ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("tableCaption")}>
          <table className="w-full text-sm" data-testid="disposition-table">
            <caption className="mb-2 text-start font-semibold">{t("tableCaption")}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 pe-3 text-start">{t("said")}</th>
                <th scope="col" className="py-1 pe-3 text-start">{t("decision")}</th>
                <th scope="col" className="py-1 text-start">{t("did")}</th>
              </tr>
            </thead>
            <tbody>
              {content.dispositions.map((d) => (
                <tr key={d.commentId} className="border-b border-line/60 align-top">
                  {/* The comment and the organisation's response in their own direction; the links around them in the reader's. */}
                  <td className="py-2 pe-3">
                    <span dir="auto" data-content="disposition-comment">
                      {excerpt(d.text, 240)}
                    </span>{" "}
                    <a className="link" href={commentHref(reference, d.commentId)}>
                      {t("openComment")}
                    </a>
                  </td>
                  <td className="py-2 pe-3 font-semibold">{tv(d.value)}</td>
                  <td className="py-2">
                    <span dir="auto" data-content="disposition-response">
                      {d.response}
                    </span>
                    {d.changedAt ? (
                      <>
                        {" "}
                        <Link className="link" href={`/drafts/${encodeURIComponent(reference)}/versions/${d.changedAt.version}#${d.changedAt.anchor}`}>
                          {t("changedLink", { version: String(d.changedAt.version).padStart(2, "0"), anchor: d.changedAt.anchor.replace(/^[ps]-/, "") })}
                        </Link>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

function flatten(detail: unknown): Record<string, string | number> {
  return Object.fromEntries(Object.entries((detail ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.join(" / ") : typeof v === "number" ? v : String(v)]));
}

/** The analysis run's settings as a labelled list in the reader's language (see lib/summaries/provenance-settings.ts). */
async function SettingsList({ settings, level }: { settings: unknown; level: number }) {
  const [t, tn, tv, format] = await Promise.all([getTranslations("summaries.provenance"), getTranslations("summaries.provenance.settingNames"), getTranslations("summaries.provenance.settingValues"), getFormatter()]);
  const rows = describeSettings(settings);
  if (!rows.length) return null;
  const H = `h${Math.min(level, 6)}` as "h3";
  const shown = (v: SettingValue) =>
    v.kind === "automatic" ? tv("automatic") : v.kind === "boolean" ? tv(v.value ? "yes" : "no") : v.kind === "choice" ? tv(v.value) : v.kind === "number" ? format.number(v.value, v.percent ? { style: "percent", maximumFractionDigits: 1 } : {}) : v.value;
  return (
    <section aria-labelledby="provenance-settings" className="flex flex-col gap-1">
      <H id="provenance-settings" className="font-semibold">
        {t("settings")}
      </H>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]" data-testid="provenance-settings">
        {rows.map((r) => (
          <div key={r.key} className="contents">
            <dt className="text-muted">{"known" in r ? <code className="break-all">{r.key}</code> : tn(r.key)}</dt>
            <dd className="mb-1 break-words sm:mb-0">{shown(r.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** How the summary was made: analysis version and settings, data cut-off, and every moderator edit. */
export async function Provenance({ content, headingLevel = 3 }: { content: SummaryContent; headingLevel?: number }) {
  const [t, te, format] = await Promise.all([getTranslations("summaries.provenance"), getTranslations("summaries.provenance.edits"), getFormatter()]);
  const p = content.provenance;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="provenance">
      <p>
        {t("analysis", { version: p.analysisVersion ?? "—", comments: p.commentsAnalysed, votes: p.votesAnalysed })}{" "}
        {p.cutoffAt ? t("cutoff", { date: format.dateTime(new Date(p.cutoffAt), { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }) }) : null}
      </p>
      <SettingsList settings={p.settings} level={headingLevel} />
      <p>{t("method")}</p>
      {p.edits.length ? (
        <ol className="list-decimal ps-6">
          {p.edits.map((e, i) => (
            <li key={i}>
              {te(e.action as "import", { ...flatten(e.detail), by: e.by ?? t("someone"), date: format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) } as never)}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("noEdits")}</p>
      )}
    </div>
  );
}

/** The whole summary of responses, as published (and previewed in the workspace). */
export async function SummaryReport({ reference, content, headingLevel = 2, version }: { reference: string; content: SummaryContent; headingLevel?: 2 | 3; version?: number }) {
  const t = await getTranslations("summaries");
  const H = `h${headingLevel}` as "h2";
  const section = (id: string, title: string, body: React.ReactNode) => (
    <section key={id} aria-labelledby={id} className="flex flex-col gap-3 break-inside-avoid-page">
      <H id={id} className="text-2xl font-bold">
        {title}
      </H>
      {body}
    </section>
  );
  return (
    <div className="flex flex-col gap-10">
      {section("sum-participation", t("report.participation"), <ParticipationFigures data={content.participation} />)}
      {section("sum-themes", t("report.themes"), <ThemeList reference={reference} themes={content.themes} themeHref={content.themeComments && version ? (id) => `/drafts/${encodeURIComponent(reference)}/summary/themes/${encodeURIComponent(id)}?v=${version}` : undefined} />)}
      {content.campaigns.length ? section("sum-campaigns", t("report.campaigns"), <CampaignList reference={reference} campaigns={content.campaigns} />) : null}
      {section("sum-opinions", t("report.opinions"), <OpinionGroups reference={reference} content={content} />)}
      {(["consensus", "divisive", "bridging", "split"] as const).map((kind) => section(`sum-${kind}`, t(`report.${kind}`), <AgreementStatements key={kind} reference={reference} content={content} kind={kind} />))}
      {section("sum-dispositions", t("report.dispositions"), <DispositionTable reference={reference} content={content} />)}
      {section("sum-provenance", t("report.provenance"), <Provenance content={content} headingLevel={headingLevel + 1} />)}
    </div>
  );
}
