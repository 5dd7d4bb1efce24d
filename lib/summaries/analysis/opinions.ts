import { kmeans } from "ml-kmeans";

import { compareAcrossGroups, share, tallyByGroup, type GroupTally, type StatementAcrossGroups } from "./agreement";
import { seededRandom } from "./random";

/** One vote: 1 agree, -1 disagree, 0 pass. When a participant voted twice, pass only the latest. */
export interface Vote {
  participantId: string;
  statementId: string;
  value: number;
}

export interface OpinionSettings {
  /** Participants with fewer votes are left out of the groups (Pol.is uses 7). */
  minVotes?: number;
  maxGroups?: number;
  seed?: number;
  /**
   * Pol.is scales each participant's position by √(statements / their votes), pushing those who voted
   * little outwards. Off by default: on the five Pol.is conversations in our tests, the groups match
   * Pol.is's own better without it (see lib/summaries/analysis/polis-validation.test.ts).
   */
  sparsityScaling?: boolean;
}

export interface DistinctiveStatement {
  statementId: string;
  direction: "agree" | "disagree";
  /** Share of the group voting that way, and of everyone else. */
  inGroup: number;
  others: number;
}

export interface OpinionGroup {
  index: number;
  participantIds: string[];
  distinctive: DistinctiveStatement[];
}

export interface OpinionAnalysis {
  participantsConsidered: number;
  participantsLeftOut: number;
  statements: number;
  /** Share of the variance the two axes of the map explain. */
  explainedVariance: [number, number];
  silhouette: number;
  groups: OpinionGroup[];
  /** 2-D opinion map: one point per grouped participant. */
  map: { participantId: string; x: number; y: number; group: number }[];
  consensus: StatementAcrossGroups[];
  divisive: StatementAcrossGroups[];
}

/** Compressed sparse rows of the centred vote matrix (missing votes imputed by the statement mean = 0). */
interface SparseMatrix {
  rows: number;
  cols: number;
  rowStart: Int32Array;
  col: Int32Array;
  value: Float64Array;
  /** Column means: the matrix stands for (value − center), kept implicit so it stays sparse. */
  center: Float64Array;
}

function multiply(m: SparseMatrix, v: Float64Array, out: Float64Array) {
  let shift = 0;
  for (let j = 0; j < m.cols; j++) shift += m.center[j]! * v[j]!;
  for (let r = 0; r < m.rows; r++) {
    let s = 0;
    for (let p = m.rowStart[r]!; p < m.rowStart[r + 1]!; p++) s += m.value[p]! * v[m.col[p]!]!;
    out[r] = s - shift;
  }
}

function multiplyTransposed(m: SparseMatrix, y: Float64Array, out: Float64Array) {
  out.fill(0);
  let total = 0;
  for (let r = 0; r < m.rows; r++) {
    const yr = y[r]!;
    total += yr;
    if (yr === 0) continue;
    for (let p = m.rowStart[r]!; p < m.rowStart[r + 1]!; p++) out[m.col[p]!]! += m.value[p]! * yr;
  }
  for (let j = 0; j < m.cols; j++) out[j]! -= m.center[j]! * total;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

/**
 * The two leading principal components by power iteration with deflation. The vote matrix is sparse
 * (most participants vote on a fraction of the statements), so each iteration is two sparse products:
 * a 10,000 × 1,000 matrix takes well under a second, where a dense SVD (ml-pca) would take minutes.
 */
export function principalComponents(m: SparseMatrix, count: number, seed: number) {
  const random = seededRandom(seed);
  const components: Float64Array[] = [];
  const eigenvalues: number[] = [];
  const y = new Float64Array(m.rows);
  const next = new Float64Array(m.cols);
  for (let c = 0; c < count; c++) {
    let v = Float64Array.from({ length: m.cols }, () => random() - 0.5);
    let lambda = 0;
    for (let iteration = 0; iteration < 500; iteration++) {
      for (const u of components) {
        let d = 0;
        for (let i = 0; i < v.length; i++) d += v[i]! * u[i]!;
        for (let i = 0; i < v.length; i++) v[i]! -= d * u[i]!;
      }
      const nv = norm(v);
      if (nv === 0) break;
      for (let i = 0; i < v.length; i++) v[i]! /= nv;
      multiply(m, v, y);
      multiplyTransposed(m, y, next);
      for (const u of components) {
        let d = 0;
        for (let i = 0; i < next.length; i++) d += next[i]! * u[i]!;
        for (let i = 0; i < next.length; i++) next[i]! -= d * u[i]!;
      }
      lambda = norm(next);
      let delta = 0;
      for (let i = 0; i < v.length; i++) delta += Math.abs(next[i]! / (lambda || 1) - v[i]!);
      v = Float64Array.from(next, (x) => x / (lambda || 1));
      if (delta < 1e-7) break;
    }
    components.push(v);
    eigenvalues.push(lambda);
  }
  return { components, eigenvalues };
}

function silhouette(points: number[][], labels: number[], k: number, seed: number): number {
  // Exact on up to 2,000 points, on a fixed random sample beyond that.
  const random = seededRandom(seed);
  let idx = points.map((_, i) => i);
  if (idx.length > 2000) idx = idx.filter(() => random() < 2000 / points.length);
  let total = 0;
  for (const i of idx) {
    const sums = new Float64Array(k);
    const counts = new Float64Array(k);
    for (const j of idx) {
      if (i === j) continue;
      const dx = points[i]![0]! - points[j]![0]!;
      const dy = points[i]![1]! - points[j]![1]!;
      sums[labels[j]!]! += Math.sqrt(dx * dx + dy * dy);
      counts[labels[j]!]!++;
    }
    const own = labels[i]!;
    if (counts[own]! === 0) continue;
    const a = sums[own]! / counts[own]!;
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b);
  }
  return idx.length ? total / idx.length : 0;
}

