/**
 * Pol.is's opinion-group computation, step by step as specified in POLIS-MATH.md (read from the public
 * compdemocracy/polis math service: conversation.clj, named_matrix.clj, pca.clj, clusters.clj; written
 * here from that description, not copied). Every departure from it is a named setting, off by default,
 * and reported in `PolisGroupsResult.departures` so the provenance says exactly what ran.
 */
import { adjustedRandIndex } from "./ari";
import { hashString, seededRandom } from "./random";

export type Point = [number, number];

/** One vote: 1 agree, -1 disagree, 0 pass. When a participant voted twice, pass only the latest. */
export interface Vote {
  participantId: string;
  statementId: string;
  value: number;
}

/** What a previous run leaves for the next one on the same live draft (Pol.is keeps the same state). */
export interface WarmStart {
  /** Principal components by statement id: [first, second]. */
  components: Record<string, [number, number]>;
  baseCentres: Point[];
  /** Group centres per k (as a string key, JSON-safe). */
  groupCentres: Record<string, Point[]>;
  /** Participants clustered last time: once in, a participant stays in. */
  inConv: string[];
  /**
   * Pol.is's group-k smoother (conversation.clj, group-k-smoother): the best k of the last run (by
   * silhouette, or by the kSelection departure when on), how many runs in a row it has been the best,
   * and the k shown. The shown k changes only once a new k has been the best `K_SMOOTHER_BUFFER` runs
   * in a row. Absent in states saved before it existed (the next run then starts it afresh).
   */
  kSmoother?: { lastK: number; lastKCount: number; smoothedK: number };
}

/** Pol.is's group-k-buffer: updates in a row a new k must win before it is shown. */
export const K_SMOOTHER_BUFFER = 4;

export interface PolisGroupsSettings {
  seed?: number;
  /** Statements moderated out: zeroed for every participant (Pol.is), not dropped. */
  zeroedStatements?: Iterable<string>;
  /** Row order (Pol.is: order of first appearance in the time-ordered vote stream); default: order in `votes`. */
  participantOrder?: string[];
  /**
   * The previous run's state on the same draft, carried forward as Pol.is's live service does (not a
   * departure): components and centres as starting points, the in-conv set kept, and the group-k
   * smoother (a new best k is shown only once it has been the best K_SMOOTHER_BUFFER runs in a row).
   */
  warmStart?: WarmStart | null;
  /** Moderator's pinned number of groups (a departure, recorded). */
  pinnedK?: number | null;
  /** Departure: votes needed to be clustered instead of Pol.is's min(7, statements). */
  minVotes?: number | null;
  /** Departure: largest k tried instead of Pol.is's 5. */
  maxGroups?: number | null;
  /**
   * Departure: "stability" restricts Pol.is's silhouette choice to the k whose grouping reproduces on
   * resampled participants (mean ARI with the full grouping ≥ 0.8 over 80 % subsamples); when no k
   * reproduces, Pol.is's choice stands. No preference for fewer or more groups.
   */
  kSelection?: "silhouette" | "stability";
  /**
   * Departure: a moderated-out statement counts as a (zero) vote only for participants who voted on it,
   * instead of for everyone (Pol.is zeroes the whole column, which shrinks everyone's sparsity scaling
   * when many statements are moderated out).
   */
  zeroOnlyWhereVoted?: boolean;
  /** Resamples per k for kSelection "stability". */
  bootstrapRounds?: number;
  /**
   * Departure: the group step (8) also runs k-means from this many seeded k-means++ starts besides
   * Pol.is's first-distinct start, keeping the grouping with the lowest weighted within-group sum of
   * squares. Pol.is runs one start (warm-started over many live updates).
   */
  groupRestarts?: number;
  /**
   * Departure: "nearestCentre" puts each clustered participant in the group whose centre is nearest
   * to their own point, instead of Pol.is's "the group of their base cluster" (step 10). A base
   * cluster straddling two groups then no longer moves all its members together when a few votes
   * change, which makes the grouping steadier without changing the centres.
   */
  membership?: "baseCluster" | "nearestCentre";
  /**
   * Departure (needs groupRestarts): the group step's solutions for a k whose weighted within-group
   * sum of squares is within this fraction of the best (e.g. 0.02 = 2 %) count as equally good, and
   * among them the grouping kept is the best separated (highest silhouette over the base-cluster
   * centres, Pol.is's own measure of separation in step 9). Why: when the objective is flat (a blob
   * with no gap, as on 15-per-hour-seattle), k-means has a family of near-equal optima whose boundary
   * slides through the crowd, and removing a few votes reorders them; the best-separated one puts the
   * boundary where participants are sparsest, so the fewest move when votes change. k is then chosen
   * by the silhouettes of the groupings kept (step 9). 0 / unset: the lowest sum of squares wins.
   */
  nearEqualTolerance?: number;
  /**
   * Departure: "participants" computes step 9's silhouette over the clustered participants (each
   * counts once, at their base cluster's centre: the base centres weighted by size, as the group step's
   * k-means already weights them) instead of over the base-cluster centres each counted once (Pol.is).
   * Why: base clusters are very unequal (a dense middle of dozens, a sparse rim of ones and twos), and
   * counting each once lets the rim decide k; two values of k then tie (vtaiwan.uberx: 0.40 for 2
   * groups, 0.41 for 4) and removing a few votes flips between them (over participants: 0.51 and
   * 0.45). Only k's choice changes: the near-equal rule (nearEqualTolerance) still compares Pol.is's
   * silhouette over the centres (tried over participants there too, seattle's boundary moved into its
   * crowd: ARI vs Pol.is 0.884 → 0.970 but stability under 5 % vote removal 0.912 → 0.867, below the
   * 0.9 goal). Pol.is: "baseCentres".
   */
  silhouetteOver?: "baseCentres" | "participants";
  /**
   * Departure: resampled runs (bagging; Leisch 1999, Dudoit & Fridlyand 2003), this many (Pol.is: none,
   * one run). Why: when two values of k have equal silhouettes (brexit-consensus: 0.43 for 2, 3 and 5
   * groups), removing a few votes flips k, and where a group boundary crosses a crowd the boundary
   * moves. What runs, besides the full run:
   * - `baggedRuns` k-runs, each without 5 % of the votes (BAGGED_K_SHARE). k: the best mean silhouette
   *   over the full run and the k-runs, then the fewest groups whose silhouette is not told apart from
   *   it (mean paired difference within two standard deviations of the paired differences, the
   *   "one-standard-error" rule of Breiman et al. 1984 with two, calibrated on these votes, not a fixed
   *   margin). A k clearly better than the others is still taken (planted 3 groups, half the votes
   *   seen: 3), and on the planted-groups bench every k found is the one found without resampling.
   * - ⌈baggedRuns / 2⌉ label runs, each without 10 % of the votes (BAGGED_LABEL_SHARE), started from
   *   the full run's state (Pol.is's warm start). Each participant joins the group the full run and
   *   the label runs put them in most often (each run's groups matched to the full run's by the
   *   permutation that agrees most; ties keep the full run's group).
   * A vote (participant, statement) is left out of run r when a hash of seed, r, participant and
   * statement falls under the share, so the same vote is left out of run r whatever else changed.
   * Skipped above BAGGED_MAX_PARTICIPANTS clustered participants (the departure is then not recorded).
   * Cost: about 1.5 × baggedRuns full runs.
   */
  baggedRuns?: number;
}

