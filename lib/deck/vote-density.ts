import "server-only";
import { prisma } from "@/lib/db/client";

/** The buckets of votes per participant shown in the workspace, as [min, max] inclusive (max null: no upper bound). */
export const DENSITY_BUCKETS = [
  { key: "none", min: 0, max: 0 },
  { key: "few", min: 1, max: 4 },
  { key: "some", min: 5, max: 9 },
  { key: "many", min: 10, max: 24 },
  { key: "most", min: 25, max: null },
] as const;
export type DensityBucket = (typeof DENSITY_BUCKETS)[number]["key"];

export type VoteDensity = {
  /** Participants per bucket of votes cast on the draft's published top-level comments. */
  buckets: Record<DensityBucket, number>;
  /** Everyone who took part in the draft: commented (published, pending or hidden), voted, or recorded a position. */
  participants: number;
  /** Published top-level comments (the statements of the vote matrix). */
  comments: number;
  /** Votes (agree, disagree, pass) on those comments. */
  votes: number;
  /** votes / (participants × comments), between 0 and 1; null when either is 0. */
  density: number | null;
};

/**
 * How full the participant × statement vote matrix is: participants per bucket of votes cast and
 * the matrix density, in one SQL aggregate (no rows leave the database).
 */
export async function voteDensity(draftId: string): Promise<VoteDensity> {
  const [row] = await prisma.$queryRaw<Array<{ none: number; few: number; some: number; many: number; most: number; participants: number; comments: number; votes: number }>>`
    WITH statements AS (
      SELECT id FROM "Comment" WHERE "draftId" = ${draftId} AND status = 'PUBLISHED' AND "parentId" IS NULL
    ), people AS (
      SELECT "authorId" AS u FROM "Comment" WHERE "draftId" = ${draftId} AND status IN ('PUBLISHED', 'PENDING', 'HIDDEN')
      UNION SELECT v."userId" FROM "CommentVote" v JOIN "Comment" c ON c.id = v."commentId" WHERE c."draftId" = ${draftId}
      UNION SELECT "userId" FROM "Position" WHERE "draftId" = ${draftId}
    ), per AS (
      SELECT p.u, count(v."commentId")::int AS n
      FROM people p
      LEFT JOIN ("CommentVote" v JOIN statements s ON s.id = v."commentId") ON v."userId" = p.u
      GROUP BY p.u
    )
    SELECT count(*) FILTER (WHERE n = 0)::int AS none,
           count(*) FILTER (WHERE n BETWEEN 1 AND 4)::int AS few,
           count(*) FILTER (WHERE n BETWEEN 5 AND 9)::int AS some,
           count(*) FILTER (WHERE n BETWEEN 10 AND 24)::int AS many,
           count(*) FILTER (WHERE n >= 25)::int AS most,
           count(*)::int AS participants,
           coalesce(sum(n), 0)::int AS votes,
           (SELECT count(*)::int FROM statements) AS comments
    FROM per`;
  const r = row ?? { none: 0, few: 0, some: 0, many: 0, most: 0, participants: 0, comments: 0, votes: 0 };
  return {
    buckets: { none: r.none, few: r.few, some: r.some, many: r.many, most: r.most },
    participants: r.participants,
    comments: r.comments,
    votes: r.votes,
    density: r.participants > 0 && r.comments > 0 ? r.votes / (r.participants * r.comments) : null,
  };
}
