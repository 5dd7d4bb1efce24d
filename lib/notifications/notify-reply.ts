import "server-only";
import { prisma } from "@/lib/db/client";
import { sendNotification } from "./send-notification";

/** Emails the author of a comment when someone else replies to it (if they want such emails). */
export async function notifyReply({ parentId, replyId }: { parentId: string; replyId: string }): Promise<void> {
  const [parent, reply] = await Promise.all([
    prisma.comment.findUnique({ where: { id: parentId }, select: { authorId: true, author: { select: { email: true, locale: true, notifyReplies: true, id: true } } } }),
    prisma.comment.findUnique({ where: { id: replyId }, select: { authorId: true, anonymous: true, body: true, anchor: true, author: { select: { name: true } }, draft: { select: { reference: true, title: true } } } }),
  ]);
  if (!parent || !reply || parent.authorId === reply.authorId || !parent.author.notifyReplies) return;
  const anchor = reply.anchor ?? "general";
  await sendNotification({
    user: parent.author,
    kind: "reply",
    path: `/drafts/${encodeURIComponent(reply.draft.reference)}/p/${anchor}#comment-${parentId}`,
    values: { title: reply.draft.title, name: reply.anonymous ? "" : (reply.author.name ?? ""), excerpt: reply.body.slice(0, 300) },
  });
}
