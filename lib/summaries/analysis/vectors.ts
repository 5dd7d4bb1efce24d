import { tokenize } from "./tokenize";

/** A sparse, L2-normalised TF-IDF vector: parallel arrays of term ids and weights. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
}

export interface TfIdfSpace {
  vocabulary: string[];
  /** Inverse document frequency per term id. */
  idf: Float64Array;
  vectors: SparseVector[];
}

/**
 * TF-IDF vectors (sublinear term frequency, smoothed idf, L2 norm): the standard bag-of-words
 * representation for short texts. Terms found in a single document are dropped: they cannot link two
 * comments, and dropping them keeps the vocabulary small at 100,000 comments.
 */
export function tfIdf(texts: string[], weights?: number[]): TfIdfSpace {
  const tokenised = texts.map(tokenize);
  // Document frequencies count a campaign once per signature (its weight).
  const df = new Map<string, number>();
  const distinct = new Map<string, number>();
  tokenised.forEach((tokens, i) => {
    const w = weights?.[i] ?? 1;
    for (const t of new Set(tokens)) {
      df.set(t, (df.get(t) ?? 0) + w);
      distinct.set(t, (distinct.get(t) ?? 0) + 1);
    }
  });
  const vocabulary: string[] = [];
  const ids = new Map<string, number>();
  // Terms in more than half of a sizeable corpus ("I think", "我覺得") describe no theme: drop them too.
  const total = weights ? weights.reduce((a, b) => a + b, 0) : texts.length;
  for (const [term, count] of [...df.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (count < 2 && texts.length > 2) continue;
    if (texts.length >= 20 && distinct.get(term)! > texts.length / 2) continue;
    ids.set(term, vocabulary.length);
    vocabulary.push(term);
  }
  const n = total;
  const idf = new Float64Array(vocabulary.length);
  vocabulary.forEach((term, i) => (idf[i] = Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1));
  const vectors = tokenised.map((tokens) => {
    const tf = new Map<number, number>();
    for (const t of tokens) {
      const id = ids.get(t);
      if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    const terms = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const weights = new Float64Array(terms.length);
    let norm = 0;
    terms.forEach((id, i) => {
      const w = (1 + Math.log(tf.get(id)!)) * idf[id]!;
      weights[i] = w;
      norm += w * w;
    });
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    return { terms, weights };
  });
  return { vocabulary, idf, vectors };
}

export function dotDense(v: SparseVector, dense: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.terms.length; i++) s += v.weights[i]! * dense[v.terms[i]!]!;
  return s;
}

export function addTo(dense: Float64Array, v: SparseVector, scale = 1): void {
  for (let i = 0; i < v.terms.length; i++) dense[v.terms[i]!]! += v.weights[i]! * scale;
}

export function normalise(dense: Float64Array): Float64Array {
  let norm = 0;
  for (let i = 0; i < dense.length; i++) norm += dense[i]! * dense[i]!;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < dense.length; i++) dense[i]! /= norm;
  return dense;
}
