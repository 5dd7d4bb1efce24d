import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { randomUUID } from "node:crypto";
import { createCommentAction } from "@/lib/comments/actions";
import { Pagination } from "@/components/pagination";
import { CommentCard } from "@/components/participation/comment-card";
import { CommentForm } from "@/components/participation/comment-form";
import { SelectableParagraph } from "@/components/participation/selectable-paragraph";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/permissions";
import { ZAnchor } from "@/lib/comments/schemas";
import { commentCountsByAnchor, listThread } from "@/lib/comments/queries";
import { applyScheduledTransitionsThrottled } from "@/lib/drafts/apply-scheduled-transitions";
import { numberInAnchor } from "@/lib/drafts/document/anchors";
import { getDraftForReader, getParagraph } from "@/lib/drafts/get-draft";
import { textDirection } from "@/lib/drafts/text-direction";
import { isolate } from "@/lib/i18n/isolate";
import { isOpenForComment } from "@/lib/drafts/visibility";
import { participationBlock } from "@/lib/comments/participation";
import { renderTime } from "@/lib/time/now";
import { env } from "@/lib/env";

type Props = { params: Promise<{ ref: string; anchor: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ref, anchor } = await params;
  const t = await getTranslations("participation");
  const decoded = decodeURIComponent(anchor);
  return { title: anchor === "general" ? t("generalTitle") : t("threadTitle", { number: numberInAnchor(decoded) ?? decoded }), description: decodeURIComponent(ref) };
}

/** One paragraph's discussion (or the general one): the text, the comment form, and the comments, paginated. */
export default async function ParagraphThreadPage({ params, searchParams }: Props) {
  await applyScheduledTransitionsThrottled();
  const { ref, anchor: rawAnchor } = await params;
  const user = await getCurrentUser();
  const draft = await getDraftForReader(decodeURIComponent(ref), user);
  if (!draft || draft.currentVersion === null) notFound();
  const anchor = rawAnchor === "general" ? null : decodeURIComponent(rawAnchor);
  if (anchor !== null && !ZAnchor.safeParse(anchor).success) notFound();
  const page = Math.max(1, Math.min(100_000, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const [t, td, locale, paragraph, thread, counts, blocked] = await Promise.all([
    getTranslations("participation"),
    getTranslations("paragraphPage"),
    getLocale(),
    anchor ? getParagraph(draft.id, draft.currentVersion, anchor) : Promise.resolve(null),
    listThread(draft, anchor, user, page),
    // The same count as the reading view's "N comments": published comments and replies.
    commentCountsByAnchor(draft.id),
    participationBlock(user, draft.organisationId),
  ]);
  // A suspended participant reads everything but sees a notice instead of the forms.
  const open = isOpenForComment(draft) && !blocked;
  const base = `/drafts/${encodeURIComponent(draft.reference)}`;
  const linkedNumber = anchor ? numberInAnchor(anchor) : null;
  const label = anchor ? (paragraph?.number ?? linkedNumber ?? anchor) : null;
  const renumbered = paragraph && linkedNumber && linkedNumber !== paragraph.number ? { was: linkedNumber, now: paragraph.number } : null;
  const lang = draft.language;
  const dir = textDirection(draft.language);
  const ctx = {
    draftId: draft.id,
    organisationId: draft.organisationId,
    open,
    signedIn: Boolean(user),
    suspended: blocked !== null,
    canPostOfficially: can(user, "draft.edit", { organisationId: draft.organisationId }),
    currentVersion: draft.currentVersion,
    locale,
    now: renderTime(),
  };
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <p>
        <Link className="link" href={anchor ? `${base}#${anchor}` : base}>
          {t("backToText", { title: isolate(draft.title) })}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{label ? t("threadTitle", { number: label }) : t("generalTitle")}</h1>
      {renumbered ? (
        <p className="card" role="note" data-testid="renumbered">
          {td("renumbered", renumbered)}
        </p>
      ) : null}
      {anchor ? (
        paragraph ? (
          <SelectableParagraph html={paragraph.html} quoteFieldId="comment-quote" lang={lang} dir={dir} />
        ) : (
          <p className="card text-muted">{t("paragraphGone")}</p>
        )
      ) : null}

      <section aria-labelledby="new-comment" className="flex flex-col gap-3">
        <h2 id="new-comment" className="text-xl font-semibold">
          {t("formTitle")}
        </h2>
        {blocked && isOpenForComment(draft) ? (
          <p className="card" role="note" data-testid="suspended-notice">
            {t("suspendedNotice")}
          </p>
        ) : !open ? (
          <p className="card" data-testid="comments-closed">
            {t("closedNotice")}
          </p>
        ) : !user ? (
          <p className="card">
            <Link className="link" href={`/signin?callbackUrl=${encodeURIComponent(`${base}/p/${rawAnchor}`)}`}>
              {t("signInToComment")}
            </Link>
          </p>
        ) : (
          <div className="card">
            <CommentForm action={createCommentAction} draftId={draft.id} anchor={anchor} paragraphText={paragraph?.text} idempotencyKey={randomUUID()} canPostOfficially={ctx.canPostOfficially} attachmentMaxBytes={env.ATTACHMENT_MAX_BYTES} />
          </div>
        )}
        <p className="text-sm">
          <Link className="link" href="/code-of-conduct">
            {t("codeOfConduct")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="comments-heading" className="flex flex-col gap-4">
        <h2 id="comments-heading" className="text-xl font-semibold">
          {t("count", { count: counts[anchor ?? ""] ?? 0 })}
        </h2>
        {thread.items.map((c) => (
          <CommentCard key={c.id} comment={c} ctx={ctx} moderator={thread.moderator} />
        ))}
        <Pagination page={thread.page} pageCount={thread.pageCount} href={(p) => `${base}/p/${rawAnchor}?page=${p}`} />
      </section>
    </div>
  );
}
