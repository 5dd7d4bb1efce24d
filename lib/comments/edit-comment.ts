import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { AppError, ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";

export const EDIT_WINDOW_MS = 15 * 60 * 1000;

/** Authors may correct a comment within 15 minutes of posting it. */
export async function editComment(actor: Actor | null, input: { commentId: string; body: string; proposedText: string | null }, now = new Date()) {
  if (!actor) throw new UnauthenticatedError();
  if (actor.suspendedAt) throw new AppError("suspended");
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: input.commentId }, select: { authorId: true, createdAt: true, status: true, kind: true, draftId: true } });
    if (!comment) throw new NotFoundError();
    if (comment.authorId !== actor.id) throw new ForbiddenError();
    if (comment.status === "WITHDRAWN" || comment.status === "HIDDEN") throw new ConflictError("commentNotEditable");
    if (now.getTime() - comment.createdAt.getTime() > EDIT_WINDOW_MS) throw new ConflictError("editWindowOver");
    await tx.comment.update({
      where: { id: input.commentId },
      data: { body: input.body, editedAt: now, ...(comment.kind === "CHANGE" && input.proposedText ? { proposedText: input.proposedText } : {}) },
    });
    return { draftId: comment.draftId };
  });
}

/** Authors may withdraw their own comment at any time; the thread shows that it was withdrawn. */
export async function withdrawComment(actor: Actor | null, commentId: string) {
  if (!actor) throw new UnauthenticatedError();
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: commentId }, select: { authorId: true, status: true, parentId: true, draftId: true } });
    if (!comment) throw new NotFoundError();
    if (comment.authorId !== actor.id) throw new ForbiddenError();
    if (comment.status === "WITHDRAWN") return { draftId: comment.draftId };
    // Conditional on the status read above: of two concurrent withdrawals only one changes the row,
    // so the parent's reply count is decremented exactly once.
    const changed = await tx.comment.updateMany({ where: { id: commentId, status: comment.status }, data: { status: "WITHDRAWN" } });
    if (changed.count === 1 && comment.parentId && comment.status === "PUBLISHED") await tx.comment.update({ where: { id: comment.parentId }, data: { replyCount: { decrement: 1 } } });
    return { draftId: comment.draftId };
  });
}
