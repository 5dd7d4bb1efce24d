import "server-only";
import { prisma } from "@/lib/db/client";
import type { DispositionValue } from "@/lib/generated/prisma/enums";

export type ThemeSummary = {
  id: string;
  label: string;
  customLabel: string | null;
  /** Suggested by the optional label model; shown when no moderator named the theme. */
  suggestedLabel: string | null;
  keyPhrases: string[];
  /** Comments in the theme, counting every signature of a campaign. */
  comments: number;
  /** Distinct voices: a campaign counts once. */
  voices: number;
  stance: { SUPPORT: number; CONCERN: number; QUESTION: number; CHANGE: number; NONE: number };
  /** Votes cast on the theme's comments. */
  votes: { agree: number; disagree: number; pass: number };
  groups: Record<string, number>;
  quotes: { id: string; anchor: string | null; text: string }[];
  disposition: { value: DispositionValue; response: string; versionNumber: number | null; anchor: string | null } | null;
};

/** Every theme of a draft with its size, stance mix, stakeholder groups and most central quotes: 4 queries. */
export async function themeSummaries(draftId: string, quotesPerTheme = 3): Promise<ThemeSummary[]> {
  const [themes, groups, quotes, dispositions] = await Promise.all([
    prisma.$queryRaw<{ id: string; customLabel: string | null; suggestedLabel: string | null; keyPhrases: string[]; comments: number; voices: number; support: number; concern: number; question: number; change: number; none: number; agree: number; disagree: number; pass: number }[]>`
      SELECT t.id, t."customLabel", t."suggestedLabel", t."keyPhrases", count(*)::int AS comments,
        count(*) FILTER (WHERE m."campaignId" IS NULL)::int AS voices,
        count(*) FILTER (WHERE c.kind = 'SUPPORT')::int AS support,
        count(*) FILTER (WHERE c.kind = 'CONCERN')::int AS concern,
        count(*) FILTER (WHERE c.kind = 'QUESTION')::int AS question,
        count(*) FILTER (WHERE c.kind = 'CHANGE')::int AS change,
        count(*) FILTER (WHERE c.kind IS NULL)::int AS none,
        sum(c."agreeCount")::int AS agree, sum(c."disagreeCount")::int AS disagree, sum(c."passCount")::int AS pass
      FROM "Theme" t JOIN "ThemeComment" m ON m."themeId" = t.id JOIN "Comment" c ON c.id = m."commentId"
      WHERE t."draftId" = ${draftId} AND c.status = 'PUBLISHED'
      GROUP BY t.id ORDER BY comments DESC, t.id`,
    prisma.$queryRaw<{ themeId: string; group: string | null; n: number }[]>`
      SELECT m."themeId", u."stakeholderGroup"::text AS "group", count(*)::int AS n
      FROM "ThemeComment" m JOIN "Comment" c ON c.id = m."commentId" JOIN "User" u ON u.id = c."authorId"
      WHERE m."draftId" = ${draftId} AND c.status = 'PUBLISHED' GROUP BY 1, 2`,
    prisma.$queryRaw<{ themeId: string; id: string; anchor: string | null; text: string }[]>`
      SELECT "themeId", id, anchor, text FROM (
        SELECT m."themeId", c.id, c.anchor, left(c.body, 400) AS text,
               row_number() OVER (PARTITION BY m."themeId" ORDER BY m.centrality DESC, c.id) AS rank
        FROM "ThemeComment" m JOIN "Comment" c ON c.id = m."commentId"
        WHERE m."draftId" = ${draftId} AND m."campaignId" IS NULL AND c.status = 'PUBLISHED') q
      WHERE rank <= ${quotesPerTheme} ORDER BY "themeId", rank`,
    prisma.disposition.findMany({ where: { draftId, themeId: { not: null } }, select: { themeId: true, value: true, response: true, versionNumber: true, anchor: true } }),
  ]);
  return themes.map((t) => ({
    id: t.id,
    label: t.customLabel ?? t.suggestedLabel ?? t.keyPhrases.join(" · "),
    customLabel: t.customLabel,
    suggestedLabel: t.suggestedLabel,
    keyPhrases: t.keyPhrases,
    comments: t.comments,
    voices: t.voices,
    stance: { SUPPORT: t.support, CONCERN: t.concern, QUESTION: t.question, CHANGE: t.change, NONE: t.none },
    votes: { agree: t.agree, disagree: t.disagree, pass: t.pass },
    groups: Object.fromEntries(groups.filter((g) => g.themeId === t.id).map((g) => [g.group ?? "UNDECLARED", g.n])),
    quotes: quotes.filter((q) => q.themeId === t.id).map(({ id, anchor, text }) => ({ id, anchor, text })),
    disposition: dispositions.find((d) => d.themeId === t.id) ?? null,
  }));
}

