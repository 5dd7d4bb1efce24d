import { getFormatter, getTranslations } from "next-intl/server";
import { ConfirmCheckbox } from "@/components/form/confirm-checkbox";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { diffWords } from "@/lib/drafts/document/diff";
import { isolate } from "@/lib/i18n/isolate";
import type { CommentView } from "@/lib/comments/queries";
import { versionSuffix } from "@/lib/drafts/version-label";
import { countryName } from "@/lib/users/countries";
import { flagCommentAction, voteAction, withdrawCommentAction, editCommentAction } from "@/lib/comments/actions";
import { moderateCommentAction, suspendParticipantAction } from "@/lib/moderation/actions";
import { CommentForm } from "./comment-form";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { env } from "@/lib/env";
import { createCommentAction } from "@/lib/comments/actions";

type Ctx = {
  draftId: string;
  organisationId: string;
  open: boolean;
  signedIn: boolean;
  /** The viewer is suspended (platform or this organisation): no edit, withdraw or report controls. */
  suspended?: boolean;
  canPostOfficially: boolean;
  currentVersion: number;
  locale: string;
  now: number;
};

/** One comment with its author line, text, proposed change, votes, replies and the actions the viewer may take. */
export async function CommentCard({ comment, ctx, moderator, isReply = false }: { comment: CommentView; ctx: Ctx; moderator: boolean; isReply?: boolean }) {
  const [t, tg, format] = await Promise.all([getTranslations("participation"), getTranslations("groups"), getFormatter()]);
  const a = comment.author;
  // Names and affiliations are user text: each keeps its own direction inside the byline.
  const who = a.name
    ? [isolate(a.name), a.group ? tg(a.group) : null, a.country ? countryName(a.country, ctx.locale) : null, a.affiliation ? isolate(a.affiliation) : null].filter(Boolean).join(" · ")
    : [t("anonymousParticipant"), a.group ? tg(a.group) : null].filter(Boolean).join(" · ");
  // Controls appear only where the server would accept them (lib/comments/edit-comment.ts, cast-vote.ts).
  const editable = a.isViewer && !ctx.suspended && comment.status !== "WITHDRAWN" && comment.status !== "HIDDEN" && ctx.now - comment.createdAt.getTime() < 15 * 60_000;
  const voteLabel = { AGREE: t("agree"), DISAGREE: t("disagree"), PASS: t("pass") } as const;
  return (
    <article id={`comment-${comment.id}`} className={`flex flex-col gap-2 ${isReply ? "border-s-2 border-line ps-4" : "card"}`} aria-labelledby={`comment-${comment.id}-by`}>
      <p id={`comment-${comment.id}-by`} className="flex flex-wrap items-center gap-x-2 text-sm">
        <span className="font-semibold">{who}</span>
        {comment.official ? <span className="rounded-full border border-accent px-2 text-xs font-semibold text-accent-strong">{t("officialBadge")}</span> : null}
        {comment.kind ? <span className="rounded-full bg-gray-100 px-2 text-xs font-semibold">{t(`kinds.${comment.kind}`)}</span> : null}
        <time dateTime={comment.createdAt.toISOString()} className="text-muted">
          {format.dateTime(comment.createdAt, { dateStyle: "medium", timeStyle: "short" })}
        </time>
        {comment.editedAt ? <span className="text-muted">({t("edited")})</span> : null}
        {comment.versionNumber !== ctx.currentVersion ? <span className="text-muted">{t("onVersion", { version: versionSuffix(comment.versionNumber) })}</span> : null}
        {moderator && a.anonymous ? <span className="text-muted">({t("anonymousToPublic")})</span> : null}
      </p>

      {comment.status === "HIDDEN" ? (
        <p className="italic text-muted" data-testid="removed">
          {t("removedByModerator", { reason: comment.moderationNote ?? "" })}
        </p>
      ) : comment.status === "WITHDRAWN" ? (
        <p className="italic text-muted">{t("withdrawnByAuthor")}</p>
      ) : null}
      {comment.status === "PENDING" ? <p className="text-sm font-semibold text-accent-strong">{t("pendingNotice")}</p> : null}

      {comment.status !== "WITHDRAWN" && comment.bodyHtml ? (
        <>
          {comment.quote ? <blockquote className="border-s-4 border-line ps-3 text-muted" dir="auto" data-content="quote">
              “<bdi>{comment.quote}</bdi>”
            </blockquote> : null}
          <div className={`prose-block ${comment.status === "HIDDEN" ? "border-s-4 border-line ps-3 text-muted" : ""}`} dir="auto" data-content="comment" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
          {comment.kind === "CHANGE" && comment.proposedText ? (
            <div className="rounded-md border border-line bg-white p-3" data-testid="proposed-change">
              <p className="mb-1 text-sm font-semibold">{t("proposedChange")}</p>
              <p dir="auto">
                {diffWords(comment.originalText ?? "", comment.proposedText).map((w, i) =>
                  w.type === "same" ? <span key={i}>{w.text}</span> : w.type === "added" ? <ins key={i} className="diff-ins">{w.text}</ins> : <del key={i} className="diff-del">{w.text}</del>,
                )}
              </p>
            </div>
          ) : null}
        </>
      ) : null}
      {comment.status !== "WITHDRAWN" ? <AttachmentList attachments={comment.attachments} commentId={comment.id} /> : null}

      {comment.status === "PUBLISHED" ? (
        <div className="flex flex-col gap-1">
          <p className="text-sm" data-testid="vote-totals">
            {t("totals", { agree: comment.totals.agree, disagree: comment.totals.disagree, pass: comment.totals.pass })}
          </p>
          {comment.byGroup.length > 0 ? (
            <details className="text-sm">
              <summary className="cursor-pointer text-accent">{t("byGroup")}</summary>
              <table className="mt-1">
                <caption className="sr-only">{t("byGroup")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="pe-3 text-start">{t("group")}</th>
                    <th scope="col" className="pe-3 text-end">{t("agree")}</th>
                    <th scope="col" className="pe-3 text-end">{t("disagree")}</th>
                    <th scope="col" className="text-end">{t("pass")}</th>
                  </tr>
                </thead>
                <tbody>
                  {comment.byGroup.map((g) => (
                    <tr key={g.group ?? "none"}>
                      <th scope="row" className="pe-3 text-start font-normal">{g.group ? tg(g.group) : t("noGroup")}</th>
                      <td className="pe-3 text-end tabular-nums">{g.agree}</td>
                      <td className="pe-3 text-end tabular-nums">{g.disagree}</td>
                      <td className="text-end tabular-nums">{g.pass}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ) : null}
          {ctx.open && ctx.signedIn && !a.isViewer ? (
            <InlineActionForm action={voteAction} hidden={{ commentId: comment.id }} label={t("voteLabel")}>
              {(["AGREE", "DISAGREE", "PASS"] as const).map((v) => (
                <button key={v} type="submit" name="value" value={v} aria-pressed={comment.viewerVote === v} className={`btn-secondary min-h-11 px-3 text-sm ${comment.viewerVote === v ? "bg-accent text-white" : ""}`}>
                  {voteLabel[v]}
                </button>
              ))}
            </InlineActionForm>
          ) : null}
        </div>
      ) : null}

      <div className="flex flex-wrap gap-3 text-sm">
        {editable ? (
          <details>
            <summary className="cursor-pointer text-accent">{t("edit")}</summary>
            <InlineActionForm action={editCommentAction} hidden={{ commentId: comment.id }} className="mt-2 flex flex-col gap-2">
              <label htmlFor={`edit-${comment.id}`} className="font-semibold">{t("body")}</label>
              <textarea id={`edit-${comment.id}`} name="body" rows={4} className="input" dir="auto" defaultValue={comment.body} />
              <button type="submit" className="btn-secondary self-start">{t("saveEdit")}</button>
            </InlineActionForm>
          </details>
        ) : null}
        {a.isViewer && !ctx.suspended && comment.status !== "WITHDRAWN" && comment.status !== "HIDDEN" ? (
          <InlineActionForm action={withdrawCommentAction} hidden={{ commentId: comment.id }}>
            <button type="submit" className="link min-h-11">{t("withdraw")}</button>
          </InlineActionForm>
        ) : null}
        {ctx.signedIn && !ctx.suspended && !a.isViewer && comment.status === "PUBLISHED" ? (
          <details>
            <summary className="cursor-pointer text-accent">{t("flag")}</summary>
            <InlineActionForm action={flagCommentAction} hidden={{ commentId: comment.id }} className="mt-2 flex flex-col gap-2">
              <label htmlFor={`flag-${comment.id}`} className="font-semibold">{t("flagReason")}</label>
              <input id={`flag-${comment.id}`} name="reason" className="input" maxLength={500} />
              <button type="submit" className="btn-secondary self-start">{t("sendFlag")}</button>
            </InlineActionForm>
          </details>
        ) : null}
      </div>

      {moderator ? (
        <div className="flex flex-col gap-2 rounded-md bg-gray-50 p-3 text-sm" aria-label={t("moderation")}>
          <p className="font-semibold">{t("moderation")}</p>
          {comment.status === "PENDING" ? (
            <InlineActionForm action={moderateCommentAction} hidden={{ commentId: comment.id, action: "APPROVE", reason: "" }}>
              <button type="submit" className="btn-secondary">{t("approve")}</button>
            </InlineActionForm>
          ) : null}
          {comment.status === "PUBLISHED" || comment.status === "PENDING" ? (
            <InlineActionForm action={moderateCommentAction} hidden={{ commentId: comment.id, action: "HIDE" }}>
              <label htmlFor={`hide-${comment.id}`}>{t("hideReason")}</label>
              <input id={`hide-${comment.id}`} name="reason" className="input max-w-72" maxLength={500} />
              <ConfirmCheckbox id={`hide-confirm-${comment.id}`} label={t("confirmHide")} />
              <button type="submit" className="btn-secondary">{t("hide")}</button>
            </InlineActionForm>
          ) : null}
          {comment.status === "HIDDEN" ? (
            <InlineActionForm action={moderateCommentAction} hidden={{ commentId: comment.id, action: "RESTORE", reason: "" }}>
              <button type="submit" className="btn-secondary">{t("restore")}</button>
            </InlineActionForm>
          ) : null}
          {a.userId && !a.isViewer ? (
            <InlineActionForm action={suspendParticipantAction} hidden={{ organisationId: ctx.organisationId, userId: a.userId, suspend: "1" }}>
              <label htmlFor={`suspend-${comment.id}`}>{t("suspendReason")}</label>
              <input id={`suspend-${comment.id}`} name="reason" className="input max-w-72" maxLength={500} />
              <ConfirmCheckbox id={`suspend-confirm-${comment.id}`} label={t("confirmSuspend")} />
              <button type="submit" className="btn-secondary text-danger">{t("suspend")}</button>
            </InlineActionForm>
          ) : null}
        </div>
      ) : null}

      {!isReply && comment.replies.length > 0 ? (
        <div className="flex flex-col gap-3">
          {comment.replies.map((r) => (
            <CommentCard key={r.id} comment={r} ctx={ctx} moderator={moderator} isReply />
          ))}
        </div>
      ) : null}
      {!isReply && ctx.open && ctx.signedIn && comment.status === "PUBLISHED" ? (
        <details>
          <summary className="cursor-pointer text-sm text-accent">{t("reply")}</summary>
          <div className="mt-2">
            <CommentForm action={createCommentAction} draftId={ctx.draftId} anchor={comment.anchor} parentId={comment.id} idempotencyKey={`reply-${comment.id}-${ctx.now}`} canPostOfficially={ctx.canPostOfficially} idPrefix={`reply-${comment.id}`} attachmentMaxBytes={env.ATTACHMENT_MAX_BYTES} />
          </div>
        </details>
      ) : null}
    </article>
  );
}
