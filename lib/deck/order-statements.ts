import "server-only";
import { prisma } from "@/lib/db/client";

/** A statement is "fresh" while it has fewer votes than this; the deck alternates fresh and well-voted ones. */
export const FRESH_VOTES = 5;

export type DeckProgress = {
  /** Published top-level comments by others on this draft: what the participant can vote on. */
  total: number;
  /** How many of those the participant has voted on (agree, disagree or pass). */
  voted: number;
  /** How many of those the participant skipped in this session and has not voted on since. */
  skipped: number;
};

/**
 * Where the participant stands in a draft's deck, counted in SQL (two index lookups: the draft's
 * published comments, the participant's votes).
 */
export async function deckProgress(draftId: string, userId: string, skipped: readonly string[]): Promise<DeckProgress> {
  const [row] = await prisma.$queryRaw<DeckProgress[]>`
    SELECT count(*)::int AS total,
           count(v."userId")::int AS voted,
           count(*) FILTER (WHERE v."userId" IS NULL AND c.id = ANY(${skipped as string[]}::text[]))::int AS skipped
    FROM "Comment" c
    LEFT JOIN "CommentVote" v ON v."commentId" = c.id AND v."userId" = ${userId}
    WHERE c."draftId" = ${draftId} AND c.status = 'PUBLISHED' AND c."parentId" IS NULL AND c."authorId" <> ${userId}`;
  return row ?? { total: 0, voted: 0, skipped: 0 };
}

/**
 * The next statement for this participant, or null when none is left: a published top-level comment
 * on the draft, not written by them, not voted on by them, not skipped in this session.
 *
 * The order, after Pol.is's comment routing (our own formula):
 * - each statement has a priority = decided × fewVotes × recency, where n = agree + disagree + pass,
 *   decided = (agree + disagree + 1) / (n + 1), the share of voters who took a side (1 when nobody
 *   passed: statements people pass on sink),
 *   fewVotes = 1 + 8 × 2^(−n/5) (statements few have voted on are shown sooner), and
 *   recency = 1 + 2^(−h/24), h = hours between the statement and the draft's newest comment;
 * - statements race: key = −ln(u) / priority with u in (0, 1) from md5(userId:commentId), so the order
 *   is random but weighted by priority, and the same for the same participant (reloading shows the
 *   same next statement; another participant sees another order);
 * - turns alternate between fresh statements (fewer than FRESH_VOTES votes) and well-voted ones:
 *   turn = votes cast + statements skipped (see `deckProgress`); even turns take the fresh statement with
 *   the smallest key when there is one, odd turns the well-voted one, each falling back on the other.
 *
 * Cost: one pass over the draft's published top-level comments (index on draftId, status) with a
 * primary-key probe of CommentVote per comment.
 */
export async function nextStatementId(draftId: string, userId: string, skipped: readonly string[], turn: number): Promise<string | null> {
  const preferFresh = turn % 2 === 0;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    WITH newest AS (
      SELECT max("createdAt") AS at FROM "Comment" WHERE "draftId" = ${draftId} AND status = 'PUBLISHED' AND "parentId" IS NULL
    ), candidates AS (
      SELECT c.id,
             (c."agreeCount" + c."disagreeCount" + c."passCount") AS n,
             c."agreeCount" + c."disagreeCount" AS decided,
             extract(epoch FROM (newest.at - c."createdAt")) / 3600.0 AS hours,
             (('x' || substr(md5(${userId} || ':' || c.id), 1, 8))::bit(32)::bigint + 0.5) / 4294967296.0 AS u
      FROM "Comment" c CROSS JOIN newest
      WHERE c."draftId" = ${draftId} AND c.status = 'PUBLISHED' AND c."parentId" IS NULL AND c."authorId" <> ${userId}
        AND NOT (c.id = ANY(${skipped as string[]}::text[]))
        AND NOT EXISTS (SELECT 1 FROM "CommentVote" v WHERE v."commentId" = c.id AND v."userId" = ${userId})
    )
    SELECT id FROM candidates
    ORDER BY (n < ${FRESH_VOTES}) = ${preferFresh} DESC,
             -ln(u) / ((decided + 1.0) / (n + 1.0) * (1 + 8 * power(2.0, -n / 5.0)) * (1 + power(2.0, -greatest(hours, 0) / 24.0))),
             id
    LIMIT 1`;
  return rows[0]?.id ?? null;
}
