import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { dispositionAction, importPolisAction, mergeThemesAction, moveCommentAction, publishSummaryAction, renameThemeAction, requestAnalysisAction, splitThemeAction } from "@/app/(org)/summaries/actions";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { Pagination } from "@/components/pagination";
import { AnalysisProgress } from "@/components/summaries/analysis-progress";
import { commentHref, excerpt } from "@/components/summaries/links";
import { OpinionGroups } from "@/components/summaries/opinion-map";
import { ParticipationFigures } from "@/components/summaries/participation-figures";
import { CampaignList } from "@/components/summaries/campaign-list";
import { AgreementStatements } from "@/components/summaries/statement-list";
import { ThemeList } from "@/components/summaries/theme-list";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { draftForSummary } from "@/lib/summaries/access";
import { workspaceComments } from "@/lib/summaries/queries";
import { analysisState } from "@/lib/summaries/run-analysis";
import { dispositionValues } from "@/lib/summaries/schemas";
import { buildSummary } from "@/lib/summaries/snapshot";
import { paragraphHeat, positionDistribution, volumeByDay } from "@/lib/summaries/workspace";
import { prisma } from "@/lib/db/client";

type Props = { params: Promise<{ ref: string }>; searchParams: Promise<{ theme?: string; open?: string; page?: string }> };

export async function generateMetadata() {
  const t = await getTranslations("summaries.workspace");
  return { title: t("title"), robots: { index: false } };
}

const PAGE_SIZE = 20;

