import "server-only";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { assertNotSuspended } from "@/lib/comments/participation";
import { FieldError, NotFoundError } from "@/lib/errors";
import { consumeLimit } from "@/lib/rate-limit/limits";
import type { Prisma } from "@/lib/generated/prisma/client";

export type ModerationDecision = "APPROVE" | "HIDE" | "RESTORE" | "DISMISS_FLAGS";

/**
 * A moderator of the draft's organisation approves a pending comment, hides one with a public
 * reason, restores it, or dismisses its flags. Every decision lands in the audit log.
 */
export async function moderateComment(actor: Actor | null, input: { commentId: string; action: ModerationDecision; reason: string }) {
  return prisma.$transaction(async (tx) => {
    // Lock the comment first: two moderators deciding at once must not both move the parent's
    // reply count from the same starting status.
    await tx.$queryRaw`SELECT id FROM "Comment" WHERE id = ${input.commentId} FOR UPDATE`;
    const comment = await tx.comment.findUnique({ where: { id: input.commentId }, select: { id: true, status: true, parentId: true, draftId: true, draft: { select: { organisationId: true } } } });
    if (!comment) throw new NotFoundError();
    assertCan(actor, "moderation.act", { organisationId: comment.draft.organisationId });
    if (input.action === "HIDE" && input.reason.trim().length < 3) throw new FieldError("reason", "reasonRequired");
    const next =
      input.action === "APPROVE" ? "PUBLISHED" : input.action === "HIDE" ? "HIDDEN" : input.action === "RESTORE" ? "PUBLISHED" : comment.status;
    const data: Prisma.CommentUpdateInput = { status: next };
    if (input.action === "HIDE") data.moderationNote = input.reason.trim();
    if (input.action === "RESTORE") data.moderationNote = null;
    if (input.action === "DISMISS_FLAGS" || input.action === "HIDE" || input.action === "RESTORE") data.flagCount = 0;
    await tx.comment.update({ where: { id: comment.id }, data });
    if (input.action !== "APPROVE") await tx.commentFlag.updateMany({ where: { commentId: comment.id, resolvedAt: null }, data: { resolvedAt: new Date() } });
    // Replies count only published comments.
    if (comment.parentId && comment.status !== next) {
      const delta = next === "PUBLISHED" ? 1 : comment.status === "PUBLISHED" ? -1 : 0;
      if (delta) await tx.comment.update({ where: { id: comment.parentId }, data: { replyCount: { increment: delta } } });
    }
    await tx.moderationAction.create({
      data: { organisationId: comment.draft.organisationId, draftId: comment.draftId, commentId: comment.id, actorId: actor.id, action: input.action, reason: input.reason.trim() },
    });
    return { draftId: comment.draftId };
  });
}

/** Anyone signed in may flag a comment once, with a reason; moderators see it in their queue. */
export async function flagComment(actor: Actor | null, input: { commentId: string; reason: string }) {
  assertCan(actor, "comment.flag");
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: input.commentId }, select: { id: true, status: true, draftId: true, draft: { select: { organisationId: true } } } });
    if (!comment || comment.status !== "PUBLISHED") throw new NotFoundError();
    await assertNotSuspended(tx, actor, comment.draft.organisationId);
    const existing = await tx.commentFlag.findUnique({ where: { commentId_userId: { commentId: comment.id, userId: actor.id } }, select: { id: true } });
    if (existing) return { draftId: comment.draftId };
    await consumeLimit("flag", actor.id);
    await tx.commentFlag.create({ data: { commentId: comment.id, userId: actor.id, reason: input.reason } });
    await tx.comment.update({ where: { id: comment.id }, data: { flagCount: { increment: 1 } } });
    return { draftId: comment.draftId };
  });
}

/**
 * Suspends (or lifts the suspension of) a participant from this organisation's consultations. The
 * reason of a suspension is for the organisation's moderators and owners (the audit log), not shown
 * to the participant. Lifting goes through `liftSuspension` (idempotent).
 *
 * @throws ForbiddenError unless the actor moderates the organisation; FieldError("reason") when a
 * suspension has no reason of at least 3 characters.
 */
export async function setParticipantSuspension(actor: Actor | null, input: { organisationId: string; userId: string; suspend: boolean; reason: string }) {
  assertCan(actor, "moderation.act", { organisationId: input.organisationId });
  if (!input.suspend) return liftSuspension(actor, input);
  if (input.reason.trim().length < 3) throw new FieldError("reason", "suspendReasonRequired");
  await prisma.$transaction(async (tx) => {
    await tx.organisationBan.upsert({
      where: { organisationId_userId: { organisationId: input.organisationId, userId: input.userId } },
      create: { organisationId: input.organisationId, userId: input.userId, reason: input.reason.trim() },
      update: { reason: input.reason.trim() },
    });
    await tx.moderationAction.create({
      data: { organisationId: input.organisationId, targetUserId: input.userId, actorId: actor.id, action: "SUSPEND", reason: input.reason.trim() },
    });
  });
  return { lifted: false };
}

/**
 * Lifts an organisation's suspension of one participant, for the organisation's moderators and
 * owners. Idempotent: the audit log records an UNSUSPEND only when a suspension was actually lifted,
 * so a second click (or two moderators at once) changes nothing and logs nothing.
 *
 * @returns `{ lifted: true }` when a suspension was removed, `{ lifted: false }` when there was none.
 * @throws ForbiddenError (or UnauthenticatedError) unless the actor moderates the organisation.
 */
export async function liftSuspension(actor: Actor | null, input: { organisationId: string; userId: string }) {
  assertCan(actor, "moderation.act", { organisationId: input.organisationId });
  return prisma.$transaction(async (tx) => {
    // DELETE is atomic per row: of two concurrent lifts only one sees count 1 and writes the log entry.
    const removed = await tx.organisationBan.deleteMany({ where: { organisationId: input.organisationId, userId: input.userId } });
    if (removed.count === 0) return { lifted: false };
    await tx.moderationAction.create({ data: { organisationId: input.organisationId, targetUserId: input.userId, actorId: actor.id, action: "UNSUSPEND", reason: "" } });
    return { lifted: true };
  });
}