export interface KCandidate {
  k: number;
  silhouette: number;
  /** Mean ARI of the grouping on resampled data with the full-data grouping (kSelection "stability", or bagged runs). */
  stability?: number;
}

export interface PolisGroupsResult {
  /** Participants in row order; points for all of them (the map), labels only for in-conv ones. */
  participants: string[];
  points: Point[];
  inConv: boolean[];
  /** Group label per participant (0…k−1), −1 for those not clustered. */
  labels: number[];
  k: number;
  kChosenBy: "silhouette" | "stability" | "bagged" | "pinned" | "smoothed" | "none";
  candidates: KCandidate[];
  explainedVariance: [number, number];
  baseClusterCount: number;
  /** How many were left out because they voted on fewer than `minVotesUsed` statements. */
  minVotesUsed: number;
  /** Names of the settings that departed from Pol.is in this run (empty: faithful). */
  departures: string[];
  warmStart: WarmStart;
}

interface Matrix {
  participants: string[];
  statements: string[];
  /** Per participant: [column, vote] for every vote (zeroed statements carry 0 for everyone). */
  rows: [number, number][][];
  zeroed: boolean[];
  /** Votes actually cast per participant (passes and zeroed statements included). */
  voteCount: number[];
}

function buildMatrix(votes: { participantId: string; statementId: string; value: number }[], zeroedIds: Set<string>, order: string[] | undefined, onlyWhereVoted: boolean): Matrix {
  const statements: string[] = [];
  const statementIndex = new Map<string, number>();
  const participantIndex = new Map<string, number>();
  const participants: string[] = [];
  for (const p of order ?? []) if (!participantIndex.has(p)) participantIndex.set(p, participants.push(p) - 1);
  const cells = new Map<number, Map<number, number>>();
  for (const v of votes) {
    let j = statementIndex.get(v.statementId);
    if (j === undefined) statementIndex.set(v.statementId, (j = statements.push(v.statementId) - 1));
    let i = participantIndex.get(v.participantId);
    if (i === undefined) participantIndex.set(v.participantId, (i = participants.push(v.participantId) - 1));
    let row = cells.get(i);
    if (!row) cells.set(i, (row = new Map()));
    row.set(j, Math.sign(v.value)); // a later vote replaces an earlier one
  }
  const zeroed = statements.map((s) => zeroedIds.has(s));
  const zeroedCols = zeroed.flatMap((z, j) => (z ? [j] : []));
  const rows: [number, number][][] = [];
  const voteCount: number[] = [];
  participants.forEach((_, i) => {
    const row = cells.get(i) ?? new Map<number, number>();
    voteCount.push(row.size);
    const r: [number, number][] = [];
    for (const [j, v] of row) if (!zeroed[j] || onlyWhereVoted) r.push([j, zeroed[j] ? 0 : v]);
    // named_matrix's zero-out-columns sets the whole column to 0: every row then holds a 0 there.
    if (!onlyWhereVoted) for (const j of zeroedCols) r.push([j, 0]);
    r.sort((a, b) => a[0] - b[0]);
    rows.push(r);
  });
  return { participants: participants.filter((_, i) => cells.has(i)), statements, rows: rows.filter((_, i) => cells.has(i)), zeroed, voteCount: voteCount.filter((_, i) => cells.has(i)) };
}

