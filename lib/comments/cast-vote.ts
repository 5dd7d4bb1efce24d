import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { consumeLimit } from "@/lib/rate-limit/limits";
import { assertCanParticipate, loadDraftForParticipation } from "./participation";
import type { TVoteInput } from "./schemas";

/**
 * Agree / disagree / pass on a comment: one vote per person per comment (primary key), changeable.
 * The comment's row is locked (FOR UPDATE) before the vote is read and written, so concurrent voters
 * on one comment (and one person's double click) queue behind each other; the totals then move by
 * the difference between the previous and the new vote in the same transaction, so they always
 * equal the rows, at a cost that does not grow with the number of votes.
 *
 * Authors cannot vote on their own comments: ConflictError("ownCommentVote"), nothing is written.
 */
export async function castVote(actor: Actor | null, input: TVoteInput) {
  if (actor) await consumeLimit("vote", actor.id);
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: input.commentId }, select: { draftId: true, status: true, authorId: true } });
    if (!comment || comment.status !== "PUBLISHED") throw new NotFoundError();
    const draft = await loadDraftForParticipation(tx, comment.draftId, actor);
    const participant = await assertCanParticipate(tx, actor, draft);
    if (comment.authorId === participant.id) throw new ConflictError("ownCommentVote");
    // Checks first, lock last: the comment's row lock is held only for the write and the recount.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Comment" WHERE id = ${input.commentId} AND status = 'PUBLISHED' FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError();
    // One statement after the lock (so its snapshot sees every committed vote): the previous vote,
    // the upsert, and the totals moved by the difference.
    const [totals] = await tx.$queryRaw<{ agree: number; disagree: number; pass: number }[]>`
      WITH prev AS (
        SELECT value FROM "CommentVote" WHERE "commentId" = ${input.commentId} AND "userId" = ${participant.id}
      ), up AS (
        INSERT INTO "CommentVote" ("commentId", "userId", value, "createdAt", "updatedAt")
        VALUES (${input.commentId}, ${participant.id}, ${input.value}::"VoteValue", now(), now())
        ON CONFLICT ("commentId", "userId") DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()
        RETURNING value
      ), d AS (
        SELECT (SELECT count(*) FROM up WHERE value = 'AGREE') - (SELECT count(*) FROM prev WHERE value = 'AGREE') AS agree,
               (SELECT count(*) FROM up WHERE value = 'DISAGREE') - (SELECT count(*) FROM prev WHERE value = 'DISAGREE') AS disagree,
               (SELECT count(*) FROM up WHERE value = 'PASS') - (SELECT count(*) FROM prev WHERE value = 'PASS') AS pass
      )
      UPDATE "Comment" c SET
        "agreeCount" = c."agreeCount" + d.agree, "disagreeCount" = c."disagreeCount" + d.disagree, "passCount" = c."passCount" + d.pass
      FROM d WHERE c.id = ${input.commentId}
      RETURNING c."agreeCount" AS agree, c."disagreeCount" AS disagree, c."passCount" AS pass`;
    return { draftId: comment.draftId, totals: totals ?? { agree: 0, disagree: 0, pass: 0 }, value: input.value };
    // Voters on a popular comment queue for its row lock (bounded by the lock timeout), and for a
    // connection (bounded by the pool timeout) rather than Prisma's 2 s default.
  }, { maxWait: env.DATABASE_POOL_TIMEOUT_MS, timeout: env.DATABASE_LOCK_TIMEOUT_MS + env.DATABASE_STATEMENT_TIMEOUT_MS || 60_000 });
}