function bestKMeans(points: number[][], k: number, seed: number): number[] {
  let best: { labels: number[]; sse: number } | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = kmeans(points, k, { seed: seed + attempt, initialization: "kmeans++", maxIterations: 200 });
    let sse = 0;
    points.forEach((p, i) => {
      const c = result.centroids[result.clusters[i]!]!;
      sse += (p[0]! - c[0]!) ** 2 + (p[1]! - c[1]!) ** 2;
    });
    if (!best || sse < best.sse - 1e-9) best = { labels: result.clusters, sse };
  }
  return best!.labels;
}

/**
 * Opinion groups from agree/disagree/pass votes, as Pol.is finds them: participants with enough votes,
 * missing votes imputed by the statement's mean, PCA to two dimensions, k-means for k = 2…maxGroups with k chosen by the
 * silhouette. Deterministic for the same votes and seed.
 */
export function findOpinionGroups(votes: Vote[], settings: OpinionSettings = {}): OpinionAnalysis {
  const { maxGroups = 5, seed = 1, sparsityScaling = false } = settings;
  const statementIds = [...new Set(votes.map((v) => v.statementId))].sort();
  const statementIndex = new Map(statementIds.map((s, i) => [s, i]));
  const minVotes = Math.min(settings.minVotes ?? 7, statementIds.length);
  const byParticipant = new Map<string, Map<number, number>>();
  for (const v of votes) {
    let row = byParticipant.get(v.participantId);
    if (!row) byParticipant.set(v.participantId, (row = new Map()));
    row.set(statementIndex.get(v.statementId)!, Math.sign(v.value));
  }
  const everyone = [...byParticipant.keys()].sort();
  const participants = everyone.filter((p) => byParticipant.get(p)!.size >= minVotes);
  const pcaRows = participants;
  const cols = statementIds.length;
  const sums = new Float64Array(cols);
  const counts = new Float64Array(cols);
  for (const p of pcaRows) {
    for (const [j, value] of byParticipant.get(p)!) {
      sums[j]! += value;
      counts[j]!++;
    }
  }
  // A missing vote is imputed by the statement's mean vote, so it adds nothing once centred.
  const mean = Float64Array.from(sums, (s, j) => (counts[j]! ? s / counts[j]! : 0));
  let nnz = 0;
  for (const p of pcaRows) nnz += byParticipant.get(p)!.size;
  const matrix: SparseMatrix = {
    rows: pcaRows.length,
    cols,
    rowStart: new Int32Array(pcaRows.length + 1),
    col: new Int32Array(nnz),
    value: new Float64Array(nnz),
    center: new Float64Array(cols),
  };
  let at = 0;
  pcaRows.forEach((p, r) => {
    matrix.rowStart[r] = at;
    for (const [j, value] of [...byParticipant.get(p)!].sort((x, y) => x[0] - y[0])) {
      matrix.col[at] = j;
      matrix.value[at] = value - mean[j]!;
      at++;
    }
  });
  matrix.rowStart[pcaRows.length] = at;
  const rowOf = new Map(pcaRows.map((p, r) => [p, r]));

  let totalVariance = 0;
  for (let i = 0; i < nnz; i++) totalVariance += matrix.value[i]! ** 2;
  const empty: OpinionAnalysis = {
    participantsConsidered: participants.length,
    participantsLeftOut: byParticipant.size - participants.length,
    statements: cols,
    explainedVariance: [0, 0],
    silhouette: 0,
    groups: [],
    map: [],
    consensus: [],
    divisive: [],
  };
  if (participants.length < 4 || cols < 2) return empty;

  const { components, eigenvalues } = principalComponents(matrix, 2, seed);
  const points = participants.map((p) => {
    const r = rowOf.get(p)!;
    const scale = !sparsityScaling ? 1 : Math.sqrt(cols / Math.max(1, matrix.rowStart[r + 1]! - matrix.rowStart[r]!));
    return components.map((u) => {
      let s = 0;
      for (let q = matrix.rowStart[r]!; q < matrix.rowStart[r + 1]!; q++) {
        const j = matrix.col[q]!;
        s += matrix.value[q]! * u[j]!;
      }
      return s * scale;
    });
  });

  let chosen: { labels: number[]; k: number; score: number } | null = null;
  for (let k = 2; k <= Math.min(maxGroups, participants.length - 1); k++) {
    const labels = bestKMeans(points, k, seed);
    const score = silhouette(points, labels, k, seed);
    // Fewer groups unless more are clearly better (silhouette higher by more than 0.02).
    if (!chosen || score > chosen.score + 0.02) chosen = { labels, k, score };
  }
  // Number groups by size, largest first, for stable presentation.
  const sizes = new Map<number, number>();
  for (const l of chosen!.labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([l]) => l);
  const relabel = new Map(order.map((l, i) => [l, i]));
  const labels = chosen!.labels.map((l) => relabel.get(l)!);
  const groupOf = new Map(participants.map((p, i) => [p, labels[i]!]));

  const tallies = tallyByGroup(
    votes.map((v) => ({ statementId: v.statementId, value: v.value, group: groupOf.has(v.participantId) ? String(groupOf.get(v.participantId)) : null })),
  );
  const compared = compareAcrossGroups(tallies, { minVotes: 1 });
  const groups: OpinionGroup[] = order.map((_, g) => ({
    index: g,
    participantIds: participants.filter((p) => groupOf.get(p) === g),
    distinctive: distinctiveFor(String(g), tallies),
  }));
  return {
    ...empty,
    explainedVariance: [eigenvalues[0]! / (totalVariance || 1), eigenvalues[1]! / (totalVariance || 1)],
    silhouette: chosen!.score,
    groups,
    map: participants.map((p, i) => ({ participantId: p, x: points[i]![0]!, y: points[i]![1]!, group: labels[i]! })),
    consensus: compared.filter((s) => s.agreed).sort((a, b) => b.minAgree - a.minAgree),
    divisive: compared.filter((s) => s.divided).sort((a, b) => b.spread - a.spread),
  };
}

