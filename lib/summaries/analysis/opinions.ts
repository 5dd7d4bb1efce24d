import { compareAcrossGroups, share, tallyByGroup, type GroupTally, type StatementAcrossGroups } from "./agreement";
import { polisGroups, type KCandidate, type PolisGroupsResult, type Vote, type WarmStart } from "./polis-groups";

export type { Vote };

export interface OpinionSettings {
  /** Departure from Pol.is when not 7: votes needed to be clustered (Pol.is: min(7, statements)). */
  minVotes?: number;
  /** Departure from Pol.is when not 5: largest number of groups tried. */
  maxGroups?: number;
  seed?: number;
  /** A moderator's pinned number of groups (2–5), or null for the method's choice. */
  pinnedK?: number | null;
  /** Departure: "stability" (see PolisGroupsSettings.kSelection); Pol.is: "silhouette". */
  kSelection?: "silhouette" | "stability";
  /** Departure: see PolisGroupsSettings.zeroOnlyWhereVoted. */
  zeroOnlyWhereVoted?: boolean;
  /** Departure when > 0: see PolisGroupsSettings.groupRestarts (Pol.is: 0). */
  groupRestarts?: number;
  /** Departure when "nearestCentre": see PolisGroupsSettings.membership (Pol.is: "baseCluster"). */
  membership?: "baseCluster" | "nearestCentre";
  /** Departure when > 0: see PolisGroupsSettings.nearEqualTolerance (Pol.is: 0). */
  nearEqualTolerance?: number;
  /** Departure when "participants": see PolisGroupsSettings.silhouetteOver (Pol.is: "baseCentres"). */
  silhouetteOver?: "baseCentres" | "participants";
  /** Departure when > 0: see PolisGroupsSettings.baggedRuns (Pol.is: 0). */
  baggedRuns?: number;
  /** Statements moderated out: zeroed in the grouping, left out of consensus and distinctive lists. */
  zeroedStatements?: string[];
  /** Participants in order of their first vote; default: order of first appearance in `votes`. */
  participantOrder?: string[];
  /** The previous run's state on the same draft, so groups do not flip when a few votes arrive. */
  warmStart?: WarmStart | null;
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

/** How the groups were found: what a moderator sees in the workspace and the provenance records. */
export interface OpinionMethod {
  /** "polis" when every setting is Pol.is's (POLIS-MATH.md); otherwise the departures name what differs. */
  method: "polis" | "polis-with-departures";
  departures: string[];
  k: number;
  kChosenBy: PolisGroupsResult["kChosenBy"];
  pinnedK: number | null;
  candidates: KCandidate[];
  /** Votes a participant needed to be clustered (Pol.is: min(7, statements), topped up to 15 people). */
  minVotes: number;
  baseClusters: number;
  warmStarted: boolean;
}

export interface OpinionAnalysis {
  participantsConsidered: number;
  participantsLeftOut: number;
  statements: number;
  /** Share of the variance the two axes of the map explain. */
  explainedVariance: [number, number];
  /** Silhouette of the chosen k (over base-cluster centres, as Pol.is computes it). */
  silhouette: number;
  groups: OpinionGroup[];
  /** 2-D opinion map: one point per grouped participant. */
  map: { participantId: string; x: number; y: number; group: number }[];
  consensus: StatementAcrossGroups[];
  divisive: StatementAcrossGroups[];
  method: OpinionMethod;
  /** Carried into the next run on the same draft (centres, components, clustered set). */
  warmStart: WarmStart;
}

/**
 * Opinion groups from agree/disagree/pass votes, as Pol.is computes them (lib/summaries/analysis/
 * polis-groups.ts, per POLIS-MATH.md), plus each group's distinctive statements and the consensus and
 * divisive statements across groups. Deterministic for the same votes and settings.
 */
export function findOpinionGroups(votes: Vote[], settings: OpinionSettings = {}): OpinionAnalysis {
  const { seed = 1 } = settings;
  const run = polisGroups(votes, {
    seed,
    minVotes: settings.minVotes,
    maxGroups: settings.maxGroups,
    pinnedK: settings.pinnedK ?? null,
    kSelection: settings.kSelection ?? "silhouette",
    zeroOnlyWhereVoted: settings.zeroOnlyWhereVoted ?? false,
    groupRestarts: settings.groupRestarts ?? 0,
    membership: settings.membership ?? "baseCluster",
    nearEqualTolerance: settings.nearEqualTolerance ?? 0,
    silhouetteOver: settings.silhouetteOver ?? "baseCentres",
    baggedRuns: settings.baggedRuns ?? 0,
    zeroedStatements: settings.zeroedStatements,
    participantOrder: settings.participantOrder,
    warmStart: settings.warmStart,
  });
  const zeroed = new Set(settings.zeroedStatements ?? []);
  const statements = new Set(votes.map((v) => v.statementId)).size;
  const considered = run.labels.filter((l) => l >= 0).length;
  const chosen = run.candidates.find((c) => c.k === run.k);
  const method: OpinionMethod = {
    method: run.departures.length ? "polis-with-departures" : "polis",
    departures: run.departures,
    k: run.k,
    kChosenBy: run.kChosenBy,
    pinnedK: settings.pinnedK ?? null,
    candidates: run.candidates,
    minVotes: run.minVotesUsed,
    baseClusters: run.baseClusterCount,
    warmStarted: !!settings.warmStart,
  };
  const empty: OpinionAnalysis = {
    participantsConsidered: considered,
    participantsLeftOut: run.participants.length - considered,
    statements,
    explainedVariance: run.explainedVariance,
    silhouette: chosen?.silhouette ?? 0,
    groups: [],
    map: [],
    consensus: [],
    divisive: [],
    method,
    warmStart: run.warmStart,
  };
  if (run.k === 0) return empty;

  // Number groups by size, largest first, for stable presentation.
  const sizes = new Map<number, number>();
  for (const l of run.labels) if (l >= 0) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([l]) => l);
  const relabel = new Map(order.map((l, i) => [l, i]));
  const groupOf = new Map<string, number>();
  run.participants.forEach((p, i) => {
    if (run.labels[i]! >= 0) groupOf.set(p, relabel.get(run.labels[i]!)!);
  });

  const tallies = tallyByGroup(
    votes
      .filter((v) => !zeroed.has(v.statementId))
      .map((v) => ({ statementId: v.statementId, value: v.value, group: groupOf.has(v.participantId) ? String(groupOf.get(v.participantId)) : null })),
  );
  const compared = compareAcrossGroups(tallies, { minVotes: 1 });
  const groups: OpinionGroup[] = order.map((_, g) => ({
    index: g,
    participantIds: run.participants.filter((p) => groupOf.get(p) === g),
    distinctive: distinctiveFor(String(g), tallies),
  }));
  return {
    ...empty,
    groups,
    map: run.participants.flatMap((p, i) => (groupOf.has(p) ? [{ participantId: p, x: run.points[i]![0], y: run.points[i]![1], group: groupOf.get(p)! }] : [])),
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