/**
 * The two leading principal components of the mean-imputed, mean-centred vote matrix (every
 * participant), by power iteration (100 iterations) with Gram–Schmidt deflation, as pca.clj does.
 * Missing votes imputed by the column mean are exactly 0 once centred, so the matrix stays sparse.
 */
function pca(m: Matrix, mean: Float64Array, seed: number, start?: (Float64Array | null)[]) {
  const cols = m.statements.length;
  const random = seededRandom(seed);
  const components: Float64Array[] = [];
  const eigenvalues: number[] = [];
  // Compressed sparse rows of the centred matrix (imputed cells are 0 once centred).
  const start0 = new Int32Array(m.rows.length + 1);
  m.rows.forEach((row, i) => (start0[i + 1] = start0[i]! + row.length));
  const colOf = new Int32Array(start0[m.rows.length]!);
  const valOf = new Float64Array(start0[m.rows.length]!);
  m.rows.forEach((row, i) => {
    let at = start0[i]!;
    for (const [j, x] of row) {
      colOf[at] = j;
      valOf[at++] = x - mean[j]!;
    }
  });
  const project = (v: Float64Array) => {
    const out = new Float64Array(cols);
    for (let i = 0; i < m.rows.length; i++) {
      let yi = 0;
      const end = start0[i + 1]!;
      for (let at = start0[i]!; at < end; at++) yi += valOf[at]! * v[colOf[at]!]!;
      if (yi !== 0) for (let at = start0[i]!; at < end; at++) out[colOf[at]!]! += valOf[at]! * yi;
    }
    return out;
  };
  const orthogonalise = (v: Float64Array) => {
    for (const u of components) {
      let d = 0;
      for (let j = 0; j < cols; j++) d += v[j]! * u[j]!;
      for (let j = 0; j < cols; j++) v[j]! -= d * u[j]!;
    }
  };
  const normalise = (v: Float64Array) => {
    let n = 0;
    for (let j = 0; j < cols; j++) n += v[j]! * v[j]!;
    n = Math.sqrt(n);
    if (n > 0) for (let j = 0; j < cols; j++) v[j]! /= n;
    return n;
  };
  for (let c = 0; c < 2; c++) {
    const given = start?.[c];
    let v = given && given.some((x) => x !== 0) ? Float64Array.from(given) : Float64Array.from({ length: cols }, () => random() - 0.5);
    let lambda = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      orthogonalise(v);
      if (normalise(v) === 0) break;
      const next = project(v);
      orthogonalise(next);
      lambda = normalise(next);
      if (lambda === 0) break;
      v = next;
    }
    // Keep the orientation of the previous run (a flipped axis would scramble carried centres).
    if (given) {
      let d = 0;
      for (let j = 0; j < cols; j++) d += v[j]! * given[j]!;
      if (d < 0) for (let j = 0; j < cols; j++) v[j] = -v[j]!;
    }
    components.push(v);
    eigenvalues.push(lambda);
  }
  return { components, eigenvalues };
}

const distance = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Index of the centre nearest to `p` (first on ties). */
function nearest(p: Point, centres: Point[]): number {
  let best = 0;
  let bestD = Infinity;
  centres.forEach((c, i) => {
    const d = distance(p, c);
    if (d < bestD) [best, bestD] = [i, d];
  });
  return best;
}

