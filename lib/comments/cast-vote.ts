import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { consumeLimit } from "@/lib/rate-limit/limits";
import { assertCanParticipate, loadDraftForParticipation } from "./participation";
import type { TVoteInput } from "./schemas";

/**
 * Agree / disagree / pass on a comment: one vote per person per comment (primary key), changeable.
 * The comment's totals are recounted in SQL in the same transaction, so they always match the votes.
 */
export async function castVote(actor: Actor | null, input: TVoteInput) {
  if (actor) await consumeLimit("vote", actor.id);
  return prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: input.commentId }, select: { draftId: true, status: true } });
    if (!comment || comment.status !== "PUBLISHED") throw new NotFoundError();
    const draft = await loadDraftForParticipation(tx, comment.draftId, actor);
    const participant = await assertCanParticipate(tx, actor, draft);
    await tx.$executeRaw`
      INSERT INTO "CommentVote" ("commentId", "userId", value, "createdAt", "updatedAt")
      VALUES (${input.commentId}, ${participant.id}, ${input.value}::"VoteValue", now(), now())
      ON CONFLICT ("commentId", "userId") DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`;
    const [totals] = await tx.$queryRaw<{ agree: number; disagree: number; pass: number }[]>`
      UPDATE "Comment" c SET
        "agreeCount" = v.agree, "disagreeCount" = v.disagree, "passCount" = v.pass
      FROM (SELECT count(*) FILTER (WHERE value = 'AGREE')::int AS agree,
                   count(*) FILTER (WHERE value = 'DISAGREE')::int AS disagree,
                   count(*) FILTER (WHERE value = 'PASS')::int AS pass
            FROM "CommentVote" WHERE "commentId" = ${input.commentId}) v
      WHERE c.id = ${input.commentId}
      RETURNING v.agree, v.disagree, v.pass`;
    return { draftId: comment.draftId, totals: totals ?? { agree: 0, disagree: 0, pass: 0 }, value: input.value };
  });
}
