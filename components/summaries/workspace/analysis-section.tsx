import { getFormatter, getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { importPolisAction, requestAnalysisAction } from "@/lib/summaries/actions";
import type { WorkspaceData } from "@/lib/summaries/load-workspace";
import { opinionGroupCounts } from "@/lib/summaries/schemas";
import { AnalysisProgress } from "../analysis-progress";

/** Workspace section: last run, progress, (re)run with an optional pinned number of groups, Pol.is import, exports. */
export async function AnalysisSection({ data }: { data: Pick<WorkspaceData, "draft" | "state" | "pinnedK"> }) {
  const { draft, state, pinnedK } = data;
  const [t, format] = await Promise.all([getTranslations("summaries"), getFormatter()]);
  const active = state.active;
  const exportBase = `/drafts/${encodeURIComponent(draft.reference)}/workspace/export`;
  return (
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
        <InlineActionForm action={requestAnalysisAction} hidden={{ draftId: draft.id }} className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col gap-1">
            <span className="text-sm font-semibold">{t("opinions.pinLabel")}</span>
            <select name="groupCount" className="input" defaultValue={pinnedK ? String(pinnedK) : "auto"} aria-describedby="group-count-hint" data-testid="group-count">
              {opinionGroupCounts.map((v) => (
                <option key={v} value={v}>
                  {v === "auto" ? t("opinions.pinAuto") : v}
                </option>
              ))}
            </select>
            <span id="group-count-hint" className="text-sm text-muted">{t("opinions.pinHint")}</span>
          </label>
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
  );
}
