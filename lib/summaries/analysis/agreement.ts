/** Votes on one statement within one group of participants. */
export interface GroupTally {
  agree: number;
  disagree: number;
  pass: number;
}

export interface StatementAcrossGroups {
  statementId: string;
  /** Tallies per group key (opinion group index, or declared stakeholder group). */
  groups: Record<string, GroupTally>;
  /** Lowest share of agreement among the groups that voted enough. */
  minAgree: number;
  /** Highest minus lowest agreement share among those groups. */
  spread: number;
  /** Every group (at least two) agrees at or above the threshold. */
  agreed: boolean;
  /** One group mostly agrees while another mostly disagrees. */
  divided: boolean;
}

export const MAJORITY = 0.6;

export function share(part: number, t: GroupTally): number {
  const total = t.agree + t.disagree + t.pass;
  return total === 0 ? 0 : part / total;
}

/**
 * Compares how each group voted on each statement. The one rule behind both the consensus statements
 * across opinion groups and the bridging statements across declared stakeholder groups: a statement is
 * *agreed* when every group that voted on it (with at least `minVotes` votes) agrees by `threshold` or
 * more, and *divided* when one such group mostly agrees and another mostly disagrees.
 */
export function compareAcrossGroups(
  tallies: Map<string, Map<string, GroupTally>>,
  { threshold = MAJORITY, minVotes = 3 }: { threshold?: number; minVotes?: number } = {},
): StatementAcrossGroups[] {
  const out: StatementAcrossGroups[] = [];
  for (const [statementId, byGroup] of tallies) {
    const eligible = [...byGroup.entries()].filter(([, t]) => t.agree + t.disagree + t.pass >= minVotes);
    if (eligible.length < 2) continue;
    const agreeShares = eligible.map(([, t]) => share(t.agree, t));
    const disagreeShares = eligible.map(([, t]) => share(t.disagree, t));
    const minAgree = Math.min(...agreeShares);
    const spread = Math.max(...agreeShares) - minAgree;
    out.push({
      statementId,
      groups: Object.fromEntries(eligible),
      minAgree,
      spread,
      agreed: minAgree >= threshold,
      divided: Math.max(...agreeShares) > 0.5 && Math.max(...disagreeShares) > 0.5,
    });
  }
  return out;
}

/** Tallies votes per statement and group: the input of compareAcrossGroups. */
export function tallyByGroup(
  votes: Iterable<{ statementId: string; group: string | null | undefined; value: number }>,
): Map<string, Map<string, GroupTally>> {
  const tallies = new Map<string, Map<string, GroupTally>>();
  for (const { statementId, group, value } of votes) {
    if (group == null) continue;
    let byGroup = tallies.get(statementId);
    if (!byGroup) tallies.set(statementId, (byGroup = new Map()));
    let t = byGroup.get(group);
    if (!t) byGroup.set(group, (t = { agree: 0, disagree: 0, pass: 0 }));
    if (value > 0) t.agree++;
    else if (value < 0) t.disagree++;
    else t.pass++;
  }
  return tallies;
}
