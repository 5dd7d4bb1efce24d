import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { assertCanParticipate, loadDraftForParticipation } from "@/lib/comments/participation";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ConflictError, FieldError, NotFoundError, PayloadTooLargeError, UnsupportedMediaTypeError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { consumeLimit } from "@/lib/rate-limit/limits";
import { wakeExtraction } from "./extraction-jobs";
import { isRefused, prepareAttachment, recordAttachments } from "./prepare-attachments";
import { attachmentPath, type AttachmentSummary } from "./queries";
import { MAX_ATTACHMENTS_PER_COMMENT } from "./rules";

const summarySelect = { id: true, filename: true, contentType: true, size: true } as const;
const toSummary = (a: { id: string; filename: string; contentType: string; size: number }): AttachmentSummary => ({ ...a, url: attachmentPath(a.id) });

/**
 * POST /api/v1/comments/{id}/attachments: the comment's author adds one file (the raw body) while
 * the consultation is open, up to three per comment. Idempotent per (comment, Idempotency-Key).
 * @returns `created` false for a retry (→ 200), and the attachment (ZApiAttachment).
 * @throws NotFoundError (not the caller's comment, or gone), PayloadTooLargeError (413),
 *   UnsupportedMediaTypeError("attachmentTypeRefused") (415), FieldError("file", "attachmentEmpty") (422),
 *   ConflictError("attachmentTooMany" | "draftNotOpen") (409), RateLimitedError (429).
 */
export async function uploadAttachment(actor: Actor, commentId: string, input: { bytes: Uint8Array; filename: string; idempotencyKey: string | null }) {
  const existing = async () =>
    input.idempotencyKey
      ? prisma.attachment.findFirst({ where: { commentId, idempotencyKey: input.idempotencyKey, comment: { authorId: actor.id } }, select: summarySelect })
      : null;
  const retried = await existing();
  if (retried) return { created: false, body: toSummary(retried) };
  if (input.bytes.byteLength === 0) throw new FieldError("file", "attachmentEmpty");
  await consumeLimit("attachment", actor.id);
  const prepared = await prepareAttachment(input.bytes, input.filename);
  if (isRefused(prepared)) {
    if (prepared.reason === "size") throw new PayloadTooLargeError(env.ATTACHMENT_MAX_BYTES);
    throw new UnsupportedMediaTypeError("attachmentTypeRefused");
  }
  try {
    const id = await prisma.$transaction(async (tx) => {
      // The row lock serialises concurrent uploads to one comment, so the count check holds.
      const [comment] = await tx.$queryRaw<{ draftId: string; authorId: string; status: string }[]>`
        SELECT "draftId", "authorId", status::text AS status FROM "Comment" WHERE id = ${commentId} FOR UPDATE`;
      if (!comment || comment.authorId !== actor.id || (comment.status !== "PUBLISHED" && comment.status !== "PENDING")) throw new NotFoundError();
      const draft = await loadDraftForParticipation(tx, comment.draftId, actor);
      await assertCanParticipate(tx, actor, draft);
      const count = await tx.attachment.count({ where: { commentId } });
      if (count >= MAX_ATTACHMENTS_PER_COMMENT) throw new ConflictError("attachmentTooMany");
      const [created] = await recordAttachments(tx, commentId, [prepared], input.idempotencyKey);
      return created!;
    });
    wakeExtraction();
    const row = await prisma.attachment.findUniqueOrThrow({ where: { id }, select: summarySelect });
    return { created: true, body: toSummary(row) };
  } catch (error) {
    // Two uploads with the same key raced: the loser answers with the winner's attachment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await existing();
      if (winner) return { created: false, body: toSummary(winner) };
    }
    throw error;
  }
}
