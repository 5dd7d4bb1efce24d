import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { assertNotSuspended } from "./participation";

export const EDIT_WINDOW_MS = 15 * 60 * 1000;

/** Authors may correct a comment within 15 minutes of posting it. */
export async function editComment(actor: Actor | null, input: { commentId: string; body: string; proposedText: string | null }, now = new Date()) {
  if (!actor) throw new UnauthenticatedError();
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: input.commentId }, select: { authorId: true, createdAt: true, status: true, kind: true, draftId: true, draft: { select: { organisationId: true } } } });
    if (!comment) throw new NotFoundError();
    if (comment.authorId !== actor.id) throw new ForbiddenError();
    await assertNotSuspended(tx, actor, comment.draft.organisationId);
    if (comment.status === "WITHDRAWN" || comment.status === "HIDDEN") throw new ConflictError("commentNotEditable");
    if (now.getTime() - comment.createdAt.getTime() > EDIT_WINDOW_MS) throw new ConflictError("editWindowOver");
    await tx.comment.update({
      where: { id: input.commentId },
      data: { body: input.body, editedAt: now, ...(comment.kind === "CHANGE" && input.proposedText ? { proposedText: input.proposedText } : {}) },
    });
    return { draftId: comment.draftId };
  });
}

/** Authors may withdraw their own comment at any time (not one a moderator hid); the thread shows that it was withdrawn. */
export async function withdrawComment(actor: Actor | null, commentId: string) {
  if (!actor) throw new UnauthenticatedError();
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: commentId }, select: { authorId: true, status: true, parentId: true, draftId: true, draft: { select: { organisationId: true } } } });
    if (!comment) throw new NotFoundError();
    if (comment.authorId !== actor.id) throw new ForbiddenError();
    await assertNotSuspended(tx, actor, comment.draft.organisationId);
    if (comment.status === "WITHDRAWN") return { draftId: comment.draftId };
    // An author cannot undo moderation: a hidden comment stays hidden with the moderator's reason.
    if (comment.status === "HIDDEN") throw new ConflictError("commentHiddenByModerator");
    await tx.comment.update({ where: { id: commentId }, data: { status: "WITHDRAWN" } });
    if (comment.parentId && comment.status === "PUBLISHED") await tx.comment.update({ where: { id: comment.parentId }, data: { replyCount: { decrement: 1 } } });
    return { draftId: comment.draftId };
  });
}