/**
 * What sets a group apart: statements on which the group votes one way clearly more than everyone else
 * (two-proportion z-test above 1.645, at least half of the group voting that way), strongest first.
 */
function distinctiveFor(group: string, tallies: Map<string, Map<string, GroupTally>>, limit = 5): DistinctiveStatement[] {
  const out: (DistinctiveStatement & { z: number })[] = [];
  for (const [statementId, byGroup] of tallies) {
    const own = byGroup.get(group);
    if (!own) continue;
    const rest: GroupTally = { agree: 0, disagree: 0, pass: 0 };
    for (const [g, t] of byGroup) {
      if (g === group) continue;
      rest.agree += t.agree;
      rest.disagree += t.disagree;
      rest.pass += t.pass;
    }
    const n1 = own.agree + own.disagree + own.pass;
    const n2 = rest.agree + rest.disagree + rest.pass;
    if (n1 < 3 || n2 < 3) continue;
    for (const direction of ["agree", "disagree"] as const) {
      const p1 = share(own[direction], own);
      const p2 = share(rest[direction], rest);
      const pooled = (own[direction] + rest[direction]) / (n1 + n2);
      const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
      const z = se > 0 ? (p1 - p2) / se : 0;
      if (p1 >= 0.5 && z > 1.645) out.push({ statementId, direction, inGroup: p1, others: p2, z });
    }
  }
  return out
    .sort((a, b) => b.z - a.z || (a.statementId < b.statementId ? -1 : 1))
    .slice(0, limit)
    .map((d) => ({ statementId: d.statementId, direction: d.direction, inGroup: d.inGroup, others: d.others }));
}
