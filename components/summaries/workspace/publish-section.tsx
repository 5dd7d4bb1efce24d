import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ConfirmCheckbox } from "@/components/form/confirm-checkbox";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { publishSummaryAction } from "@/lib/summaries/actions";
import type { WorkspaceData } from "@/lib/summaries/load-workspace";

/** Workspace section: publish the summary of the reviewed run, and the versions published so far. */
export async function PublishSection({ data }: { data: Pick<WorkspaceData, "draft" | "state" | "versions" | "content"> }) {
  const { draft, state, versions } = data;
  // Comments (top-level, published) with no disposition of their own, their campaign's or their theme's.
  const undecidedCount = data.content.dispositionProgress.open;
  const [t, format] = await Promise.all([getTranslations("summaries"), getFormatter()]);
  return (
    <section id="publish" aria-labelledby="publish-heading" className="card flex flex-col gap-4">
      <h2 id="publish-heading" className="text-2xl font-bold">{t("workspace.nav.publish")}</h2>
      <p>{t("publish.lead")}</p>
      {state.finished ? (
        <InlineActionForm action={publishSummaryAction} hidden={{ draftId: draft.id, runId: state.finished.id }} className="flex flex-col items-start gap-2" label={t("publish.title")}>
          <label className="flex w-full flex-col gap-1">
            <span className="font-semibold">{t("publish.note")}</span>
            <textarea name="note" className="input min-h-20" maxLength={500} />
          </label>
          {undecidedCount > 0 ? (
            <p role="note" className="rounded border-s-4 border-danger bg-white p-3" data-testid="undecided-warning">
              {t("publish.undecidedWarning", { count: undecidedCount })}{" "}
              <Link className="link" href={`/drafts/${encodeURIComponent(draft.reference)}/workspace?open=1#dispositions`}>
                {t("publish.undecidedLink")}
              </Link>
            </p>
          ) : null}
          <ConfirmCheckbox id="confirm-publish" label={t("publish.confirm")} />
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
  );
}
