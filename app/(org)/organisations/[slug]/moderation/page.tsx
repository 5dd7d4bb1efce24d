import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { liftSuspensionAction, moderateCommentAction, suspendParticipantAction } from "@/lib/moderation/actions";
import { ConfirmCheckbox } from "@/components/form/confirm-checkbox";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { Pagination } from "@/components/pagination";
import { AttachmentExcerpts, QueueSearch } from "@/components/attachments/moderation-extras";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/permissions";
import { moderationQueue } from "@/lib/moderation/queries";
import { getOrganisationPage } from "@/lib/orgs/queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string; q?: string }> };

export const metadata = { robots: { index: false } };

/** The moderators' queue: comments waiting for approval, then flagged ones (most flags first). */
export default async function ModerationQueuePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/organisations/${slug}/moderation`)}`);
  const org = await getOrganisationPage(slug, user);
  if (!org) notFound();
  const { page: pageParam, q = "" } = await searchParams;
  const page = Math.max(1, Number.parseInt(pageParam ?? "1", 10) || 1);
  const queue = await moderationQueue(org.org.id, user, page, 25, q);
  if (!queue) notFound();
  const [t, tOutbox] = await Promise.all([getTranslations("moderationPage"), getTranslations("outboxPage")]);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link className="link" href={`/organisations/${slug}`}>
          {org.org.name}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <nav aria-label={t("toolsNav")}>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li>
            <Link className="link" href={`/organisations/${slug}/moderation/hidden`}>
              {t("hiddenTitle")}
            </Link>
          </li>
          <li>
            <Link className="link" href={`/organisations/${slug}/moderation/suspended`}>
              {t("suspendedTitle")}
            </Link>
          </li>
          <li>
            <Link className="link" href={`/organisations/${slug}/audit-log`}>
              {t("auditLog")}
            </Link>
          </li>
          {can(user, "org.viewAuditLog", { organisationId: org.org.id }) ? (
            <li>
              <Link className="link" href={`/organisations/${slug}/undeliverable-emails`}>
                {tOutbox("title")}
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <QueueSearch action={`/organisations/${slug}/moderation`} value={q} />
      <p aria-live="polite">{t("count", { count: queue.total })}</p>
      <ul className="flex flex-col gap-4">
        {queue.items.map((c) => (
          <li key={c.id} className="card flex flex-col gap-2">
            <p className="text-sm">
              <span className="font-semibold">{c.status === "PENDING" ? t("pending") : t("flagged", { count: c.flagCount })}</span>
              {" · "}
              <Link className="link" href={`/drafts/${encodeURIComponent(c.draft.reference)}/p/${c.anchor ?? "general"}#comment-${c.id}`}>
                {c.draft.reference} {c.anchor ? `§ ${c.anchor.replace(/^[ps]-/, "")}` : ""}
              </Link>
              {" · "}
              {c.author.name ?? c.author.email} {c.anonymous ? `(${t("anonymous")})` : ""}
              {c.authorBanned ? ` · ${t("suspended")}` : ""}
            </p>
            <p className="whitespace-pre-wrap">{c.body}</p>
            <AttachmentExcerpts texts={c.attachmentTexts} />
            {c.flags.length > 0 ? (
              <ul className="list-disc ps-6 text-sm text-muted">
                {c.flags.map((f, i) => (
                  <li key={i}>{f.reason}</li>
                ))}
              </ul>
            ) : null}
            <div className="flex flex-wrap gap-3">
              {c.status === "PENDING" ? (
                <InlineActionForm action={moderateCommentAction} hidden={{ commentId: c.id, action: "APPROVE", reason: "" }}>
                  <button type="submit" className="btn-primary">{t("approve")}</button>
                </InlineActionForm>
              ) : (
                <InlineActionForm action={moderateCommentAction} hidden={{ commentId: c.id, action: "DISMISS_FLAGS", reason: "" }}>
                  <button type="submit" className="btn-secondary">{t("dismiss")}</button>
                </InlineActionForm>
              )}
              <InlineActionForm action={moderateCommentAction} hidden={{ commentId: c.id, action: "HIDE" }}>
                <label htmlFor={`q-hide-${c.id}`}>{t("hideReason")}</label>
                <input id={`q-hide-${c.id}`} name="reason" className="input max-w-72" maxLength={500} />
                <ConfirmCheckbox id={`q-hide-confirm-${c.id}`} label={t("confirmHide")} />
                <button type="submit" className="btn-secondary">{t("hide")}</button>
              </InlineActionForm>
              {!c.authorBanned ? (
                <InlineActionForm action={suspendParticipantAction} hidden={{ organisationId: org.org.id, userId: c.authorId, suspend: "1" }}>
                  <label htmlFor={`q-suspend-${c.id}`}>{t("suspendReason")}</label>
                  <input id={`q-suspend-${c.id}`} name="reason" className="input max-w-72" maxLength={500} />
                  <ConfirmCheckbox id={`q-suspend-confirm-${c.id}`} label={t("confirmSuspend")} />
                  <button type="submit" className="btn-secondary text-danger">{t("suspend")}</button>
                </InlineActionForm>
              ) : (
                <InlineActionForm action={liftSuspensionAction} hidden={{ organisationId: org.org.id, userId: c.authorId }}>
                  <button type="submit" className="btn-secondary">{t("unsuspend")}</button>
                </InlineActionForm>
              )}
            </div>
          </li>
        ))}
      </ul>
      <Pagination page={queue.page} pageCount={queue.pageCount} href={(p) => `/organisations/${slug}/moderation?page=${p}${q ? `&q=${encodeURIComponent(q)}` : ""}`} />
    </div>
  );
}
