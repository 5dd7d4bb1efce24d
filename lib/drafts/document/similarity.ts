/** Word-level similarity of two blocks' texts, used to recognise a lightly edited paragraph. */

const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+/u;

/**
 * Lowercased words (letters and digits), punctuation ignored. Chinese, Japanese and Korean runs,
 * written without spaces, count as overlapping character pairs, so one edited character changes
 * two "words" rather than the whole sentence.
 */
export function words(text: string): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
  return tokens.flatMap((token) => {
    if (!CJK_RUN.test(token)) return [token];
    const chars = Array.from(token);
    return chars.length === 1 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
  });
}

export type Bag = { counts: Map<string, number>; size: number };

export function bagOf(text: string): Bag {
  const list = words(text);
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { counts, size: list.length };
}

export function bagSimilarity(a: Bag, b: Bag): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let common = 0;
  for (const [word, count] of small.counts) common += Math.min(count, large.counts.get(word) ?? 0);
  return (2 * common) / (a.size + b.size);
}

/** Highest similarity two bags of these sizes could have (the Dice coefficient's length bound). */
export function similarityBound(a: Bag, b: Bag): number {
  if (a.size + b.size === 0) return 1;
  return (2 * Math.min(a.size, b.size)) / (a.size + b.size);
}

/**
 * Word-level similarity from 0 (nothing in common) to 1 (same words): the Dice coefficient of the
 * two texts' word multisets, 2·|common words| / (|words of a| + |words of b|). Case and
 * punctuation are ignored; two empty texts are identical.
 */
export function similarity(a: string, b: string): number {
  return bagSimilarity(bagOf(a), bagOf(b));
}