function firstDistinct(points: Point[], k: number): Point[] {
  const out: Point[] = [];
  const seen = new Set<string>();
  for (const p of points) {
    const key = `${p[0]}/${p[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([p[0], p[1]]);
    if (out.length === k) break;
  }
  return out;
}

/**
 * Weighted k-means from given initial centres (clusters.clj): assign to the nearest centre (first on
 * ties), recompute weighted means, drop empty clusters, stop when no centre moves by `tolerance` or
 * more, or after `maxIterations`. Returns the surviving centres and each point's index among them.
 */
export function kmeansFrom(points: Point[], weights: number[], init: Point[], maxIterations: number, tolerance = 0.01) {
  let centres = init.map((c): Point => [c[0], c[1]]);
  let labels = new Array<number>(points.length).fill(0);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    labels = points.map((p) => nearest(p, centres));
    const sums = centres.map(() => [0, 0, 0]);
    points.forEach((p, i) => {
      const s = sums[labels[i]!]!;
      s[0]! += p[0] * weights[i]!;
      s[1]! += p[1] * weights[i]!;
      s[2]! += weights[i]!;
    });
    const kept: number[] = [];
    const next: Point[] = [];
    let moved = 0;
    sums.forEach((s, i) => {
      if (s[2]! === 0) return;
      const c: Point = [s[0]! / s[2]!, s[1]! / s[2]!];
      moved = Math.max(moved, distance(c, centres[i]!));
      kept.push(i);
      next.push(c);
    });
    const remap = new Map(kept.map((old, i) => [old, i]));
    labels = labels.map((l) => remap.get(l)!);
    const dropped = next.length !== centres.length;
    centres = next;
    if (!dropped && moved < tolerance) break;
  }
  // Final assignment to the final centres.
  labels = points.map((p) => nearest(p, centres));
  return { centres, labels };
}

/**
 * Mean silhouette (Rousseeuw 1987) of points in the plane, in [−1, 1]; −1 when there are fewer than 2
 * clusters or 3 points. Without `weights` every point counts once and a point alone in its cluster
 * scores 0 (Pol.is, step 9, over base-cluster centres). With `weights` (how many participants sit at
 * each point, ≥ 1) it is the silhouette of those participants: each counts once, and the others at the
 * same point are at distance 0 from it.
 */
export function silhouette(points: Point[], labels: number[], weights?: number[]): number {
  const k = Math.max(...labels) + 1;
  if (k < 2 || points.length < 3) return -1;
  const w = (i: number) => (weights ? weights[i]! : 1);
  let total = 0;
  let counted = 0;
  for (let i = 0; i < points.length; i++) {
    const sums = new Float64Array(k);
    const counts = new Float64Array(k);
    for (let j = 0; j < points.length; j++) {
      if (i === j) continue;
      sums[labels[j]!]! += w(j) * distance(points[i]!, points[j]!);
      counts[labels[j]!]! += w(j);
    }
    const own = labels[i]!;
    counts[own]! += w(i) - 1;
    counted += w(i);
    if (counts[own]! <= 0) continue;
    const a = sums[own]! / counts[own]!;
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    if (Number.isFinite(b) && Math.max(a, b) > 0) total += (w(i) * (b - a)) / Math.max(a, b);
  }
  return total / counted;
}

interface Clustering {
  baseCentres: Point[];
  baseSizes: number[];
  baseOf: number[];
  groupings: { k: number; centres: Point[]; baseLabels: number[]; silhouette: number }[];
}

/** Steps 7–8: 100 base clusters over the in-conv points, then weighted k-means over them per k. */
function clusterPoints(points: Point[], maxK: number, warm?: WarmStart | null, restarts = 0, seed = 1, nearEqual = 0, byParticipant = false): Clustering {
  const baseInit = warm?.baseCentres?.length ? mergeInit(warm.baseCentres, points, 100) : firstDistinct(points, 100);
  const base = kmeansFrom(points, points.map(() => 1), baseInit, 100);
  const baseSizes = base.centres.map(() => 0);
  for (const l of base.labels) baseSizes[l]!++;
  const n = base.centres.length;
  // Step 9's silhouette (choosing k): over base-cluster centres (Pol.is) or, departure, over participants.
  const kScore = (labels: number[]) => silhouette(base.centres, labels, byParticipant ? baseSizes : undefined);
  const groupings: Clustering["groupings"] = [];
  const top = Math.min(maxK, 2 + Math.floor(n / 12), n);
  for (let k = 2; k <= top; k++) {
    const prev = warm?.groupCentres?.[String(k)];
    const init = prev?.length === k ? prev : firstDistinct(base.centres, k);
    if (init.length < k) break;
    let g = kmeansFrom(base.centres, baseSizes, init, 20);
    if (restarts > 0) {
      const random = seededRandom(seed * 7919 + k);
      let best = withinSS(base.centres, baseSizes, g);
      const all: { h: typeof g; ss: number }[] = [{ h: g, ss: best }];
      for (let r = 0; r < restarts; r++) {
        const start = kmeansPlusPlus(base.centres, baseSizes, k, random);
        if (start.length < k) break;
        const h = kmeansFrom(base.centres, baseSizes, start, 100);
        const ss = withinSS(base.centres, baseSizes, h);
        if (h.centres.length === g.centres.length) all.push({ h, ss });
        if (h.centres.length === g.centres.length && ss < best - 1e-9) [g, best] = [h, ss];
      }
      // The grouping kept at this k may be another near-equal one (nearEqualTolerance): the best
      // separated of them, by Pol.is's silhouette over the base-cluster centres whatever
      // silhouetteOver says. k is then chosen by the kept groupings' silhouettes (step 9).
      if (nearEqual > 0 && g.centres.length >= 2) {
        const separation = (labels: number[]) => silhouette(base.centres, labels);
        let bestSeparation = separation(g.labels);
        for (const c of all) {
          if (c.h === g || c.h.centres.length !== g.centres.length || c.ss > best * (1 + nearEqual)) continue;
          const separated = separation(c.h.labels);
          if (separated > bestSeparation + 1e-12) [bestSeparation, g] = [separated, c.h];
        }
      }
    }
    if (g.centres.length < 2) continue;
    groupings.push({ k: g.centres.length, centres: g.centres, baseLabels: g.labels, silhouette: kScore(g.labels) });
  }
  return { baseCentres: base.centres, baseSizes, baseOf: base.labels, groupings };
}

/** Weighted within-cluster sum of squared distances. */
function withinSS(points: Point[], weights: number[], c: { centres: Point[]; labels: number[] }) {
  let ss = 0;
  points.forEach((p, i) => (ss += weights[i]! * distance(p, c.centres[c.labels[i]!]!) ** 2));
  return ss;
}

/** Weighted k-means++ seeding (Arthur & Vassilvitskii 2007) with the given random source. */
function kmeansPlusPlus(points: Point[], weights: number[], k: number, random: () => number): Point[] {
  const pick = (w: number[]) => {
    const total = w.reduce((a, b) => a + b, 0);
    if (total <= 0) return -1;
    let r = random() * total;
    for (let i = 0; i < w.length; i++) if ((r -= w[i]!) < 0) return i;
    return w.length - 1;
  };
  const centres: Point[] = [];
  const first = pick(weights);
  if (first < 0) return centres;
  centres.push(points[first]!);
  const d2 = points.map((p) => distance(p, centres[0]!) ** 2);
  while (centres.length < k) {
    const i = pick(d2.map((d, j) => d * weights[j]!));
    if (i < 0) break;
    centres.push(points[i]!);
    points.forEach((p, j) => (d2[j] = Math.min(d2[j]!, distance(p, points[i]!) ** 2)));
  }
  return centres;
}

/** Previous centres first, then first distinct new points, up to k (Pol.is's warm start). */
function mergeInit(previous: Point[], points: Point[], k: number): Point[] {
  const init = previous.slice(0, k).map((c): Point => [c[0], c[1]]);
  if (init.length < k) init.push(...firstDistinct(points, k).slice(0, k - init.length));
  return init;
}

/** Mean resampling ARI at which a grouping counts as reproducible (kSelection "stability"). */
export const STABLE = 0.8;

/** Best k by silhouette, ties to the larger k (POLIS-MATH.md step 9). */
function bySilhouette(groupings: Clustering["groupings"]) {
  let best = groupings[0]!;
  for (const g of groupings) if (g.silhouette >= best.silhouette) best = g;
  return best;
}

/**
 * Pol.is's opinion groups from votes (1 agree, −1 disagree, 0 pass), deterministic for the same input
 * and seed. Errors: none; with fewer than 2 statements or 4 clustered participants, k is 0 and nobody
 * is grouped.
 */
export function polisGroups(votes: Vote[], settings: PolisGroupsSettings = {}): PolisGroupsResult {
  return groupOnce(votes, settings).result;
}

/** One run of the whole computation; also every k's labels (over `result.participants`, −1 unclustered). */
function groupOnce(votes: Vote[], settings: PolisGroupsSettings): { result: PolisGroupsResult; labelsByK: Map<number, number[]> } {
  const seed = settings.seed ?? 1;
  const departures: string[] = [];
  if (settings.minVotes != null && settings.minVotes !== 7) departures.push("minVotes");
  if (settings.maxGroups != null && settings.maxGroups !== 5) departures.push("maxGroups");
  if (settings.kSelection === "stability") departures.push("kSelection:stability");
  if (settings.pinnedK != null) departures.push("pinnedK");
  if (settings.zeroOnlyWhereVoted) departures.push("zeroOnlyWhereVoted");
  if (settings.groupRestarts) departures.push("groupRestarts");
  if (settings.membership === "nearestCentre") departures.push("membership:nearestCentre");
  if (settings.nearEqualTolerance && settings.groupRestarts) departures.push("nearEqualOptima");
  if (settings.silhouetteOver === "participants") departures.push("silhouette:participants");

  const m = buildMatrix(votes, new Set(settings.zeroedStatements ?? []), settings.participantOrder, settings.zeroOnlyWhereVoted === true);
  const cols = m.statements.length;

  // Step 4: in-conv.
  const minVotesUsed = Math.min(settings.minVotes ?? 7, cols);
  const inConv = m.voteCount.map((c) => c >= minVotesUsed);
  const previous = new Set(settings.warmStart?.inConv ?? []);
  m.participants.forEach((p, i) => {
    if (previous.has(p)) inConv[i] = true;
  });
  let count = inConv.filter(Boolean).length;
  if (count < 15) {
    const byActivity = m.participants.map((_, i) => i).filter((i) => !inConv[i]).sort((a, b) => m.voteCount[b]! - m.voteCount[a]! || a - b);
    for (const i of byActivity) {
      if (count >= 15) break;
      inConv[i] = true;
      count++;
    }
  }

  // Step 5: column means over every participant's votes (zeroed columns: mean 0).
  const sums = new Float64Array(cols);
  const counts = new Float64Array(cols);
  for (const row of m.rows) {
    for (const [j, v] of row) {
      sums[j]! += v;
      counts[j]!++;
    }
  }
  const mean = Float64Array.from(sums, (s, j) => (counts[j]! && !m.zeroed[j] ? s / counts[j]! : 0));
  const warmComponents = settings.warmStart?.components;
  const start = warmComponents
    ? [0, 1].map((c) => Float64Array.from(m.statements, (s) => warmComponents[s]?.[c] ?? 0))
    : undefined;
  const { components, eigenvalues } = pca(m, mean, seed, start);
  let totalVariance = 0;
  for (const row of m.rows) for (const [j, v] of row) totalVariance += (v - mean[j]!) ** 2;

  // Step 6: sparsity-scaled projection.
  const points: Point[] = m.rows.map((row) => {
    let p1 = 0;
    let p2 = 0;
    for (const [j, v] of row) {
      const x = v - mean[j]!;
      p1 += x * components[0]![j]!;
      p2 += x * components[1]![j]!;
    }
    const scale = Math.sqrt(cols / Math.max(row.length, 1));
    return [p1 * scale, p2 * scale];
  });

  const warmOut = (baseCentres: Point[], groupCentres: Record<string, Point[]>): WarmStart => ({
    components: Object.fromEntries(m.statements.map((s, j) => [s, [components[0]![j]!, components[1]![j]!] as [number, number]])),
    baseCentres,
    groupCentres,
    inConv: m.participants.filter((_, i) => inConv[i]),
  });
  const base: PolisGroupsResult = {
    participants: m.participants,
    points,
    inConv,
    labels: m.participants.map(() => -1),
    k: 0,
    kChosenBy: "none",
    candidates: [],
    explainedVariance: [eigenvalues[0]! / (totalVariance || 1), eigenvalues[1]! / (totalVariance || 1)],
    baseClusterCount: 0,
    minVotesUsed,
    departures,
    warmStart: warmOut([], {}),
  };
  const clustered = m.participants.map((_, i) => i).filter((i) => inConv[i]);
  const none = new Map<number, number[]>();
  if (cols < 2 || clustered.length < 4) return { result: base, labelsByK: none };

  const maxK = settings.pinnedK != null ? Math.max(2, Math.min(5, settings.pinnedK)) : (settings.maxGroups ?? 5);
  const clusterPts = clustered.map((i) => points[i]!);
  const c = clusterPoints(clusterPts, maxK, settings.warmStart, settings.groupRestarts ?? 0, seed, settings.nearEqualTolerance ?? 0, settings.silhouetteOver === "participants");
  if (!c.groupings.length) return { result: { ...base, warmStart: warmOut(c.baseCentres, {}) }, labelsByK: none };
  const labelsByK = new Map(
    c.groupings.map((g) => {
      const labels = base.labels.slice();
      clustered.forEach((i, n) => {
        labels[i] = settings.membership === "nearestCentre" ? nearest(points[i]!, g.centres) : g.baseLabels[c.baseOf[n]!]!;
      });
      return [g.k, labels] as const;
    }),
  );
  const candidates: KCandidate[] = c.groupings.map((g) => ({ k: g.k, silhouette: g.silhouette }));
  let chosen = bySilhouette(c.groupings);
  let kChosenBy: PolisGroupsResult["kChosenBy"] = "silhouette";
  if (settings.pinnedK != null) {
    chosen = c.groupings.find((g) => g.k === settings.pinnedK) ?? c.groupings[c.groupings.length - 1]!;
    kChosenBy = "pinned";
  }
  const state = warmOut(c.baseCentres, Object.fromEntries(c.groupings.map((g) => [String(g.k), g.centres])));
  const bagged = settings.baggedRuns && clustered.length <= BAGGED_MAX_PARTICIPANTS ? baggedRuns(votes, settings, m.participants, labelsByK, candidates, state) : null;
  if (bagged) departures.push("bagging:voteRemoval");
  if (bagged && settings.pinnedK == null) {
    chosen = c.groupings.find((g) => g.k === bagged.k)!;
    kChosenBy = "bagged";
  } else if (settings.pinnedK == null && settings.kSelection === "stability" && c.groupings.length > 1) {
    const stability = stabilityByK(clusterPts, c, maxK, seed, settings.bootstrapRounds ?? 10, settings.groupRestarts ?? 0);
    candidates.forEach((cand) => (cand.stability = stability.get(cand.k) ?? 0));
    const reproducible = new Set(candidates.filter((cand) => cand.stability! >= STABLE).map((cand) => cand.k));
    if (reproducible.size) {
      chosen = bySilhouette(c.groupings.filter((g) => reproducible.has(g.k)));
      kChosenBy = "stability";
    }
  }
  // Step 9's smoother (conversation.clj, group-k-smoother), with the previous run's state only: a new
  // best k is shown once it has won K_SMOOTHER_BUFFER runs in a row; until then the k shown before
  // stays, unless it no longer exists (then the new best is shown). A pinned k bypasses it.
  const previousSmoother = settings.pinnedK == null ? settings.warmStart?.kSmoother : undefined;
  const lastKCount = previousSmoother?.lastK === chosen.k ? previousSmoother.lastKCount + 1 : 1;
  const kSmoother = settings.pinnedK == null ? { lastK: chosen.k, lastKCount, smoothedK: chosen.k } : settings.warmStart?.kSmoother;
  if (previousSmoother && lastKCount < K_SMOOTHER_BUFFER && previousSmoother.smoothedK !== chosen.k) {
    const shown = c.groupings.find((g) => g.k === previousSmoother.smoothedK);
    if (shown) {
      chosen = shown;
      kChosenBy = "smoothed";
      kSmoother!.smoothedK = shown.k;
    }
  }
  const labels = bagged ? bagged.labelsByK.get(chosen.k)! : labelsByK.get(chosen.k)!;
  const result: PolisGroupsResult = {
    ...base,
    labels,
    k: chosen.k,
    kChosenBy,
    candidates,
    baseClusterCount: c.baseCentres.length,
    warmStart: { ...state, ...(kSmoother ? { kSmoother } : {}) },
  };
  return { result, labelsByK };
}

/** Share of the votes each resampled run that chooses k leaves out (the stability check: 5 %). */
export const BAGGED_K_SHARE = 0.05;
/** Share of the votes each resampled run that places participants leaves out. */
export const BAGGED_LABEL_SHARE = 0.1;
/** Above this many clustered participants the resampled runs are skipped (cost: runs × one analysis). */
export const BAGGED_MAX_PARTICIPANTS = 5000;

type Resampled = { silhouette: Map<number, number>; labels: Map<number, number[]> };

/**
 * The resampled runs of PolisGroupsSettings.baggedRuns. `full` holds the full run's labels per k over
 * `participants` (−1: not clustered); `fullState` is the full run's state, which the label runs start
 * from. Fills each candidate's `stability` (mean ARI of the full run and each k-run with the bagged
 * grouping at that k, over the participants both clustered; a run without that k scores 0) and returns
 * the k chosen (the fewest groups whose silhouette is within two standard deviations of the best,
 * over the paired differences in the full run and the k-runs) and the bagged labels per candidate k.
 */
function baggedRuns(votes: Vote[], settings: PolisGroupsSettings, participants: string[], full: Map<number, number[]>, candidates: KCandidate[], fullState: WarmStart) {
  const seed = settings.seed ?? 1;
  const count = settings.baggedRuns!;
  const index = new Map(participants.map((p, i) => [p, i]));
  const cold: PolisGroupsSettings = { ...settings, baggedRuns: 0, pinnedK: null, kSelection: "silhouette", warmStart: settings.warmStart ? { ...settings.warmStart, kSmoother: undefined } : null };
  const resample = (inner: PolisGroupsSettings, hashes: Uint32Array, share: number): Resampled => {
    const cut = share * 2 ** 32;
    const run = groupOnce(votes.filter((_, v) => hashes[v]! >= cut), inner);
    const labels = new Map<number, number[]>();
    for (const [k, theirs] of run.labelsByK) {
      const mapped = participants.map(() => -1);
      run.result.participants.forEach((p, j) => {
        const i = index.get(p);
        if (i !== undefined) mapped[i] = theirs[j]!;
      });
      labels.set(k, mapped);
    }
    return { silhouette: new Map(run.result.candidates.map((cand) => [cand.k, cand.silhouette])), labels };
  };
  // Run r leaves out vote (participant, statement) when its keyed hash falls under the share: the same
  // vote is left out of run r whatever else changed, so two analyses of nearly the same votes resample
  // alike. Label run r reuses k-run r's hashes with its own share.
  const kRuns: Resampled[] = [];
  const labelRuns: Resampled[] = [];
  const warm: PolisGroupsSettings = { ...cold, warmStart: fullState };
  for (let r = 1; r <= count; r++) {
    const hashes = Uint32Array.from(votes, (v) => hashString(`${seed}:${r}:${v.participantId}:${v.statementId}`));
    kRuns.push(resample(cold, hashes, BAGGED_K_SHARE));
    if (r <= Math.ceil(count / 2)) labelRuns.push(resample(warm, hashes, BAGGED_LABEL_SHARE));
  }

  /** Plurality group of each participant over the full run and the label runs, at k. */
  const labelsFor = (k: number) => {
    const reference = full.get(k)!;
    const tally = reference.map((l) => {
      const t = new Array<number>(k).fill(0);
      if (l >= 0) t[l]! += 1;
      return t;
    });
    for (const run of labelRuns) {
      const theirs = run.labels.get(k);
      if (!theirs) continue;
      const match = bestPermutation(reference, theirs, k);
      theirs.forEach((l, i) => {
        if (l >= 0 && reference[i]! >= 0) tally[i]![match[l]!]! += 1;
      });
    }
    const voted = reference.map((l, i) => (l < 0 ? l : tally[i]!.reduce((top, n, g) => (n > tally[i]![top]! ? g : top), l)));
    // Labels stay 0…k′−1 should a group lose every member.
    const compact = new Map([...new Set(voted.filter((l) => l >= 0))].sort((x, y) => x - y).map((l, i) => [l, i]));
    return voted.map((l) => (l < 0 ? l : compact.get(l)!));
  };

  const baggedByK = new Map(candidates.map((cand) => [cand.k, labelsFor(cand.k)]));
  for (const cand of candidates) {
    const bagged = baggedByK.get(cand.k)!;
    const compared = [full.get(cand.k)!, ...kRuns.map((run) => run.labels.get(cand.k))];
    let total = 0;
    for (const theirs of compared) {
      const both = theirs ? bagged.flatMap((l, i) => (l >= 0 && theirs[i]! >= 0 ? [i] : [])) : [];
      if (both.length > 1) total += adjustedRandIndex(both.map((i) => bagged[i]!), both.map((i) => theirs![i]!));
    }
    cand.stability = total / compared.length;
  }
  // k: the best mean silhouette over the full run and the k-runs; then the fewest groups whose paired
  // difference from it is within two standard deviations (a k missing from a run scores −1 there).
  const silhouettes = [new Map(candidates.map((cand) => [cand.k, cand.silhouette])), ...kRuns.map((run) => run.silhouette)];
  const at = (m: Map<number, number>, k: number) => m.get(k) ?? -1;
  const meanOf = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
  const best = candidates.reduce((x, y) => (meanOf(silhouettes.map((m) => at(m, y.k))) >= meanOf(silhouettes.map((m) => at(m, x.k))) ? y : x));
  let k = best.k;
  for (const cand of candidates) {
    const d = silhouettes.map((m) => at(m, cand.k) - at(m, best.k));
    const md = meanOf(d);
    const sd = Math.sqrt(d.reduce((x, y) => x + (y - md) ** 2, 0) / Math.max(1, d.length - 1));
    if (cand.k < k && md >= -2 * sd) k = cand.k;
  }
  return { k, labelsByK: baggedByK };
}

/** The relabelling of `theirs` (0…k−1) that agrees with `reference` on the most participants (k ≤ 5: all k! permutations). */
function bestPermutation(reference: number[], theirs: number[], k: number): number[] {
  const overlap = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  reference.forEach((l, i) => {
    const t = theirs[i]!;
    if (l >= 0 && t >= 0 && t < k) overlap[t]![l]! += 1;
  });
  let best: number[] = [...Array(k).keys()];
  let bestScore = -1;
  const permute = (prefix: number[], rest: number[]) => {
    if (!rest.length) {
      const score = prefix.reduce((a, to, from) => a + overlap[from]![to]!, 0);
      if (score > bestScore) [best, bestScore] = [prefix, score];
      return;
    }
    rest.forEach((x, i) => permute([...prefix, x], [...rest.slice(0, i), ...rest.slice(i + 1)]));
  };
  permute([], [...Array(k).keys()]);
  return best;
}

/**
 * Stability of each k: cluster resamples of the clustered participants (80 % without replacement,
 * seeded), and compare each resample's grouping with the full-data grouping for that k on the
 * participants both contain (ARI). Returns k → mean ARI over `rounds` resamples.
 */
function stabilityByK(points: Point[], full: Clustering, maxK: number, seed: number, rounds: number, restarts = 0): Map<number, number> {
  const random = seededRandom(seed ^ 0x5bd1e995);
  const fullLabels = new Map(full.groupings.map((g) => [g.k, full.baseOf.map((b) => g.baseLabels[b]!)]));
  const totals = new Map<number, number>();
  for (let r = 0; r < rounds; r++) {
    const keep = points.map((_, i) => i).filter(() => random() < 0.8);
    const sub = clusterPoints(keep.map((i) => points[i]!), maxK, null, restarts, seed);
    for (const g of sub.groupings) {
      const mine = fullLabels.get(g.k);
      if (!mine) continue;
      const subLabels = sub.baseOf.map((b) => g.baseLabels[b]!);
      totals.set(g.k, (totals.get(g.k) ?? 0) + adjustedRandIndex(subLabels, keep.map((i) => mine[i]!)));
    }
  }
  return new Map([...totals].map(([k, t]) => [k, t / rounds]));
}

