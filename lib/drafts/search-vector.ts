import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** PostgreSQL text-search configuration per draft language (Chinese has none: words as written). */
export const searchConfigs: Record<string, string> = {
  en: "english",
  fr: "french",
  es: "spanish",
  ru: "russian",
  ar: "arabic",
  zh: "simple",
};

export function searchConfigFor(language: string): string {
  return searchConfigs[language] ?? "simple";
}

/**
 * Rebuilds a draft's search document from its published version: title (weight A), abstract (B),
 * body (C), each stemmed in the draft's language and also kept as written ('simple'), so a search
 * matches whatever language the reader types in.
 */
export async function refreshSearchVector(tx: Prisma.TransactionClient, draftId: string, language: string): Promise<void> {
  const config = searchConfigFor(language);
  await tx.$executeRaw`
    UPDATE "Draft" d SET "searchVector" =
        setweight(to_tsvector(${config}::regconfig, v.title), 'A') || setweight(to_tsvector('simple', v.title), 'A')
     || setweight(to_tsvector(${config}::regconfig, v.abstract), 'B') || setweight(to_tsvector('simple', v.abstract), 'B')
     || setweight(to_tsvector(${config}::regconfig, v.body), 'C') || setweight(to_tsvector('simple', v.body), 'C')
    FROM "DraftVersion" v
    WHERE d.id = ${draftId} AND v."draftId" = d.id AND v.number = d."currentVersion"`;
}
