import "server-only";
import { commentCountsByAnchor, positionDistribution } from "@/lib/comments/queries";
import { prisma } from "@/lib/db/client";
import { getVersionBlocks } from "@/lib/drafts/get-draft";
import { REGIONS, STAKEHOLDER_GROUPS, regionOf, representation } from "./representation";

/** Everyone who took part in a draft: commented, voted or recorded a position. */
const participantsCte = (draftId: string) => prisma.$queryRaw<{ group: string | null; country: string | null; n: number }[]>`
  WITH p AS (
    SELECT "authorId" AS u FROM "Comment" WHERE "draftId" = ${draftId} AND status IN ('PUBLISHED', 'PENDING', 'HIDDEN')
    UNION SELECT v."userId" FROM "CommentVote" v JOIN "Comment" c ON c.id = v."commentId" WHERE c."draftId" = ${draftId}
    UNION SELECT "userId" FROM "Position" WHERE "draftId" = ${draftId})
  SELECT u."stakeholderGroup"::text AS "group", u.country, count(*)::int AS n
  FROM p JOIN "User" u ON u.id = p.u GROUP BY 1, 2`;

/** Participation figures for the workspace and the published summary, aggregated in SQL. */
export async function participation(draftId: string) {
  const [rows, totals] = await Promise.all([
    participantsCte(draftId),
    prisma.$queryRaw<{ comments: number; replies: number; votes: number; positions: number }[]>`
      SELECT
        (SELECT count(*)::int FROM "Comment" WHERE "draftId" = ${draftId} AND status = 'PUBLISHED' AND "parentId" IS NULL) AS comments,
        (SELECT count(*)::int FROM "Comment" WHERE "draftId" = ${draftId} AND status = 'PUBLISHED' AND "parentId" IS NOT NULL) AS replies,
        (SELECT count(*)::int FROM "CommentVote" v JOIN "Comment" c ON c.id = v."commentId" WHERE c."draftId" = ${draftId}) AS votes,
        (SELECT count(*)::int FROM "Position" WHERE "draftId" = ${draftId}) AS positions`,
  ]);
  const byGroup: Record<string, number> = {};
  const byRegion: Record<string, number> = {};
  let participants = 0;
  let undeclaredGroup = 0;
  let unknownRegion = 0;
  for (const r of rows) {
    participants += r.n;
    if (r.group) byGroup[r.group] = (byGroup[r.group] ?? 0) + r.n;
    else undeclaredGroup += r.n;
    const region = regionOf(r.country);
    if (region) byRegion[region] = (byRegion[region] ?? 0) + r.n;
    else unknownRegion += r.n;
  }
  return {
    participants,
    ...totals[0]!,
    groups: representation(byGroup, STAKEHOLDER_GROUPS),
    regions: representation(byRegion, REGIONS),
    undeclaredGroup,
    unknownRegion,
  };
}
export type Participation = Awaited<ReturnType<typeof participation>>;

/** Comments and votes per day (UTC). */
export async function volumeByDay(draftId: string) {
  return prisma.$queryRaw<{ day: string; comments: number; votes: number }[]>`
    WITH c AS (SELECT date_trunc('day', "createdAt") AS d, count(*)::int AS n FROM "Comment" WHERE "draftId" = ${draftId} AND status = 'PUBLISHED' GROUP BY 1),
         v AS (SELECT date_trunc('day', v."createdAt") AS d, count(*)::int AS n FROM "CommentVote" v JOIN "Comment" x ON x.id = v."commentId" WHERE x."draftId" = ${draftId} GROUP BY 1)
    SELECT to_char(coalesce(c.d, v.d), 'YYYY-MM-DD') AS day, coalesce(c.n, 0) AS comments, coalesce(v.n, 0) AS votes
    FROM c FULL JOIN v ON c.d = v.d ORDER BY 1`;
}

/** Comments per paragraph of the current version (the heat map). */
export async function paragraphHeat(draftId: string, currentVersion: number | null) {
  if (currentVersion === null) return [];
  const [version, counts] = await Promise.all([getVersionBlocks(draftId, currentVersion), commentCountsByAnchor(draftId)]);
  return (version?.blocks ?? []).map((b) => ({ anchor: b.anchor, number: b.number, kind: b.kind, text: b.text, count: counts[b.anchor] ?? 0 }));
}

export { positionDistribution };
