import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { findCampaigns } from "@/lib/summaries/analysis/campaigns";
import { REGIONS, STAKEHOLDER_GROUPS, regionOf, representation } from "@/lib/summaries/representation";
import { findThemes } from "@/lib/summaries/analysis/themes";
import type { Definition } from "./definition";
import type { TResultsFilter } from "./schemas";

/**
 * A survey's results from its tallies (maintained per demographic cell in the submission
 * statement), so the cost does not grow with the number of responses; only free-text questions
 * read answers (a sample of TEXT_SAMPLE, counted responses only). Filters (stakeholder group,
 * country, age band, gender, education) apply to every figure. Held and rejected answers never count.
 */
export async function computeResults(surveyId: string, definition: Definition, filter: TResultsFilter = {}) {
  const cells: Prisma.Sql[] = [];
  const rows: Prisma.Sql[] = [];
  const add = (column: string, value: string | undefined) => {
    if (!value) return;
    cells.push(Prisma.sql`${Prisma.raw(`t."${column}"`)} = ${value}`);
    rows.push(column === "stakeholderGroup" ? Prisma.sql`r."stakeholderGroup"::text = ${value}` : Prisma.sql`${Prisma.raw(`r."${column}"`)} = ${value}`);
  };
  add("stakeholderGroup", filter.group);
  add("country", filter.country?.toUpperCase());
  add("ageBand", filter.ageBand);
  add("gender", filter.gender);
  add("education", filter.education);
  const tallyWhere = Prisma.join([Prisma.sql`t."surveyId" = ${surveyId}`, ...cells], " AND ");
  const rowWhere = Prisma.join([Prisma.sql`r."surveyId" = ${surveyId}`, Prisma.sql`r.status = 'COUNTED'`, ...rows], " AND ");

  const [answerGroups, tallyGroups, texts, held] = await Promise.all([
    prisma.$queryRaw<{ q: string; option: string | null; value: number | null; n: number; avgRank: number | null }[]>`
      SELECT t."questionId" AS q, t.option, t.number AS value, sum(t.n)::int AS n, (sum(t."rankSum")::float8 / nullif(sum(t.n), 0)) AS "avgRank"
      FROM "SurveyAnswerTally" t WHERE ${tallyWhere}
      GROUP BY t."questionId", t.value, t.option, t.number HAVING sum(t.n) > 0`,
    prisma.$queryRaw<{ grp: string; country: string; day: Date | null; g: number; n: number }[]>`
      SELECT t."stakeholderGroup" AS grp, t.country, t.day::timestamp AS day,
             GROUPING(t."stakeholderGroup", t.country, t.day)::int AS g, sum(t.n)::int AS n
      FROM "SurveyResponseTally" t WHERE ${tallyWhere}
      GROUP BY GROUPING SETS ((), (t."stakeholderGroup"), (t.country), (t.day))`,
    definition.some((q) => q.type === "shortText" || q.type === "longText")
      ? prisma.$queryRaw<{ q: string; text: string }[]>`
          SELECT a."questionId" AS q, a.text FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId"
          WHERE a."surveyId" = ${surveyId} AND a.option IS NULL AND a.number IS NULL AND a.text IS NOT NULL AND ${rowWhere} LIMIT ${TEXT_SAMPLE}`
      : Promise.resolve([] as { q: string; text: string }[]),
    prisma.surveyResponse.count({ where: { surveyId, status: "HELD" } }),
  ]);
  // Not stated is stored as "" in the tallies.
  const responseGroups = tallyGroups.map((r) => ({ ...r, grp: r.grp || null, country: r.country || null }));
  // GROUPING bits: 4 = group, 2 = country, 1 = day (a bit is set when that column is aggregated away).
  const total = responseGroups.find((r) => r.g === 7)?.n ?? 0;
  const byGroup = responseGroups.filter((r) => r.g === 3).map((r) => ({ key: r.grp, n: r.n })).sort((a, b) => b.n - a.n);
  const allCountries = responseGroups.filter((r) => r.g === 5).map((r) => ({ key: r.country, n: r.n })).sort((a, b) => b.n - a.n);
  const byCountry = allCountries.slice(0, 30);
  // Balance of voices, with the same warnings as the summaries workspace.
  const regionCounts: Record<string, number> = {};
  for (const c of allCountries) {
    const region = regionOf(c.key);
    if (region) regionCounts[region] = (regionCounts[region] ?? 0) + c.n;
  }
  const balance = {
    groups: representation(Object.fromEntries(byGroup.filter((g) => g.key).map((g) => [g.key!, g.n])), STAKEHOLDER_GROUPS),
    regions: representation(regionCounts, REGIONS),
  };
  const overTime = responseGroups.filter((r) => r.g === 6 && r.day).map((r) => ({ day: r.day!, n: r.n })).sort((a, b) => a.day.getTime() - b.day.getTime()).slice(-60);
  const words = new Map<string, Map<string, number>>();
  for (const t of texts) {
    const counts = words.get(t.q) ?? new Map<string, number>();
    for (const w of t.text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w.length > 3) counts.set(w, (counts.get(w) ?? 0) + 1);
    words.set(t.q, counts);
  }
  return {
    total,
    held,
    textSample: TEXT_SAMPLE,
    questions: definition.map((q) => {
      const mine = answerGroups.filter((o) => o.q === q.id);
      return {
        question: q,
        options: q.type === "ranking" ? [] : mine.filter((o) => o.option !== null).map((o) => ({ option: o.option!, n: o.n })),
        numbers: mine.filter((o) => o.option === null && o.value !== null).map((o) => ({ value: o.value!, n: o.n })).sort((a, b) => a.value - b.value),
        ranks: q.type === "ranking" ? mine.filter((o) => o.option !== null).map((o) => ({ option: o.option!, avg: o.avgRank ?? 0, n: o.n })).sort((a, b) => a.avg - b.avg) : [],
        texts: texts.filter((t) => t.q === q.id).slice(0, 50).map((t) => t.text),
        words: [...(words.get(q.id) ?? new Map<string, number>())].map(([word, n]) => ({ word, n })).sort((a, b) => b.n - a.n || a.word.localeCompare(b.word)).slice(0, 15),
        themes: textThemes(texts.filter((t) => t.q === q.id).map((t) => t.text)),
      };
    }),
    byGroup,
    byCountry,
    balance,
    overTime,
  };
}

