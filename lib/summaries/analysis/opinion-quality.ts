/**
 * Measures of opinion-group quality used by the validation test and bench/opinions.ts: planted-groups
 * synthetic conversations and stability under vote removal.
 */
import { adjustedRandIndex } from "./ari";
import { polisGroups, type PolisGroupsSettings, type Vote } from "./polis-groups";
import { seededRandom } from "./random";


/**
 * A synthetic conversation with `groups` planted opinion groups of unequal sizes (shares 1 : 0.6 :
 * 0.4 : 0.3 : 0.2), each with its own agree probability per statement (0.85 or 0.15, a fifth of the
 * statements agreed by all), every participant voting on each statement with probability `density`
 * (at least 3 votes, so some fall under Pol.is's 7-vote rule). Returns the votes and the planted
 * group of every participant.
 */
export function plantedConversation(o: { groups: number; participants: number; statements: number; density: number; seed: number }) {
  const random = seededRandom(o.seed);
  const shares = [1, 0.6, 0.4, 0.3, 0.2].slice(0, o.groups);
  const total = shares.reduce((a, b) => a + b, 0);
  const sizes = shares.map((s) => Math.max(8, Math.round((s / total) * o.participants)));
  // Group profiles: distinct enough that each pair of groups differs on about half of the statements.
  const profiles = shares.map(() => Array.from({ length: o.statements }, () => (random() < 0.5 ? 0.85 : 0.15)));
  for (let s = 0; s < o.statements; s += 5) for (const p of profiles) p[s] = 0.85;
  const votes: Vote[] = [];
  const truth = new Map<string, number>();
  sizes.forEach((size, g) => {
    for (let i = 0; i < size; i++) {
      const id = `g${g}-p${i}`;
      truth.set(id, g);
    }
  });
  // Participants arrive interleaved, as in a live conversation.
  const arrivals = [...truth.keys()].map((id) => ({ id, at: random() })).sort((a, b) => a.at - b.at);
  for (const { id } of arrivals) {
    const g = truth.get(id)!;
    let cast = 0;
    for (let s = 0; s < o.statements; s++) {
      if (random() >= o.density && !(cast < 3 && s >= o.statements - 3)) continue;
      cast++;
      const r = random();
      const value = r < 0.1 ? 0 : random() < profiles[g]![s]! ? 1 : -1;
      votes.push({ participantId: id, statementId: `s${s}`, value });
    }
  }
  return { votes, truth, sizes };
}

/**
 * Stability under vote removal: for each of `seeds` seeds, drop 5 % of the votes at random, regroup,
 * and compare with the grouping of all votes on the participants grouped in both (ARI). Returns the
 * mean over the seeds (1: removal changes nothing).
 */
export function stabilityUnderRemoval(votes: Vote[], settings: PolisGroupsSettings, seeds = 5, share = 0.05): number {
  const perSeed = stabilityPerSeed(votes, settings, seeds, share);
  return perSeed.reduce((a, b) => a + b.ari, 0) / seeds;
}

/**
 * Every seed behind `stabilityUnderRemoval` (seed s = 1…`seeds` drops the votes that seededRandom(1000
 * + s) picks), in seed order: the ARI with the full grouping and the number of groups found after the
 * removal. The first five are the ones the 5-seed mean uses. A participant grouped in only one of the
 * two runs is left out; fewer than 2 in common scores 0.
 */
export function stabilityPerSeed(votes: Vote[], settings: PolisGroupsSettings, seeds = 5, share = 0.05): { ari: number; k: number }[] {
  const full = polisGroups(votes, settings);
  const fullLabel = new Map(full.participants.map((p, i) => [p, full.labels[i]!]));
  const out: { ari: number; k: number }[] = [];
  for (let s = 1; s <= seeds; s++) {
    const random = seededRandom(1000 + s);
    const kept = votes.filter(() => random() >= share);
    const run = polisGroups(kept, settings);
    const a: number[] = [];
    const b: number[] = [];
    run.participants.forEach((p, i) => {
      const before = fullLabel.get(p) ?? -1;
      if (run.labels[i]! >= 0 && before >= 0) {
        a.push(run.labels[i]!);
        b.push(before);
      }
    });
    out.push({ ari: a.length > 1 ? adjustedRandIndex(a, b) : 0, k: run.k });
  }
  return out;
}
