import { seededRandom } from "./random";
import { addTo, dotDense, normalise, tfIdf, type SparseVector, type TfIdfSpace } from "./vectors";

export interface ThemeDocument {
  id: string;
  text: string;
  /** How many voices the text stands for (a campaign counts once per signature). */
  weight?: number;
}

export interface FoundTheme {
  /** Distinctive key phrases, most distinctive first. */
  keyPhrases: string[];
  label: string;
  /** Document ids, most central first. */
  documentIds: string[];
}

export interface ThemeOptions {
  k?: number;
  seed?: number;
  maxIterations?: number;
}

/** Number of themes for n comments: enough to separate, few enough to read (2–12). */
export function defaultThemeCount(n: number): number {
  return Math.max(2, Math.min(12, Math.round(Math.sqrt(n) / 2)));
}

/**
 * Spherical k-means (cosine similarity) over sparse TF-IDF vectors, with deterministic k-means++
 * seeding. Centroids are dense over the vocabulary, documents stay sparse, so one iteration costs
 * documents × k × (words per comment), which is what lets 100,000 comments be themed in seconds.
 * (ml-kmeans needs dense points: 100,000 × vocabulary would not fit in memory.)
 */
export function sphericalKMeans(
  space: TfIdfSpace,
  weights: number[],
  k: number,
  { seed = 42, maxIterations = 40 }: ThemeOptions = {},
): Int32Array {
  const { vectors, vocabulary } = space;
  const n = vectors.length;
  const assignment = new Int32Array(n).fill(-1);
  const usable = vectors.map((v, i) => (v.terms.length > 0 ? i : -1)).filter((i) => i >= 0);
  if (usable.length === 0) return assignment;
  k = Math.min(k, usable.length);
  const random = seededRandom(seed);
  const centroids: Float64Array[] = [];
  const toDense = (v: SparseVector) => {
    const d = new Float64Array(vocabulary.length);
    addTo(d, v);
    return d;
  };
  // k-means++ seeding on cosine distance.
  centroids.push(toDense(vectors[usable[Math.floor(random() * usable.length)]!]!));
  const best = new Float64Array(n).fill(Infinity);
  while (centroids.length < k) {
    const last = centroids[centroids.length - 1]!;
    let total = 0;
    for (const i of usable) {
      const d = Math.max(0, 1 - dotDense(vectors[i]!, last));
      if (d < best[i]!) best[i] = d;
      total += best[i]! * best[i]! * (weights[i] ?? 1);
    }
    if (total === 0) break;
    let target = random() * total;
    let chosen = usable[usable.length - 1]!;
    for (const i of usable) {
      target -= best[i]! * best[i]! * (weights[i] ?? 1);
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
    centroids.push(toDense(vectors[chosen]!));
  }
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = 0;
    for (const i of usable) {
      let bestC = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < centroids.length; c++) {
        const sim = dotDense(vectors[i]!, centroids[c]!);
        if (sim > bestSim) {
          bestSim = sim;
          bestC = c;
        }
      }
      if (assignment[i] !== bestC) {
        assignment[i] = bestC;
        changed++;
      }
    }
    const next = centroids.map(() => new Float64Array(vocabulary.length));
    for (const i of usable) addTo(next[assignment[i]!]!, vectors[i]!, weights[i] ?? 1);
    next.forEach((c, index) => {
      // An emptied cluster keeps its previous centre.
      if (c.some((x) => x !== 0)) centroids[index] = normalise(c);
    });
    if (changed === 0) break;
  }
  return assignment;
}

/** Centroid of some documents, L2-normalised. */
export function centroidOf(space: TfIdfSpace, indices: number[], weights: number[]): Float64Array {
  const c = new Float64Array(space.vocabulary.length);
  for (const i of indices) addTo(c, space.vectors[i]!, weights[i] ?? 1);
  return normalise(c);
}

/** Term weights over the whole corpus: computed once per space, shared by every group's key phrases. */
export function corpusTotals(space: TfIdfSpace, weights: number[]) {
  const overall = new Float64Array(space.vocabulary.length);
  let overallWeight = 0;
  space.vectors.forEach((v, i) => {
    const w = weights[i] ?? 1;
    overallWeight += w;
    addTo(overall, v, w);
  });
  return { overall, overallWeight };
}

/**
 * Key phrases of a group: class-based TF-IDF, i.e. the terms whose weight inside the group most exceeds
 * their weight in the whole corpus.
 */
