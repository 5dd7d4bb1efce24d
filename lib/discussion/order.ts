import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import type { DiscussionSort, TDiscussionFilters } from "./schemas";

/**
 * How divisive a comment is: 4·a·d / (a + d) for `a` agree and `d` disagree votes (passes do not
 * count), 0 without votes. It is the balance of the vote, 4·a·d/(a+d)² (1 when the room is split
 * in half, 0 when everyone agrees or everyone disagrees), times its volume a + d: a 50/50 split of
 * 100 votes (100) ranks above a 5/5 split (10), and both above a 90/10 landslide (36) only when it
 * is larger. Equals twice the harmonic mean of a and d. Same formula as the SQL ordering below.
 */
export function divisiveness(agree: number, disagree: number): number {
  return agree + disagree === 0 ? 0 : (4 * agree * disagree) / (agree + disagree);
}

// Every ordering ends with the id, so equal scores keep one stable order across pages (offset
// pagination never repeats or skips a comment while the votes do not change).
const orderBy: Record<DiscussionSort, Prisma.Sql> = {
  newest: Prisma.sql`c."createdAt" DESC, c.id DESC`,
  oldest: Prisma.sql`c."createdAt" ASC, c.id ASC`,
  agreed: Prisma.sql`c."agreeCount" DESC, c.id DESC`,
  divisive: Prisma.sql`(CASE WHEN c."agreeCount" + c."disagreeCount" = 0 THEN 0
      ELSE 4.0 * c."agreeCount"::float8 * c."disagreeCount" / (c."agreeCount" + c."disagreeCount") END) DESC, c.id DESC`,
  replies: Prisma.sql`c."replyCount" DESC, c.id DESC`,
};

export type DiscussionScope = {
  draftId: string;
  /** A paragraph anchor, null for the general discussion, undefined for every comment of the draft. */
  anchor?: string | null;
  /** Top-level comments only (the discussion pages), or replies too (the API). */
  topLevelOnly: boolean;
  /** The statuses the reader sees. */
  statuses: CommentStatus[];
  /** Also this person's own pending comments. */
  pendingOf?: string | null;
  filters: TDiscussionFilters;
};

/**
 * One page of comment ids of a discussion in the chosen order, and how many match, in two SQL
 * statements. The WHERE part (draft, paragraph, status, kind) is served by the
 * ("draftId", anchor, status, "createdAt") index; vote and reply orderings sort the paragraph's
 * matching comments by their stored counters (a top-N sort, no join on votes). `offset` and `limit`
 * in comments.
 */
export async function pageOfDiscussion(scope: DiscussionScope, offset: number, limit: number): Promise<{ ids: string[]; total: number }> {
  const { filters } = scope;
  const conditions: Prisma.Sql[] = [Prisma.sql`c."draftId" = ${scope.draftId}`];
  if (scope.anchor === null) conditions.push(Prisma.sql`c.anchor IS NULL`);
  else if (scope.anchor !== undefined) conditions.push(Prisma.sql`c.anchor = ${scope.anchor}`);
  if (scope.topLevelOnly) conditions.push(Prisma.sql`c."parentId" IS NULL`);
  const statuses = Prisma.sql`c.status::text = ANY(${scope.statuses}::text[])`;
  conditions.push(scope.pendingOf ? Prisma.sql`(${statuses} OR (c.status = 'PENDING' AND c."authorId" = ${scope.pendingOf}))` : statuses);
  if (filters.kind) conditions.push(Prisma.sql`c.kind = ${filters.kind}::"CommentKind"`);
  if (filters.group) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "User" u WHERE u.id = c."authorId" AND u."stakeholderGroup" = ${filters.group}::"StakeholderGroup")`);
  const where = Prisma.join(conditions, " AND ");
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<{ id: string }[]>`SELECT c.id FROM "Comment" c WHERE ${where} ORDER BY ${orderBy[filters.sort]} LIMIT ${limit} OFFSET ${offset}`,
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Comment" c WHERE ${where}`,
  ]);
  return { ids: rows.map((r) => r.id), total: counted[0]?.n ?? 0 };
}

/** `rows` in the order of `ids` (rows fetched by id come back in any order). */
export function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}
