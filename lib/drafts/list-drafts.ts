import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DraftStatus } from "@/lib/generated/prisma/enums";
import type { TDraftListQuery } from "./schemas";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "./highlight-marks";
import { cjkTsquery, searchConfigFor } from "./search-vector";


/** Markdown punctuation left out of search snippets ("## Scope" reads as "Scope"). */
const markdownSyntax = "[#*_>`|]+|\\[|\\]\\([^)]*\\)";

export type DraftListItem = {
  reference: string;
  title: string;
  abstract: string;
  topics: string[];
  language: string;
  status: DraftStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  currentVersion: number | null;
  organisationSlug: string;
  organisationName: string;
  titleHighlight: string | null;
  snippet: string | null;
};

/**
 * Discovery: public consultations filtered by organisation, topic, status and language, with
 * PostgreSQL full-text search over titles, abstracts and bodies (ranked, highlighted; accents folded,
 * Chinese matched by character bigrams: see search-vector.ts). Without a
 * search, open ones come first (closing soonest), then upcoming, then the rest (newest first).
 */
export async function listDrafts(query: TDraftListQuery, readerLocale = "en") {
  const conditions: Prisma.Sql[] = [Prisma.sql`d.status <> 'DRAFT'`];
  if (query.status) conditions.push(Prisma.sql`d.status = ${query.status}::"DraftStatus"`);
  if (query.language) conditions.push(Prisma.sql`d.language = ${query.language}`);
  if (query.topic) conditions.push(Prisma.sql`d.topics @> ARRAY[${query.topic}]::text[]`);
  if (query.organisation) conditions.push(Prisma.sql`o.slug = ${query.organisation}`);
  const search = query.q.length > 0;
  const cjk = cjkTsquery(query.q);
  const tsquery = Prisma.sql`(websearch_to_tsquery(${searchConfigFor(readerLocale)}::regconfig, ${query.q}) || websearch_to_tsquery('parley_simple', ${query.q})${
    cjk ? Prisma.sql` || to_tsquery('simple', ${cjk})` : Prisma.empty
  })`;
  if (search) conditions.push(Prisma.sql`d."searchVector" @@ ${tsquery}`);
  const where = Prisma.join(conditions, " AND ");
  const offset = (query.page - 1) * query.pageSize;
  const order = search
    ? Prisma.sql`ts_rank(d."searchVector", ${tsquery}) DESC, d.reference`
    : Prisma.sql`CASE d.status WHEN 'OPEN' THEN 0 WHEN 'SCHEDULED' THEN 1 ELSE 2 END,
                 CASE WHEN d.status = 'OPEN' THEN d."closesAt" END ASC NULLS LAST,
                 CASE WHEN d.status = 'SCHEDULED' THEN d."opensAt" END ASC NULLS LAST,
                 d."updatedAt" DESC, d.reference`;
  const opts = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, HighlightAll=true`;
  const snippetOpts = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxFragments=2, MaxWords=24, MinWords=8`;
  const [rows, countRows] = await Promise.all([
    prisma.$queryRaw<(Omit<DraftListItem, "currentVersion"> & { currentVersion: number | null })[]>`
      SELECT d.reference, d.title, d.abstract, d.topics, d.language, d.status, d."opensAt", d."closesAt", d."currentVersion",
             o.slug AS "organisationSlug", o.name AS "organisationName",
             ${search ? Prisma.sql`ts_headline('parley_simple', d.title, ${tsquery}, ${opts})` : Prisma.sql`NULL`} AS "titleHighlight",
             ${
               search
                 ? Prisma.sql`(SELECT ts_headline('parley_simple', v.abstract || ' … ' || regexp_replace(v.body, ${markdownSyntax}, ' ', 'g'), ${tsquery}, ${snippetOpts})
                                FROM "DraftVersion" v WHERE v."draftId" = d.id AND v.number = d."currentVersion")`
                 : Prisma.sql`NULL`
             } AS snippet
      FROM "Draft" d JOIN "Organisation" o ON o.id = d."organisationId"
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${query.pageSize} OFFSET ${offset}`,
    prisma.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM "Draft" d JOIN "Organisation" o ON o.id = d."organisationId" WHERE ${where}`,
  ]);
  const total = Number(countRows[0]?.total ?? 0);
  return { items: rows as DraftListItem[], total, page: query.page, pageSize: query.pageSize, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}

/** Topics and organisations that have public drafts, for the filter menus. */
export async function listDraftFacets() {
  const [topics, organisations] = await Promise.all([
    prisma.$queryRaw<{ topic: string; count: bigint }[]>`
      SELECT t AS topic, count(*) AS count FROM "Draft", unnest(topics) AS t
      WHERE status <> 'DRAFT' GROUP BY t ORDER BY count DESC, t LIMIT 50`,
    prisma.organisation.findMany({
      where: { drafts: { some: { status: { not: "DRAFT" } } } },
      select: { slug: true, name: true },
      orderBy: { name: "asc" },
      take: 200,
    }),
  ]);
  return { topics: topics.map((t) => t.topic), organisations };
}
