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
import { listThread } from "@/lib/comments/queries";
import { applyScheduledTransitionsThrottled } from "@/lib/drafts/apply-scheduled-transitions";
import { getDraftForReader, getParagraph } from "@/lib/drafts/get-draft";
import { isOpenForComment } from "@/lib/drafts/visibility";
import { renderTime } from "@/lib/time/now";

type Props = { params: Promise<{ ref: string; anchor: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ref, anchor } = await params;
  const t = await getTranslations("participation");
  return { title: anchor === "general" ? t("generalTitle") : t("threadTitle", { number: anchor.replace(/^[ps]-/, "") }), description: decodeURIComponent(ref) };
}

/** One paragraph's discussion (or the general one): the text, the comment form, and the comments, paginated. */
export default async function ParagraphThreadPage({ params, searchParams }: Props) {
  await applyScheduledTransitionsThrottled();
  const { ref, anchor: rawAnchor } = await params;
  const user = await getCurrentUser();
  const draft = await getDraftForReader(decodeURIComponent(ref), user);
  if (!draft || draft.currentVersion === null) notFound();
  const anchor = rawAnchor === "general" ? null : decodeURIComponent(rawAnchor);
  if (anchor !== null && !/^[ps]-[0-9.]+(?:-[0-9]+)?$/.test(anchor)) notFound();
  const page = Math.max(1, Math.min(100_000, Number.parseInt((await searchParams).page ?? "1", 10) || 1));
  const [t, locale, paragraph, thread] = await Promise.all([
    getTranslations("participation"),
    getLocale(),
    anchor ? getParagraph(draft.id, draft.currentVersion, anchor) : Promise.resolve(null),
    listThread(draft, anchor, user, page),
  ]);
  const open = isOpenForComment(draft);
  const base = `/drafts/${encodeURIComponent(draft.reference)}`;
  const label = anchor ? (paragraph?.number ?? anchor.replace(/^[ps]-/, "")) : null;
  const ctx = {
    draftId: draft.id,
    organisationId: draft.organisationId,
    open,
    signedIn: Boolean(user),
    canPostOfficially: can(user, "draft.edit", { organisationId: draft.organisationId }),
    currentVersion: draft.currentVersion,
    locale,
    now: renderTime(),
  };
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <p>
        <Link className="link" href={anchor ? `${base}#${anchor}` : base}>
          {t("backToText", { title: draft.title })}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{label ? t("threadTitle", { number: label }) : t("generalTitle")}</h1>
      {anchor ? (
        paragraph ? (
          <SelectableParagraph html={paragraph.html} quoteFieldId="comment-quote" />
        ) : (
          <p className="card text-muted">{t("paragraphGone")}</p>
        )
      ) : null}

      <section aria-labelledby="new-comment" className="flex flex-col gap-3">
        <h2 id="new-comment" className="text-xl font-semibold">
          {t("formTitle")}
        </h2>
        {!open ? (
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
            <CommentForm action={createCommentAction} draftId={draft.id} anchor={anchor} paragraphText={paragraph?.text} idempotencyKey={randomUUID()} canPostOfficially={ctx.canPostOfficially} />
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
          {t("count", { count: thread.total })}
        </h2>
        {thread.items.map((c) => (
          <CommentCard key={c.id} comment={c} ctx={ctx} moderator={thread.moderator} />
        ))}
        <Pagination page={thread.page} pageCount={thread.pageCount} href={(p) => `${base}/p/${rawAnchor}?page=${p}`} />
      </section>
    </div>
  );
}
