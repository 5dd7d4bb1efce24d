import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Definition } from "./definition";
import type { TResultsFilter } from "./schemas";

/**
 * Live results, aggregated in SQL: a handful of queries whatever the number of questions or
 * responses. Filters (stakeholder group, country, demographics) apply to every figure.
 */
export async function surveyResults(surveyId: string, definition: Definition, filter: TResultsFilter = {}) {
  const conditions: Prisma.Sql[] = [Prisma.sql`r."surveyId" = ${surveyId}`];
  if (filter.group) conditions.push(Prisma.sql`r."stakeholderGroup"::text = ${filter.group}`);
  if (filter.country) conditions.push(Prisma.sql`r.country = ${filter.country.toUpperCase()}`);
  if (filter.ageBand) conditions.push(Prisma.sql`r."ageBand" = ${filter.ageBand}`);
  if (filter.gender) conditions.push(Prisma.sql`r.gender = ${filter.gender}`);
  if (filter.education) conditions.push(Prisma.sql`r.education = ${filter.education}`);
  const where = Prisma.join(conditions, " AND ");
  const filtered = conditions.length > 1;
  // Without filters the answers table alone answers the counts (no join with responses).
  const answers = filtered
    ? Prisma.sql`"SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId" WHERE a."surveyId" = ${surveyId} AND ${where}`
    : Prisma.sql`"SurveyAnswer" a WHERE a."surveyId" = ${surveyId}`;

  const [totals, options, numbers, ranks, texts, byGroup, byCountry, overTime] = await Promise.all([
    prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SurveyResponse" r WHERE ${where}`,
    prisma.$queryRaw<{ q: string; option: string; n: number }[]>`SELECT a."questionId" AS q, a.option, count(*)::int AS n FROM ${answers} AND a.option IS NOT NULL AND a.rank IS NULL GROUP BY 1, 2`,
    prisma.$queryRaw<{ q: string; value: number; n: number }[]>`SELECT a."questionId" AS q, a.number AS value, count(*)::int AS n FROM ${answers} AND a.number IS NOT NULL GROUP BY 1, 2`,
    prisma.$queryRaw<{ q: string; option: string; avg: number; n: number }[]>`SELECT a."questionId" AS q, a.option, avg(a.rank)::float AS avg, count(*)::int AS n FROM ${answers} AND a.rank IS NOT NULL GROUP BY 1, 2`,
    prisma.$queryRaw<{ q: string; text: string }[]>`SELECT q, text FROM (SELECT a."questionId" AS q, a.text, row_number() OVER (PARTITION BY a."questionId" ORDER BY a.id DESC) AS k FROM ${answers} AND a.text IS NOT NULL AND a.option IS NULL) t WHERE k <= 50`,
    prisma.$queryRaw<{ key: string | null; n: number }[]>`SELECT r."stakeholderGroup"::text AS key, count(*)::int AS n FROM "SurveyResponse" r WHERE ${where} GROUP BY 1 ORDER BY 2 DESC`,
    prisma.$queryRaw<{ key: string | null; n: number }[]>`SELECT r.country AS key, count(*)::int AS n FROM "SurveyResponse" r WHERE ${where} GROUP BY 1 ORDER BY 2 DESC LIMIT 30`,
    prisma.$queryRaw<{ day: Date; n: number }[]>`SELECT date_trunc('day', r."createdAt") AS day, count(*)::int AS n FROM "SurveyResponse" r WHERE ${where} GROUP BY 1 ORDER BY 1 DESC LIMIT 60`,
  ]);
  const textCounts = definition.some((q) => q.type === "shortText" || q.type === "longText")
    ? await prisma.$queryRaw<{ q: string; word: string; n: number }[]>`
        SELECT q, word, n FROM (
          SELECT q, word, count(*)::int AS n, row_number() OVER (PARTITION BY q ORDER BY count(*) DESC, word) AS k
          FROM (SELECT t.q, lower(w) AS word
                FROM (SELECT a."questionId" AS q, a.text FROM ${answers} AND a.text IS NOT NULL AND a.option IS NULL) t,
                     regexp_split_to_table(t.text, '[^[:alnum:]]+') AS w
                WHERE length(w) > 3) words
          GROUP BY q, word) c WHERE k <= 15`
    : [];
  return {
    total: totals[0]?.n ?? 0,
    questions: definition.map((q) => ({
      question: q,
      options: options.filter((o) => o.q === q.id).map(({ option, n }) => ({ option, n })),
      numbers: numbers.filter((o) => o.q === q.id).map(({ value, n }) => ({ value, n })).sort((a, b) => a.value - b.value),
      ranks: ranks.filter((o) => o.q === q.id).map(({ option, avg, n }) => ({ option, avg, n })).sort((a, b) => a.avg - b.avg),
      texts: texts.filter((o) => o.q === q.id).map((t) => t.text),
      words: textCounts.filter((o) => o.q === q.id).map(({ word, n }) => ({ word, n })),
    })),
    byGroup,
    byCountry,
    overTime: overTime.map((d) => ({ day: d.day, n: d.n })).reverse(),
  };
}
export type SurveyResults = Awaited<ReturnType<typeof surveyResults>>;
