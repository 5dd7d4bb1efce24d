import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { contributionPath } from "./paths";

export type ContributionType = "comment" | "reply" | "vote" | "position" | "surveyAnswer";

/** One of a participant's contributions, as listed on /profile/contributions and in the export. */
export type Contribution = {
  type: ContributionType;
  id: string;
  /** ISO 8601 (UTC): when it was made (votes and positions: last changed). */
  at: string;
  /** The consultation: a draft's reference, or a standalone survey's slug. */
  consultation: string;
  consultationTitle: string;
  /** Comments and replies: published, pending, hidden, withdrawn; survey answers: counted, pending, rejected; else null. */
  status: string | null;
  trackingNumber: string | null;
  disposition: { value: string; response: string } | null;
  /** Comment kind (SUPPORT…), vote (AGREE…), position (SUPPORT…), or the survey's title. */
  value: string | null;
  /** Positions: the section ("" for the whole draft). */
  section: string | null;
  /** Comments and replies: the text. Only in the export. */
  text?: string;
  path: string;
};

type Row = {
  type: ContributionType;
  id: string;
  at: Date;
  consultation: string;
  title: string;
  status: string | null;
  tn: string | null;
  dv: string | null;
  dr: string | null;
  value: string | null;
  section: string | null;
  anchor: string | null;
  cid: string | null;
  slug: string | null;
  text: string | null;
  total: number;
};

const statusWord: Record<string, string> = { PUBLISHED: "published", PENDING: "pending", HIDDEN: "hidden", WITHDRAWN: "withdrawn", COUNTED: "counted", HELD: "pending", REJECTED: "rejected" };

// Every contribution of one person, newest first: one UNION ALL over the five kinds, each branch
// read through its (author/user, time) index.
function itemsSql(userId: string) {
  return Prisma.sql`
    SELECT (CASE WHEN c."parentId" IS NULL THEN 'comment' ELSE 'reply' END) AS type, c.id, c."createdAt" AS at, d.reference AS consultation, d.title,
           c.status::text AS status, c."trackingNumber" AS tn,
           coalesce(own.value, camp.value, th.value)::text AS dv, coalesce(own.response, camp.response, th.response) AS dr,
           c.kind::text AS value, NULL::text AS section, c.anchor, c.id AS cid, NULL::text AS slug, c.body AS text
    FROM "Comment" c JOIN "Draft" d ON d.id = c."draftId"
    LEFT JOIN "Disposition" own ON own."commentId" = c.id AND c."parentId" IS NULL
    LEFT JOIN "ThemeComment" m ON m."commentId" = c.id AND c."parentId" IS NULL
    LEFT JOIN "Disposition" camp ON camp."commentId" = m."campaignId" AND m."campaignId" <> c.id
    LEFT JOIN "Disposition" th ON th."themeId" = m."themeId"
    WHERE c."authorId" = ${userId}
    UNION ALL
    SELECT 'vote', v."commentId", v."updatedAt", d.reference, d.title, NULL, NULL, NULL, NULL, v.value::text, NULL, c.anchor, c.id, NULL, NULL
    FROM "CommentVote" v JOIN "Comment" c ON c.id = v."commentId" JOIN "Draft" d ON d.id = c."draftId"
    WHERE v."userId" = ${userId}
    UNION ALL
    SELECT 'position', p.id, p."updatedAt", d.reference, d.title, NULL, NULL, NULL, NULL, p.value::text, p.section, NULL, NULL, NULL, NULL
    FROM "Position" p JOIN "Draft" d ON d.id = p."draftId"
    WHERE p."userId" = ${userId}
    UNION ALL
    SELECT 'surveyAnswer', r.id, r."createdAt", coalesce(d.reference, s.slug), coalesce(d.title, s.title), r.status::text, r."trackingNumber", NULL, NULL, s.title, NULL, NULL, NULL, s.slug, NULL
    FROM "SurveyResponse" r JOIN "Survey" s ON s.id = r."surveyId" LEFT JOIN "Draft" d ON d.id = s."draftId"
    WHERE r."userId" = ${userId}`;
}

function toContribution(r: Row, withText: boolean): Contribution {
  return {
    type: r.type,
    id: r.id,
    at: r.at.toISOString(),
    consultation: r.consultation,
    consultationTitle: r.title,
    status: r.status ? (statusWord[r.status] ?? r.status.toLowerCase()) : null,
    trackingNumber: r.tn,
    disposition: r.dv ? { value: r.dv, response: r.dr ?? "" } : null,
    value: r.value,
    section: r.section,
    ...(withText && r.text !== null ? { text: r.text } : {}),
    path: contributionPath({ type: r.type, reference: r.consultation, anchor: r.anchor, commentId: r.cid, slug: r.slug }),
  };
}

export const CONTRIBUTIONS_PAGE_SIZE = 20;

/**
 * A page of the participant's contributions, newest first.
 * @param consultation a draft reference or survey slug to keep only that consultation's; null: all
 * @param page 1-based; pages of CONTRIBUTIONS_PAGE_SIZE
 * @returns the items, the total count and the page count (at least 1)
 */
export async function listMyContributions(userId: string, { consultation, page }: { consultation: string | null; page: number }) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT i.*, (count(*) OVER ())::int AS total FROM (${itemsSql(userId)}) i
    WHERE ${consultation}::text IS NULL OR i.consultation = ${consultation}
    ORDER BY i.at DESC, i.id
    LIMIT ${CONTRIBUTIONS_PAGE_SIZE} OFFSET ${(page - 1) * CONTRIBUTIONS_PAGE_SIZE}`;
  const total = rows[0]?.total ?? (page > 1 ? await countMyContributions(userId, consultation) : 0);
  return { items: rows.map((r) => toContribution(r, false)), total, page, pageCount: Math.max(1, Math.ceil(total / CONTRIBUTIONS_PAGE_SIZE)) };
}

async function countMyContributions(userId: string, consultation: string | null): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (${itemsSql(userId)}) i WHERE ${consultation}::text IS NULL OR i.consultation = ${consultation}`;
  return row?.n ?? 0;
}

/** The consultations the participant took part in (for the filter), by title. */
export async function listMyConsultations(userId: string): Promise<Array<{ consultation: string; title: string }>> {
  return prisma.$queryRaw<Array<{ consultation: string; title: string }>>`
    SELECT i.consultation, min(i.title) AS title FROM (${itemsSql(userId)}) i GROUP BY i.consultation ORDER BY 2, 1`;
}

/**
 * Everything the participant contributed, with the texts of their comments, for the JSON export.
 * @returns `{exportedAt, consultation, contributions}`; at most 50 000 items, newest first
 */
export async function exportMyContributions(userId: string, consultation: string | null) {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT i.*, 0 AS total FROM (${itemsSql(userId)}) i
    WHERE ${consultation}::text IS NULL OR i.consultation = ${consultation}
    ORDER BY i.at DESC, i.id LIMIT 50000`;
  return { exportedAt: new Date().toISOString(), consultation, contributions: rows.map((r) => toContribution(r, true)) };
}
