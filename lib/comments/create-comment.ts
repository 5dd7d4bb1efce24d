import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { can } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { FieldError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { wakeOutbox } from "@/lib/jobs/outbox";
import { notifyReply } from "@/lib/notifications/notify-reply";
import { issueCommentReceipt } from "@/lib/receipts/issue-receipt";
import { recordOfficialReplyItems } from "@/lib/notifications/digests";
import { consumeLimit } from "@/lib/rate-limit/limits";
import { assertCanParticipate, loadDraftForParticipation } from "./participation";
import type { TCreateCommentInput } from "./schemas";
import { recordAttachments, type PreparedAttachment } from "@/lib/attachments/prepare-attachments";
import { wakeExtraction } from "@/lib/attachments/extraction-jobs";

export type CreatedComment = { id: string; status: "PENDING" | "PUBLISHED"; anchor: string | null; parentId: string | null; created: boolean; trackingNumber: string | null };

/**
 * A stakeholder comments on a paragraph, a passage, or the whole draft, or replies to a comment.
 * Idempotent per (author, idempotency key): a retried submission returns the first comment.
 * `attachments` (issue 13): files already checked and stored (lib/attachments/prepare-attachments.ts).
 */
export async function createComment(actor: Actor | null, input: TCreateCommentInput, attachments: PreparedAttachment[] = []): Promise<CreatedComment> {
  if (actor && input.idempotencyKey) {
    const existing = await prisma.comment.findUnique({
      where: { authorId_idempotencyKey: { authorId: actor.id, idempotencyKey: input.idempotencyKey } },
      select: { id: true, status: true, anchor: true, parentId: true, trackingNumber: true },
    });
    if (existing) return { ...existing, status: existing.status === "PENDING" ? "PENDING" : "PUBLISHED", created: false };
  }
  // Spent after the idempotency lookup: a retry of a stored comment never meets the limit.
  if (actor) await consumeLimit("comment", actor.id);
  let notified = false;
  try {
    const result = await prisma.$transaction(async (tx) => {
      const draft = await loadDraftForParticipation(tx, input.draftId, actor);
      const participant = await assertCanParticipate(tx, actor, draft);
      if (draft.currentVersion === null) throw new NotFoundError();
      let anchor = input.anchor;
      let originalText: string | null = null;
      if (input.parentId) {
        const parent = await tx.comment.findUnique({ where: { id: input.parentId }, select: { draftId: true, parentId: true, status: true, anchor: true } });
        // One level of replies: a reply to a reply goes to the thread's top comment.
        if (!parent || parent.draftId !== draft.id || parent.status !== "PUBLISHED") throw new FieldError("body", "replyTargetGone");
        if (parent.parentId) input = { ...input, parentId: parent.parentId };
        anchor = parent.anchor;
      } else if (anchor) {
        const block = await tx.draftBlock.findFirst({ where: { anchor, version: { draftId: draft.id, number: draft.currentVersion } }, select: { text: true } });
        if (!block) throw new FieldError("anchor", "anchorUnknown");
        originalText = block.text;
      }
      const official = input.official && can(participant, "draft.edit", { organisationId: draft.organisationId });
      const status = draft.preModeration && !official ? "PENDING" : "PUBLISHED";
      const comment = await tx.comment.create({
        data: {
          draftId: draft.id,
          versionNumber: draft.currentVersion,
          anchor,
          quote: input.parentId ? null : input.quote,
          parentId: input.parentId,
          authorId: participant.id,
          kind: input.parentId ? null : input.kind,
          body: input.body,
          proposedText: input.kind === "CHANGE" ? input.proposedText : null,
          originalText: input.kind === "CHANGE" ? originalText : null,
          anonymous: input.anonymous && !official,
          official,
          status,
          idempotencyKey: input.idempotencyKey,
        },
        select: { id: true, status: true, anchor: true, parentId: true, trackingNumber: true },
      });
      // Issue 13: files checked and stored beforehand, recorded with the comment (text read later by the worker).
      if (attachments.length > 0) await recordAttachments(tx, comment.id, attachments);
      if (comment.parentId && status === "PUBLISHED") {
        await tx.comment.update({ where: { id: comment.parentId }, data: { replyCount: { increment: 1 } } });
        // The reply's email is queued in the reply's own transaction (the outbox), sent after commit.
        await notifyReply(tx, { parentId: comment.parentId, replyId: comment.id });
        notified = true;
      }
      // Digests: an official reply is news for the draft's digest followers (lib/notifications/digests.ts).
      if (official) await recordOfficialReplyItems(tx, comment.id);
      // Receipts: the tracking number and its email, last (the docket's counter row stays locked until commit).
      const trackingNumber = await issueCommentReceipt(tx, comment.id);
      notified = true;
      return { ...comment, trackingNumber, status, created: true } as CreatedComment;
    });
    if (notified) wakeOutbox();
    if (attachments.length > 0) wakeExtraction();
    return result;
  } catch (error) {
    // Two submissions with the same key raced: the loser returns the winner's comment.
    if (actor && input.idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const existing = await prisma.comment.findUniqueOrThrow({
        where: { authorId_idempotencyKey: { authorId: actor.id, idempotencyKey: input.idempotencyKey } },
        select: { id: true, status: true, anchor: true, parentId: true, trackingNumber: true },
      });
      return { ...existing, status: existing.status === "PENDING" ? "PENDING" : "PUBLISHED", created: false };
    }
    throw error;
  }
}
