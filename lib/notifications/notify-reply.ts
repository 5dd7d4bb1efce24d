import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/jobs/outbox";
import { recordReplyItem } from "./digests";

/**
 * Queues an email to the author of a comment when someone else replies to it (if they want such
 * emails). Call inside the transaction that creates the reply, so the email exists exactly when the
 * reply does; then call wakeOutbox() after the commit.
 */
export async function notifyReply(tx: Prisma.TransactionClient, { parentId, replyId }: { parentId: string; replyId: string }): Promise<void> {
  const [parent, reply] = await Promise.all([
    tx.comment.findUnique({ where: { id: parentId }, select: { authorId: true, author: { select: { email: true, locale: true, notifyReplies: true, id: true, suspendedAt: true } } } }),
    tx.comment.findUnique({ where: { id: replyId }, select: { authorId: true, anonymous: true, body: true, anchor: true, author: { select: { name: true } }, draft: { select: { id: true, organisationId: true, reference: true, title: true } } } }),
  ]);
  if (!parent || !reply || parent.authorId === reply.authorId || !parent.author.notifyReplies || parent.author.suspendedAt) return;
  const anchor = reply.anchor ?? "general";
  const values = {
    path: `/drafts/${encodeURIComponent(reply.draft.reference)}/p/${anchor}#comment-${parentId}`,
    title: reply.draft.title,
    name: reply.anonymous ? "" : (reply.author.name ?? ""),
    excerpt: reply.body.slice(0, 300),
  };
  // Someone who follows this draft by daily or weekly digest gets the reply in that digest instead.
  if (await recordReplyItem(tx, { draftId: reply.draft.id, userId: parent.author.id, values })) return;
  await enqueueEmail(tx, {
    kind: "reply",
    to: parent.author.email,
    userId: parent.author.id,
    locale: parent.author.locale,
    organisationId: reply.draft.organisationId,
    draftId: reply.draft.id,
    values,
  });
}