export function keyPhrases(space: TfIdfSpace, indices: number[], weights: number[], count = 3, corpus = corpusTotals(space, weights)): string[] {
  const inside = new Float64Array(space.vocabulary.length);
  let insideWeight = 0;
  for (const i of indices) {
    const w = weights[i] ?? 1;
    insideWeight += w;
    addTo(inside, space.vectors[i]!, w);
  }
  const { overall, overallWeight } = corpus;
  const scores: [number, number][] = [];
  for (let t = 0; t < inside.length; t++) {
    if (inside[t]! <= 0) continue;
    const share = inside[t]! / insideWeight;
    const lift = share / (overall[t]! / overallWeight);
    scores.push([t, share * Math.log(1 + lift)]);
  }
  scores.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return scores.slice(0, count).map(([t]) => space.vocabulary[t]!);
}

function describe(space: TfIdfSpace, docs: ThemeDocument[], indices: number[], weights: number[], corpus: ReturnType<typeof corpusTotals>): FoundTheme {
  const centre = centroidOf(space, indices, weights);
  const ordered = [...indices].sort(
    (a, b) => dotDense(space.vectors[b]!, centre) - dotDense(space.vectors[a]!, centre) || a - b,
  );
  const phrases = keyPhrases(space, indices, weights, 3, corpus);
  return { keyPhrases: phrases, label: phrases.join(" · "), documentIds: ordered.map((i) => docs[i]!.id) };
}

/**
 * Groups free-text comments into themes. Deterministic: the same input and seed give the same themes.
 * Comments with no usable words (e.g. "+1") form an unlabelled remainder.
 */
export function findThemes(
  docs: ThemeDocument[],
  options: ThemeOptions = {},
): { themes: FoundTheme[]; unthemed: string[] } {
  const weights = docs.map((d) => d.weight ?? 1);
  const space = tfIdf(docs.map((d) => d.text), weights);
  const k = options.k ?? defaultThemeCount(docs.length);
  const assignment = sphericalKMeans(space, weights, k, options);
  const groups = new Map<number, number[]>();
  const unthemed: string[] = [];
  assignment.forEach((c, i) => {
    if (c < 0) unthemed.push(docs[i]!.id);
    else {
      const list = groups.get(c);
      if (list) list.push(i);
      else groups.set(c, [i]);
    }
  });
  const corpus = corpusTotals(space, weights);
  const themes = [...groups.values()]
    .map((indices) => describe(space, docs, indices, weights, corpus))
    .sort((a, b) => b.documentIds.length - a.documentIds.length || (a.label < b.label ? -1 : 1));
  return { themes, unthemed };
}

/**
 * Places new documents into existing themes (each new document joins the theme whose centre is closest)
 * without touching the existing memberships: moderators' edits survive new comments.
 * Returns, for each new document id, the chosen theme key (or null when it shares no word with any).
 */
export function assignToThemes(
  existing: { key: string; documents: ThemeDocument[] }[],
  fresh: ThemeDocument[],
): Map<string, string | null> {
  const all = [...existing.flatMap((t) => t.documents), ...fresh];
  const weights = all.map((d) => d.weight ?? 1);
  const space = tfIdf(all.map((d) => d.text), weights);
  let offset = 0;
  const centres = existing.map((t) => {
    const indices = t.documents.map((_, i) => offset + i);
    offset += t.documents.length;
    return { key: t.key, centre: centroidOf(space, indices, weights) };
  });
  const result = new Map<string, string | null>();
  fresh.forEach((doc, j) => {
    const v = space.vectors[offset + j]!;
    let bestKey: string | null = null;
    let bestSim = 0;
    for (const { key, centre } of centres) {
      const sim = dotDense(v, centre);
      if (sim > bestSim) {
        bestSim = sim;
        bestKey = key;
      }
    }
    result.set(doc.id, bestKey);
  });
  return result;
}

/** Labels for a moderator-made grouping, computed in the space of all documents. */
export function labelGroups(groups: { key: string; documents: ThemeDocument[] }[]): Map<string, FoundTheme> {
  const all = groups.flatMap((g) => g.documents);
  const weights = all.map((d) => d.weight ?? 1);
  const space = tfIdf(all.map((d) => d.text), weights);
  const corpus = corpusTotals(space, weights);
  const result = new Map<string, FoundTheme>();
  let offset = 0;
  for (const g of groups) {
    const indices = g.documents.map((_, i) => offset + i);
    offset += g.documents.length;
    if (indices.length > 0) result.set(g.key, describe(space, all, indices, weights, corpus));
  }
  return result;
}