/**
 * Themes of a text question's answers (from the sample), with the same analysis as the comments'
 * summary: identical answers count once, weighted by how often they were given.
 */
function textThemes(texts: string[]): { label: string; n: number; example: string }[] {
  if (texts.length < 10) return [];
  const docs = texts.map((text, i) => ({ id: String(i), text }));
  const campaigns = findCampaigns(docs);
  const absorbed = new Set(campaigns.flatMap((c) => c.slice(1)));
  const weight = new Map(campaigns.map((c) => [c[0]!, c.length]));
  const { themes } = findThemes(docs.filter((d) => !absorbed.has(d.id)).map((d) => ({ ...d, weight: weight.get(d.id) ?? 1 })));
  return themes
    .map((t) => ({ label: t.label, n: t.documentIds.reduce((sum, id) => sum + (weight.get(id) ?? 1), 0), example: texts[Number(t.documentIds[0])]! }))
    .filter((t) => t.label)
    .sort((a, b) => b.n - a.n);
}

const TEXT_SAMPLE = 2_000;
// Short-lived and per process: computing from the tallies is cheap, so results are at most five
// seconds old everywhere, and a review decision in this process shows at once.
const RESULTS_CACHE_MS = 5_000;
const resultsCache = new Map<string, { at: number; value: Promise<Awaited<ReturnType<typeof computeResults>>> }>();

/**
 * Live results, at most five seconds old: concurrent viewers of a busy survey share one computation.
 */
export function surveyResults(surveyId: string, definition: Definition, filter: TResultsFilter = {}) {
  const key = `${surveyId}:${JSON.stringify(definition).length}:${JSON.stringify(filter)}`;
  const hit = resultsCache.get(key);
  if (hit && Date.now() - hit.at < RESULTS_CACHE_MS) return hit.value;
  const value = computeResults(surveyId, definition, filter);
  if (resultsCache.size > 500) resultsCache.clear();
  resultsCache.set(key, { at: Date.now(), value });
  value.catch(() => resultsCache.delete(key));
  return value;
}

/** Drops this survey's cached results in this process (after a review decision). */
export function forgetCachedResults(surveyId: string): void {
  for (const key of resultsCache.keys()) if (key.startsWith(`${surveyId}:`)) resultsCache.delete(key);
}

export type SurveyResults = Awaited<ReturnType<typeof computeResults>>;
