import stopwordsIso from "stopwords-iso";

/** Stop words of the six UN languages (the platform's languages), from stopwords-iso. */
const STOPWORDS = new Set<string>(
  (["en", "fr", "es", "ar", "zh", "ru"] as const).flatMap((lang) => (stopwordsIso as Record<string, string[]>)[lang] ?? []),
);

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

let segmenter: Intl.Segmenter | null = null;
function chineseWords(run: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  const out: string[] = [];
  for (const s of segmenter.segment(run)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * Words of a comment for theming: lower-cased, stop words and numbers removed. Latin, Cyrillic and
 * Arabic scripts split on word boundaries; Chinese and Japanese runs go through the platform's ICU word
 * segmenter (Intl.Segmenter), which knows where Chinese words end.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  if (CJK.test(lower)) {
    for (const run of lower.match(CJK_RUN) ?? []) {
      for (const w of chineseWords(run)) if (!STOPWORDS.has(w) && w.length > 1) out.push(w);
    }
  }
  for (const m of lower.replace(CJK_RUN, " ").match(WORD) ?? []) {
    const w = m.replace(/['’-]+$/, "");
    if (w.length < 3 || STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push(w);
  }
  return out;
}

/** Text reduced for duplicate detection: lower case, punctuation and spacing removed. */
export function normaliseForDuplicates(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}