/** Campaigns (identical or near-identical comments), largest first, with the text they share. */
export async function campaignSummaries(draftId: string, limit = 50) {
  return prisma.$queryRaw<{ id: string; signatures: number; text: string; anchor: string | null; themeId: string }[]>`
    SELECT c.id, (count(*) + 1)::int AS signatures, left(c.body, 400) AS text, c.anchor, rep."themeId"
    FROM "ThemeComment" m JOIN "Comment" c ON c.id = m."campaignId" JOIN "ThemeComment" rep ON rep."commentId" = c.id
    WHERE m."draftId" = ${draftId} GROUP BY c.id, rep."themeId" ORDER BY signatures DESC, c.id LIMIT ${limit}`;
}

export type WorkspaceComment = {
  id: string;
  text: string;
  anchor: string | null;
  kind: string | null;
  group: string | null;
  themeId: string | null;
  signatures: number;
  disposition: { value: DispositionValue; response: string; versionNumber: number | null; anchor: string | null } | null;
};

/** One page of the draft's comments for dispositions and moves (campaign members folded into their first comment). */
export async function workspaceComments(draftId: string, { themeId, undecided, page, pageSize = 20 }: { themeId?: string; undecided?: boolean; page: number; pageSize?: number }) {
  const theme = themeId ?? null;
  const onlyOpen = undecided ?? false;
  const offset = (page - 1) * pageSize;
  const rows = await prisma.$queryRaw<(Omit<WorkspaceComment, "disposition"> & { dValue: DispositionValue | null; dResponse: string | null; dVersion: number | null; dAnchor: string | null; total: number })[]>`
    SELECT c.id, left(c.body, 600) AS text, c.anchor, c.kind::text AS kind, u."stakeholderGroup"::text AS "group", m."themeId",
      (SELECT count(*)::int + 1 FROM "ThemeComment" x WHERE x."campaignId" = c.id) AS signatures,
      d.value AS "dValue", d.response AS "dResponse", d."versionNumber" AS "dVersion", d.anchor AS "dAnchor",
      count(*) OVER ()::int AS total
    FROM "Comment" c
    JOIN "User" u ON u.id = c."authorId"
    LEFT JOIN "ThemeComment" m ON m."commentId" = c.id
    LEFT JOIN "Disposition" d ON d."commentId" = c.id
    LEFT JOIN "Disposition" td ON td."themeId" = m."themeId"
    WHERE c."draftId" = ${draftId} AND c."parentId" IS NULL AND c.status = 'PUBLISHED' AND m."campaignId" IS NULL
      AND (${theme}::text IS NULL OR m."themeId" = ${theme})
      AND (NOT ${onlyOpen}::boolean OR (d.id IS NULL AND td.id IS NULL))
    ORDER BY m.centrality DESC NULLS LAST, c."createdAt", c.id
    LIMIT ${pageSize} OFFSET ${offset}`;
  return {
    total: rows[0]?.total ?? 0,
    comments: rows.map(({ dValue, dResponse, dVersion, dAnchor, total: _t, ...c }) => ({
      ...c,
      disposition: dValue ? { value: dValue, response: dResponse ?? "", versionNumber: dVersion, anchor: dAnchor } : null,
    })),
  };
}

/** Text and anchor of some comments (the statements named by the opinion analysis). */
export async function commentTexts(ids: string[]) {
  if (ids.length === 0) return new Map<string, { text: string; anchor: string | null; agree: number; disagree: number; pass: number }>();
  const rows = await prisma.comment.findMany({ where: { id: { in: ids } }, select: { id: true, body: true, anchor: true, agreeCount: true, disagreeCount: true, passCount: true } });
  return new Map(rows.map((r) => [r.id, { text: r.body.slice(0, 400), anchor: r.anchor, agree: r.agreeCount, disagree: r.disagreeCount, pass: r.passCount }]));
}

export async function summaryEdits(draftId: string) {
  return prisma.summaryEdit.findMany({ where: { draftId }, orderBy: { createdAt: "asc" }, select: { action: true, detail: true, createdAt: true, actor: { select: { name: true } } } });
}

/** Every comment of each theme, most central first (kept in each published summary so its counts trace to comments). */
export async function themeMemberIds(draftId: string): Promise<Record<string, string[]>> {
  const rows = await prisma.$queryRaw<{ themeId: string; ids: string[] }[]>`
    SELECT m."themeId", array_agg(m."commentId" ORDER BY m.centrality DESC, m."commentId") AS ids
    FROM "ThemeComment" m JOIN "Comment" c ON c.id = m."commentId"
    WHERE m."draftId" = ${draftId} AND c.status = 'PUBLISHED' GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [r.themeId, r.ids]));
}

/** Some comments for a public list, in the given order (hidden or withdrawn ones say so, without their text). */
export async function commentsForList(ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await prisma.$queryRaw<{ id: string; body: string; anchor: string | null; status: string; kind: string | null; group: string | null; agree: number; disagree: number; pass: number }[]>`
    SELECT c.id, c.body, c.anchor, c.status::text AS status, c.kind::text AS kind, u."stakeholderGroup"::text AS "group",
           c."agreeCount" AS agree, c."disagreeCount" AS disagree, c."passCount" AS pass
    FROM "Comment" c JOIN "User" u ON u.id = c."authorId" WHERE c.id = ANY(${ids}::text[])`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => !!r).map((r) => ({ ...r, body: r.status === "PUBLISHED" ? r.body : "" }));
}