/** The moderators' workspace: who took part, themes, opinion groups, dispositions, and publishing the summary. */
export default async function SummaryWorkspacePage({ params, searchParams }: Props) {
  const reference = decodeURIComponent((await params).ref);
  const query = await searchParams;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/drafts/${reference}/workspace`)}`);
  const draft = await draftForSummary(user, { reference }).catch((error) => {
    if (error instanceof AppError) notFound();
    throw error;
  });
  const page = Math.max(1, Math.min(100_000, Number.parseInt(query.page ?? "1", 10) || 1));
  const themeFilter = query.theme || undefined;
  const openOnly = query.open === "1";
  const [t, tg, tv, tp, format, state, content, volume, heat, positions, worklist, versions] = await Promise.all([
    getTranslations("summaries"),
    getTranslations("groups"),
    getTranslations("summaries.dispositions.values"),
    getTranslations("participation.positions"),
    getFormatter(),
    analysisState(draft.id),
    buildSummary(draft),
    volumeByDay(draft.id),
    paragraphHeat(draft.id, draft.currentVersion),
    positionDistribution(draft.id),
    workspaceComments(draft.id, { themeId: themeFilter, undecided: openOnly, page, pageSize: PAGE_SIZE }),
    prisma.summaryVersion.findMany({ where: { draftId: draft.id }, orderBy: { number: "desc" }, select: { number: true, publishedAt: true, note: true } }),
  ]);
  const active = state.active;
  const themes = content.themes;
  const themeOptions = themes.map((th) => ({ id: th.id, label: th.label }));
  const progress = content.dispositionProgress;
  const maxHeat = Math.max(1, ...heat.map((h) => h.count));
  const href = (over: Record<string, string | undefined>) => {
    const params = new URLSearchParams(Object.entries({ theme: themeFilter, open: openOnly ? "1" : undefined, page: undefined, ...over }).filter((e): e is [string, string] => !!e[1]));
    const qs = params.toString();
    return `/drafts/${encodeURIComponent(draft.reference)}/workspace${qs ? `?${qs}` : ""}#dispositions`;
  };
  const sections = ["analysis", "participation", "themes", "opinions", "dispositions", "publish"] as const;
  const exportBase = `/drafts/${encodeURIComponent(draft.reference)}/workspace/export`;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <p>
          <Link className="link" href={`/drafts/${encodeURIComponent(draft.reference)}`}>
            {t("workspace.back", { title: draft.title })}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">{t("workspace.title")}</h1>
        <p className="text-muted">{t("workspace.lead", { reference: draft.reference })}</p>
        <nav aria-label={t("workspace.sections")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {sections.map((s) => (
              <li key={s}>
                <a className="link" href={`#${s}`}>
                  {t(`workspace.nav.${s}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      <section id="analysis" aria-labelledby="analysis-heading" className="card flex flex-col gap-4">
        <h2 id="analysis-heading" className="text-2xl font-bold">
          {t("analysis.title")}
        </h2>
        <p>{t("analysis.lead")}</p>
        {state.finished ? (
          <p data-testid="analysis-finished">
            {t("analysis.lastRun", {
              date: format.dateTime(state.finished.finishedAt ?? state.finished.createdAt, { dateStyle: "medium", timeStyle: "short" }),
              comments: state.finished.commentCount,
              votes: state.finished.voteCount,
            })}
          </p>
        ) : (
          <p>{t("analysis.never")}</p>
        )}
        {state.latest?.status === "FAILED" || state.interrupted ? <p className="text-danger" role="alert">{t("analysis.failed", { error: state.latest?.error ?? "interrupted" })}</p> : null}
        <AnalysisProgress active={active} progress={state.latest?.progress ?? 0} step={state.latest?.step ?? ""} />
        {!active ? (
          <InlineActionForm action={requestAnalysisAction} hidden={{ draftId: draft.id }}>
            <button type="submit" className="btn-primary">
              {state.finished ? t("analysis.rerun") : t("analysis.run")}
            </button>
          </InlineActionForm>
        ) : null}
        <details>
          <summary className="cursor-pointer font-semibold">{t("import.title")}</summary>
          <InlineActionForm action={importPolisAction} hidden={{ draftId: draft.id }} className="mt-3 flex flex-col items-start gap-3" label={t("import.title")}>
            <p className="text-sm">{t("import.lead")}</p>
            <label className="flex flex-col gap-1">
              <span className="font-semibold">{t("import.comments")}</span>
              <input type="file" name="comments" accept=".csv,text/csv" required className="input" />
            </label>
            <label className="flex flex-col gap-1">
              <span className="font-semibold">{t("import.votes")}</span>
              <input type="file" name="votes" accept=".csv,text/csv" required className="input" />
            </label>
            <button type="submit" className="btn-secondary">
              {t("import.submit")}
            </button>
          </InlineActionForm>
        </details>
        <div>
          <h3 className="font-semibold">{t("export.title")}</h3>
          <ul className="flex flex-wrap gap-x-4">
            <li><a className="link" href={`${exportBase}/comments.csv`}>{t("export.commentsCsv")}</a></li>
            <li><a className="link" href={`${exportBase}/summary.json`}>{t("export.summaryJson")}</a></li>
            <li><a className="link" href={`${exportBase}/polis-comments.csv`}>{t("export.polisComments")}</a></li>
            <li><a className="link" href={`${exportBase}/polis-votes.csv`}>{t("export.polisVotes")}</a></li>
          </ul>
        </div>
      </section>

      <section id="participation" aria-labelledby="participation-heading" className="flex flex-col gap-4">
        <h2 id="participation-heading" className="text-2xl font-bold">
          {t("workspace.nav.participation")}
        </h2>
        <ParticipationFigures data={content.participation} volume={volume} />
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("positions.caption")}>
          <table className="w-full text-sm" data-testid="workspace-positions">
            <caption className="mb-2 text-start text-lg font-semibold">{t("positions.caption")}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 pe-3 text-start">{t("positions.section")}</th>
                {(["SUPPORT", "SUPPORT_WITH_CHANGES", "OPPOSE", "NO_POSITION"] as const).map((v) => (
                  <th key={v} scope="col" className="py-1 pe-3 text-end">{tp(v)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Object.keys(positions).sort().map((section) => (
                <tr key={section} className="border-b border-line/60">
                  <th scope="row" className="py-1 pe-3 text-start font-normal">{section === "" ? t("positions.overall") : t("positions.sectionN", { n: section })}</th>
                  {(["SUPPORT", "SUPPORT_WITH_CHANGES", "OPPOSE", "NO_POSITION"] as const).map((v) => (
                    <td key={v} className="py-1 pe-3 text-end tabular-nums">{positions[section]?.[v] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("heat.caption")}>
          <table className="w-full text-sm" data-testid="heat-map">
            <caption className="mb-2 text-start text-lg font-semibold">{t("heat.caption")}</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 pe-3 text-start">{t("heat.paragraph")}</th>
                <th scope="col" className="py-1 pe-3 text-start">{t("heat.text")}</th>
                <th scope="col" className="py-1 text-end">{t("heat.comments")}</th>
              </tr>
            </thead>
            <tbody>
              {heat.filter((h) => h.kind !== "heading").map((h) => (
                <tr key={h.anchor} className="border-b border-line/60">
                  <th scope="row" className="py-1 pe-3 text-start font-normal">
                    <Link className="link" href={`/drafts/${encodeURIComponent(draft.reference)}/p/${h.anchor}`}>{h.number}</Link>
                  </th>
                  <td className="max-w-xl truncate py-1 pe-3">{excerpt(h.text, 120)}</td>
                  <td className="py-1 text-end tabular-nums" style={{ background: `rgba(180, 35, 24, ${(0.35 * h.count) / maxHeat})` }}>
                    {h.count}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section id="themes" aria-labelledby="themes-heading" className="flex flex-col gap-4">
        <h2 id="themes-heading" className="text-2xl font-bold">
          {t("workspace.nav.themes")}
        </h2>
        <p>{t("themes.lead")}</p>
        <ThemeList
          reference={draft.reference}
          themes={themes}
          themeHref={(id) => href({ theme: id })}
          tools={(theme) => (
            <details className="border-t border-line pt-2" data-testid="theme-tools">
              <summary className="cursor-pointer font-semibold">{t("themes.edit", { label: theme.label })}</summary>
              <div className="mt-3 flex flex-col gap-4">
                <InlineActionForm action={renameThemeAction} hidden={{ themeId: theme.id }} label={t("themes.rename")}>
                  <label className="flex flex-col gap-1">
                    <span className="text-sm font-semibold">{t("themes.newName")}</span>
                    <input name="label" className="input" required maxLength={120} defaultValue={theme.customLabel ?? ""} />
                  </label>
                  <button type="submit" className="btn-secondary self-end">{t("themes.rename")}</button>
                </InlineActionForm>
                {themeOptions.length > 1 ? (
                  <InlineActionForm action={mergeThemesAction} hidden={{ themeId: theme.id }} label={t("themes.merge")}>
                    <label className="flex flex-col gap-1">
                      <span className="text-sm font-semibold">{t("themes.mergeInto")}</span>
                      <select name="intoThemeId" className="input" required defaultValue="">
                        <option value="" disabled>{t("themes.choose")}</option>
                        {themeOptions.filter((o) => o.id !== theme.id).map((o) => (
                          <option key={o.id} value={o.id}>{o.label}</option>
                        ))}
                      </select>
                    </label>
                    <button type="submit" className="btn-secondary self-end">{t("themes.merge")}</button>
                  </InlineActionForm>
                ) : null}
                {theme.voices > 1 ? (
                  <InlineActionForm action={splitThemeAction} hidden={{ themeId: theme.id, size: String(theme.comments) }} label={t("themes.split")}>
                    <button type="submit" className="btn-secondary">{t("themes.split")}</button>
                  </InlineActionForm>
                ) : null}
                <InlineActionForm action={dispositionAction} hidden={{ draftId: draft.id, themeId: theme.id }} className="flex flex-col gap-2" label={t("dispositions.forTheme")}>
                  <DispositionFields t={t} tv={tv} idPrefix={`theme-${theme.id}`} initial={theme.disposition} />
                  <button type="submit" className="btn-secondary self-start">{t("dispositions.saveForTheme")}</button>
                </InlineActionForm>
              </div>
            </details>
          )}
        />
        {content.campaigns.length ? (
          <section aria-labelledby="campaigns-heading" className="flex flex-col gap-2">
            <h3 id="campaigns-heading" className="text-xl font-semibold">{t("report.campaigns")}</h3>
            <p className="text-sm">{t("campaigns.lead")}</p>
            <CampaignList reference={draft.reference} campaigns={content.campaigns} length={200} />
          </section>
        ) : null}
      </section>

      <section id="opinions" aria-labelledby="opinions-heading" className="flex flex-col gap-4">
        <h2 id="opinions-heading" className="text-2xl font-bold">{t("workspace.nav.opinions")}</h2>
        <OpinionGroups reference={draft.reference} content={content} />
        {(["consensus", "divisive", "bridging", "split"] as const).map((kind) => (
          <div key={kind} className="flex flex-col gap-3">
            <h3 className="text-xl font-semibold">{t(`report.${kind}`)}</h3>
            <AgreementStatements reference={draft.reference} content={content} kind={kind} />
          </div>
        ))}
      </section>

      <section id="dispositions" aria-labelledby="dispositions-heading" className="flex flex-col gap-4">
        <h2 id="dispositions-heading" className="text-2xl font-bold">{t("workspace.nav.dispositions")}</h2>
        <div className="flex flex-col gap-1">
          <label htmlFor="disposition-progress" className="font-semibold">
            {t("dispositions.progress", { open: progress.open, total: progress.total })}
          </label>
          <progress id="disposition-progress" value={progress.decided} max={Math.max(1, progress.total)} className="w-full max-w-xl" data-testid="disposition-progress">
            {progress.decided}/{progress.total}
          </progress>
        </div>
        <form method="get" action={`/drafts/${encodeURIComponent(draft.reference)}/workspace#dispositions`} className="flex flex-wrap items-end gap-3" aria-label={t("dispositions.filter")}>
          <label className="flex flex-col gap-1">
            <span className="text-sm font-semibold">{t("dispositions.theme")}</span>
            <select name="theme" defaultValue={themeFilter ?? ""} className="input">
              <option value="">{t("dispositions.allThemes")}</option>
              {themeOptions.map((o) => (
                <option key={o.id} value={o.id}>{o.label}</option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="open" value="1" defaultChecked={openOnly} />
            <span>{t("dispositions.openOnly")}</span>
          </label>
          <button type="submit" className="btn-secondary">{t("dispositions.apply")}</button>
        </form>
        <p className="text-sm text-muted">{t("dispositions.showing", { total: worklist.total })}</p>
        <ol className="flex flex-col gap-4" data-testid="worklist">
          {worklist.comments.map((c) => (
            <li key={c.id} className="card flex flex-col gap-3" data-testid="worklist-comment">
              <blockquote dir="auto" className="border-s-4 border-line ps-3">{c.text}</blockquote>
              <p className="text-sm text-muted">
                {[c.group ? tg(c.group as never) : t("themes.undeclared"), c.anchor ? t("dispositions.onParagraph", { n: c.anchor.replace(/^[ps]-/, "") }) : t("dispositions.general"), c.signatures > 1 ? t("campaigns.signatures", { n: c.signatures }) : null].filter(Boolean).join(" · ")}{" "}
                <a className="link" href={commentHref(draft.reference, c.id)}>{t("themes.openComment")}</a>
              </p>
              {c.disposition ? (
                <p className="text-sm font-semibold" data-testid="comment-disposition">{t("dispositions.current", { value: tv(c.disposition.value) })}</p>
              ) : null}
              <InlineActionForm action={dispositionAction} hidden={{ draftId: draft.id, commentId: c.id }} className="flex flex-col gap-2" label={t("dispositions.forComment")}>
                <DispositionFields t={t} tv={tv} idPrefix={`c-${c.id}`} initial={c.disposition} />
                <button type="submit" className="btn-secondary self-start">{t("dispositions.save")}</button>
              </InlineActionForm>
              {themeOptions.length > 1 ? (
                <InlineActionForm action={moveCommentAction} hidden={{ commentId: c.id }} label={t("themes.move")}>
                  <label className="flex flex-col gap-1">
                    <span className="text-sm font-semibold">{t("themes.moveTo")}</span>
                    <select name="themeId" className="input" required defaultValue={c.themeId ?? ""}>
                      {themeOptions.map((o) => (
                        <option key={o.id} value={o.id}>{o.label}</option>
                      ))}
                    </select>
                  </label>
                  <button type="submit" className="btn-secondary self-end">{t("themes.move")}</button>
                </InlineActionForm>
              ) : null}
            </li>
          ))}
        </ol>
        <Pagination page={page} pageCount={Math.ceil(worklist.total / PAGE_SIZE)} href={(p) => href({ page: String(p) })} />
      </section>

      {draft.currentVersion ? (
        <datalist id="changed-paragraphs">
          {heat.filter((h) => h.kind !== "heading").map((h) => (
            <option key={h.anchor} value={`${draft.currentVersion}:${h.anchor}`}>
              {`${h.number} ${excerpt(h.text, 60)}`}
            </option>
          ))}
        </datalist>
      ) : null}

      <section id="publish" aria-labelledby="publish-heading" className="card flex flex-col gap-4">
        <h2 id="publish-heading" className="text-2xl font-bold">{t("workspace.nav.publish")}</h2>
        <p>{t("publish.lead")}</p>
        {state.finished ? (
          <InlineActionForm action={publishSummaryAction} hidden={{ draftId: draft.id, runId: state.finished.id }} className="flex flex-col items-start gap-2" label={t("publish.title")}>
            <label className="flex w-full flex-col gap-1">
              <span className="font-semibold">{t("publish.note")}</span>
              <textarea name="note" className="input min-h-20" maxLength={500} />
            </label>
            <button type="submit" className="btn-primary">{t("publish.submit")}</button>
          </InlineActionForm>
        ) : (
          <p>{t("publish.needsAnalysis")}</p>
        )}
        {versions.length ? (
          <ul className="flex flex-col gap-1" data-testid="published-versions">
            {versions.map((v) => (
              <li key={v.number}>
                <Link className="link" href={`/drafts/${encodeURIComponent(draft.reference)}/summary?v=${v.number}`}>
                  {t("publish.version", { number: v.number, date: format.dateTime(v.publishedAt, { dateStyle: "medium", timeStyle: "short" }) })}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

function DispositionFields({ t, tv, idPrefix, initial }: { t: Awaited<ReturnType<typeof getTranslations<"summaries">>>; tv: Awaited<ReturnType<typeof getTranslations<"summaries.dispositions.values">>>; idPrefix: string; initial: { value: string; response: string; versionNumber: number | null; anchor: string | null } | null }) {
  return (
    <>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
        <legend className="text-sm font-semibold">{t("dispositions.decision")}</legend>
        {dispositionValues.map((v) => (
          <label key={v} className="flex items-center gap-1">
            <input type="radio" name="value" value={v} required defaultChecked={initial?.value === v} id={`${idPrefix}-${v}`} />
            <span>{tv(v)}</span>
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-semibold">{t("dispositions.response")}</span>
        <textarea name="response" className="input min-h-16" maxLength={2000} defaultValue={initial?.response ?? ""} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-sm font-semibold">{t("dispositions.changedAt")}</span>
        <input name="changedAt" list="changed-paragraphs" className="input max-w-xs" pattern="(\d+:[a-z0-9.\-]+)?" defaultValue={initial?.versionNumber && initial.anchor ? `${initial.versionNumber}:${initial.anchor}` : ""} aria-describedby={`${idPrefix}-changed-hint`} />
        <span id={`${idPrefix}-changed-hint`} className="text-sm text-muted">{t("dispositions.changedAtHint")}</span>
      </label>
    </>
  );
}
