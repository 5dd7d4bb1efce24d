import { getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { Pagination } from "@/components/pagination";
import { dispositionAction, moveCommentAction } from "@/lib/summaries/actions";
import { WORKSPACE_PAGE_SIZE, type WorkspaceData } from "@/lib/summaries/load-workspace";
import { commentHref, excerpt, workspaceHref } from "../links";
import { DispositionFields } from "./disposition-fields";

/** Workspace section: the disposition worklist (filter, one page of comments, decisions, moves). */
export async function DispositionsSection({ data }: { data: Pick<WorkspaceData, "draft" | "content" | "worklist" | "page" | "themeFilter" | "openOnly" | "heat"> }) {
  const { draft, content, worklist, page, themeFilter, openOnly, heat } = data;
  const [t, tg, tv] = await Promise.all([getTranslations("summaries"), getTranslations("groups"), getTranslations("summaries.dispositions.values")]);
  const progress = content.dispositionProgress;
  const themeOptions = content.themes.map((th) => ({ id: th.id, label: th.label }));
  const href = (over: Record<string, string | undefined>) => workspaceHref(draft.reference, { theme: themeFilter, open: openOnly }, over);
  return (
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
            <blockquote dir="auto" className="border-s-4 border-line ps-3" data-content="comment">{c.text}</blockquote>
            <p className="text-sm text-muted">
              {[c.group ? tg(c.group as never) : t("themes.undeclared"), c.anchor ? t("dispositions.onParagraph", { n: c.anchor.replace(/^[ps]-/, "") }) : t("dispositions.general"), c.signatures > 1 ? t("campaigns.signatures", { n: c.signatures }) : null].filter(Boolean).join(" · ")}{" "}
              <a className="link" href={commentHref(draft.reference, c.id)}>{t("themes.openComment")}</a>
            </p>
            {c.disposition ? (
              <p className="text-sm font-semibold" data-testid="comment-disposition">{t("dispositions.current", { value: tv(c.disposition.value) })}</p>
            ) : null}
            <InlineActionForm action={dispositionAction} hidden={{ draftId: draft.id, commentId: c.id }} className="flex flex-col gap-2" label={t("dispositions.forComment")}>
              <DispositionFields idPrefix={`c-${c.id}`} initial={c.disposition} />
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
      <Pagination page={page} pageCount={Math.ceil(worklist.total / WORKSPACE_PAGE_SIZE)} href={(p) => href({ page: String(p) })} />
      {draft.currentVersion ? (
        <datalist id="changed-paragraphs">
          {heat.filter((h) => h.kind !== "heading").map((h) => (
            <option key={h.anchor} value={`${draft.currentVersion}:${h.anchor}`}>
              {`${h.number} ${excerpt(h.text, 60)}`}
            </option>
          ))}
        </datalist>
      ) : null}
    </section>
  );
}
