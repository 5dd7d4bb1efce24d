import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Text-search configuration per language (migration 20261130063500_search_unaccent_cjk): each folds
 * accents (unaccent) before stemming; Chinese has no stemmer and is matched by character bigrams.
 */
export const searchConfigs: Record<string, string> = {
  en: "parley_english",
  fr: "parley_french",
  es: "parley_spanish",
  ru: "parley_russian",
  ar: "parley_arabic",
  zh: "parley_simple",
};

export function searchConfigFor(language: string): string {
  return searchConfigs[language] ?? "parley_simple";
}

const cjkRun = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+/gu;

/**
 * The Chinese/Japanese/Korean part of a search as a `to_tsquery('simple', …)` string matching the
 * bigram index: each run of two or more characters becomes a phrase of overlapping bigrams
 * ("数据保护" → `数据 <-> 据保 <-> 保护`), a single character a prefix of any bigram (`数:*`); runs
 * are ANDed. Returns null when the search has no such characters. Only characters from the ranges
 * above reach the string, so it needs no escaping.
 */
export function cjkTsquery(search: string): string | null {
  const runs = search.match(cjkRun);
  if (!runs) return null;
  const chars = (run: string) => Array.from(run);
  return runs
    .map((run) => {
      const c = chars(run);
      if (c.length === 1) return `${c[0]}:*`;
      const grams = c.slice(0, -1).map((ch, i) => ch + c[i + 1]);
      return `(${grams.join(" <-> ")})`;
    })
    .join(" & ");
}

/**
 * Rebuilds a draft's search document from its published version with the SQL function
 * `parley_draft_search_vector` (title weight A, abstract B, body C; stemmed in the draft's language,
 * as written with accents folded, and as CJK bigrams), so a search matches whatever language and
 * spelling the reader types.
 */
export async function refreshSearchVector(tx: Prisma.TransactionClient, draftId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Draft" d SET "searchVector" = parley_draft_search_vector(d.language, v.title, v.abstract, v.body)
    FROM "DraftVersion" v
    WHERE d.id = ${draftId} AND v."draftId" = d.id AND v.number = d."currentVersion"`;
}
