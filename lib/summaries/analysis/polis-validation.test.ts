import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { adjustedRandIndex } from "./ari";
import { analyseFolder, cliJson } from "./cli";
import { POLIS_CONVERSATIONS, polisDatasetsDir } from "./datasets";
import { plantedConversation, stabilityPerSeed, stabilityUnderRemoval } from "./opinion-quality";
import { K_SMOOTHER_BUFFER, polisGroups, type PolisGroupsSettings } from "./polis-groups";
import { parsePolisExport } from "./polis";

const dir = polisDatasetsDir();

function load(name: string) {
  const read = (f: string) => readFileSync(`${dir}/${name}/${f}`, "utf8");
  const data = parsePolisExport(read("comments.csv"), read("votes.csv"), read("participants-votes.csv"));
  return {
    data,
    votes: data.votes.map((v) => ({ participantId: v.participantId, statementId: v.commentId, value: v.value })),
    settings: { zeroedStatements: data.comments.filter((c) => c.moderated === -1).map((c) => c.id), participantOrder: data.participantOrder } satisfies PolisGroupsSettings,
  };
}

/** ARI over every participant Pol.is grouped; one we leave ungrouped counts as its own group. */
function ariAgainstPolis(result: ReturnType<typeof polisGroups>, polis: Map<string, string>) {
  const label = new Map(result.participants.map((p, i) => [p, result.labels[i]!]));
  const entries = [...polis.entries()];
  return adjustedRandIndex(entries.map(([p]) => ((label.get(p) ?? -1) >= 0 ? String(label.get(p)) : `alone:${p}`)), entries.map(([, g]) => g));
}

// Pol.is's own group-id is the ground truth. The thresholds are what the faithful method achieves (see
// bench/opinions.ts for the full table); they guard against regressions, not a claim of the goal.
describe.skipIf(!dir)("Pol.is's method on the shared Pol.is conversations", () => {
  const floors: Record<string, number> = {
    "15-per-hour-seattle": 0.45,
    "brexit-consensus": 0.45,
    "canadian-electoral-reform": 0.1,
    "scoop-hivemind.biodiversity": 0.9,
    "vtaiwan.uberx": 0.85,
  };
  for (const name of POLIS_CONVERSATIONS) {
    it(`${name}: clusters exactly Pol.is's in-conv set size, picks k by silhouette, agrees with Pol.is`, () => {
      const { data, votes, settings } = load(name);
      const result = polisGroups(votes, settings);
      expect(result.departures).toEqual([]);
      expect(result.kChosenBy).toBe("silhouette");
      const best = Math.max(...result.candidates.map((c) => c.silhouette));
      expect(result.k).toBe(Math.max(...result.candidates.filter((c) => c.silhouette === best).map((c) => c.k)));
      // The in-conv rule leaves out at most a handful of those Pol.is grouped (history it kept).
      expect(Math.abs(result.inConv.filter(Boolean).length - data.polisGroups.size)).toBeLessThanOrEqual(8);
      expect(ariAgainstPolis(result, data.polisGroups)).toBeGreaterThan(floors[name]!);
      // Deterministic: the same input gives the same groups.
      expect(polisGroups(votes, settings).labels).toEqual(result.labels);
    });
  }

  it("the stability departure keeps or improves the mean agreement with Pol.is", () => {
    let faithful = 0;
    let stable = 0;
    for (const name of POLIS_CONVERSATIONS) {
      const { data, votes, settings } = load(name);
      faithful += ariAgainstPolis(polisGroups(votes, settings), data.polisGroups);
      const s = polisGroups(votes, { ...settings, kSelection: "stability" });
      expect(s.departures).toEqual(["kSelection:stability"]);
      stable += ariAgainstPolis(s, data.polisGroups);
    }
    expect(stable).toBeGreaterThanOrEqual(faithful);
  });

  it("the app's departures (groupRestarts, membership:nearestCentre, nearEqualOptima, silhouette:participants, bagging:voteRemoval) agree with Pol.is on the reproducible conversations, whatever the seed", { timeout: 240_000 }, () => {
    // Reproducible (POLIS-MATH.md): the participants Pol.is grouped are exactly those the step-4 rule
    // clusters. Measured in bench/opinions.ts: 0.884 and 0.964 (faithful single start: 0.499, 0.171).
    for (const name of ["15-per-hour-seattle", "canadian-electoral-reform"]) {
      const { data, votes, settings } = load(name);
      const counts = new Map<string, number>();
      for (const v of votes) counts.set(v.participantId, (counts.get(v.participantId) ?? 0) + 1);
      const rule = [...counts].filter(([, c]) => c >= Math.min(7, new Set(votes.map((v) => v.statementId)).size)).map(([p]) => p);
      expect(new Set(rule)).toEqual(new Set(data.polisGroups.keys()));
      const app = { groupRestarts: 20, membership: "nearestCentre", nearEqualTolerance: 0.02, silhouetteOver: "participants", baggedRuns: 20 } as const;
      const a = polisGroups(votes, { ...settings, ...app, seed: 1 });
      const b = polisGroups(votes, { ...settings, ...app, seed: 2 });
      expect(a.departures).toEqual(["groupRestarts", "membership:nearestCentre", "nearEqualOptima", "silhouette:participants", "bagging:voteRemoval"]);
      expect(ariAgainstPolis(a, data.polisGroups)).toBeGreaterThan(0.85);
      expect(adjustedRandIndex(a.labels, b.labels)).toBeGreaterThan(0.99);
      // Removing 5 % of the votes at random (5 seeds) moves few participants: measured 0.918 and 0.958
      // (Pol.is's method as specified: 0.684 and 0.387), the goal being 0.9.
      expect(stabilityUnderRemoval(votes, { ...settings, ...app })).toBeGreaterThan(0.9);
    }
  });

  it("counting participants, not base clusters, in the silhouette keeps vtaiwan's k when 5 % of the votes go", () => {
    // vtaiwan.uberx's silhouettes over base-cluster centres tie between 2 and 4 groups, so removing a
    // few votes flips k; over participants 2 groups win clearly (bench/opinions.ts, 40 seeds: 0.940).
    const { votes, settings } = load("vtaiwan.uberx");
    const app = { ...settings, groupRestarts: 20, membership: "nearestCentre", nearEqualTolerance: 0.02 } as const;
    const byParticipant = stabilityPerSeed(votes, { ...app, silhouetteOver: "participants" }, 5);
    expect(byParticipant.map((r) => r.k)).toEqual([2, 2, 2, 2, 2]);
    expect(byParticipant.reduce((a, r) => a + r.ari, 0) / 5).toBeGreaterThan(0.9);
    const byCentre = stabilityPerSeed(votes, app, 5);
    expect(byCentre.some((r) => r.k !== 2)).toBe(true);
  });

  it("resampled runs (bagging:voteRemoval) keep brexit-consensus's number of groups and its groups when 5 % of the votes go", { timeout: 180_000 }, () => {
    // brexit-consensus's silhouettes for 2, 3 and 5 groups are equal to two decimals, so one analysis
    // takes 3 groups on all the votes and 2 or 5 once a few are removed. With resampled runs k is the
    // fewest groups within the noise of the best (2) in every removal run, and each participant's
    // group is the one most runs give them. Measured in bench/opinions.ts (5 seeds): 0.653 → 0.904.
    const { votes, settings } = load("brexit-consensus");
    const app = { ...settings, groupRestarts: 20, membership: "nearestCentre", nearEqualTolerance: 0.02, silhouetteOver: "participants" } as const;
    const bagged = stabilityPerSeed(votes, { ...app, baggedRuns: 20 }, 5);
    expect(bagged.map((r) => r.k)).toEqual([2, 2, 2, 2, 2]);
    expect(bagged.reduce((a, r) => a + r.ari, 0) / 5).toBeGreaterThan(0.9);
    const single = stabilityPerSeed(votes, app, 5);
    expect(new Set(single.map((r) => r.k)).size).toBeGreaterThan(1);
    const run = polisGroups(votes, { ...app, baggedRuns: 20 });
    expect([run.k, run.kChosenBy, run.departures.at(-1)]).toEqual([2, "bagged", "bagging:voteRemoval"]);
    expect(run.candidates.every((c) => c.stability !== undefined && c.stability <= 1)).toBe(true);
    expect(polisGroups(votes, { ...app, baggedRuns: 20 }).labels).toEqual(run.labels);
  });

  it("resampled runs still take a clearly better number of groups (planted 3 groups)", { timeout: 120_000 }, () => {
    const planted = plantedConversation({ groups: 3, participants: 300, statements: 60, density: 0.5, seed: 103 });
    const run = polisGroups(planted.votes, { groupRestarts: 20, membership: "nearestCentre", nearEqualTolerance: 0.02, silhouetteOver: "participants", baggedRuns: 20 });
    expect(run.k).toBe(3);
    const label = new Map(run.participants.map((p, i) => [p, run.labels[i]!]));
    const ids = [...planted.truth.keys()].filter((p) => (label.get(p) ?? -1) >= 0);
    expect(adjustedRandIndex(ids.map((p) => label.get(p)!), ids.map((p) => planted.truth.get(p)!))).toBeGreaterThan(0.95);
  });

  it("a live draft re-run as votes arrive keeps its number of groups (Pol.is's k smoother carried forward)", () => {
    // 21 warm-started runs over the last 40 % of seattle's vote stream (app settings). Measured: k stays
    // 2 and consecutive runs agree at ARI 0.968; without the smoother k changes 4 times (ARI 0.824).
    const { votes, settings } = load("15-per-hour-seattle");
    const app = { ...settings, groupRestarts: 20, membership: "nearestCentre", nearEqualTolerance: 0.02, silhouetteOver: "participants" } as const;
    let previous: ReturnType<typeof polisGroups> | null = null;
    const ks: number[] = [];
    let agreement = 0;
    for (let i = 0; i <= 20; i++) {
      const run: ReturnType<typeof polisGroups> = polisGroups(votes.slice(0, Math.round(votes.length * (0.6 + 0.02 * i))), { ...app, warmStart: previous?.warmStart ?? null });
      ks.push(run.k);
      if (previous) {
        const before = new Map(previous.participants.map((p, j) => [p, previous!.labels[j]!]));
        const both = run.participants.map((p, j) => [before.get(p) ?? -1, run.labels[j]!] as const).filter(([a, b]) => a >= 0 && b >= 0);
        agreement += adjustedRandIndex(both.map(([a]) => a), both.map(([, b]) => b)) / 20;
      }
      previous = run;
    }
    expect(new Set(ks)).toEqual(new Set([2]));
    expect(agreement).toBeGreaterThan(0.95);
  });

  it("`npm run analyze -- DIR --json` keeps its shape and leaves out who Pol.is would not cluster", () => {
    const analysed = analyseFolder(`${dir}/brexit-consensus`);
    const json = cliJson(analysed);
    expect(Object.keys(json)).toEqual(["groups", "consensus", "divisive", "themes", "campaigns"]);
    const grouped = json.groups.flatMap((g) => g.participants);
    expect(new Set(grouped).size).toBe(grouped.length);
    const counts = new Map<string, number>();
    for (const v of analysed.data.votes) counts.set(v.participantId, (counts.get(v.participantId) ?? 0) + 1);
    expect(grouped.every((p) => counts.get(p)! >= 7)).toBe(true);
    expect(json.themes.length).toBeGreaterThanOrEqual(2);
    const shown = new Set(analysed.data.comments.filter((c) => c.moderated !== -1).map((c) => c.id));
    expect(json.consensus.every((id) => shown.has(id))).toBe(true);
    expect(analysed.result.opinions.method.method).toBe("polis-with-departures");
    expect(analysed.result.opinions.method.departures).toEqual(["groupRestarts", "membership:nearestCentre", "nearEqualOptima", "silhouette:participants", "bagging:voteRemoval"]);
  });
});

describe("planted opinion groups (synthetic)", () => {
  it("recovers well-separated planted groups of unequal sizes (2–5 groups, half the votes seen)", () => {
    for (const [k, floor] of [[2, 0.9], [3, 0.9], [4, 0.75], [5, 0.65]] as const) {
      const planted = plantedConversation({ groups: k, participants: 300, statements: 60, density: 0.5, seed: 100 + k });
      const result = polisGroups(planted.votes);
      const label = new Map(result.participants.map((p, i) => [p, result.labels[i]!]));
      const ids = [...planted.truth.keys()];
      expect(adjustedRandIndex(ids.map((p) => String(label.get(p))), ids.map((p) => planted.truth.get(p)!))).toBeGreaterThan(floor);
      // The app's departures find the same planted groups or better ones.
      const restarted = polisGroups(planted.votes, { groupRestarts: 20, membership: "nearestCentre", nearEqualTolerance: 0.02, silhouetteOver: "participants" });
      const label2 = new Map(restarted.participants.map((p, i) => [p, restarted.labels[i]!]));
      expect(adjustedRandIndex(ids.map((p) => String(label2.get(p))), ids.map((p) => planted.truth.get(p)!))).toBeGreaterThan(floor);
    }
  });

  it("is stable under 5 % vote removal and a warm start keeps groups when a few votes arrive", () => {
    const planted = plantedConversation({ groups: 3, participants: 300, statements: 60, density: 0.5, seed: 103 });
    expect(stabilityUnderRemoval(planted.votes, {}, 5)).toBeGreaterThan(0.9);
    // A live draft: run, then re-run with 1 % more votes, carrying the first run's state forward.
    const cut = Math.floor(planted.votes.length * 0.99);
    const first = polisGroups(planted.votes.slice(0, cut));
    const second = polisGroups(planted.votes, { warmStart: first.warmStart });
    const before = new Map(first.participants.map((p, i) => [p, first.labels[i]!]));
    const both = second.participants.filter((p, i) => second.labels[i]! >= 0 && (before.get(p) ?? -1) >= 0);
    const after = new Map(second.participants.map((p, i) => [p, second.labels[i]!]));
    expect(adjustedRandIndex(both.map((p) => before.get(p)!), both.map((p) => after.get(p)!))).toBeGreaterThan(0.95);
    // Once in, a participant stays in.
    expect(first.warmStart.inConv.every((p) => second.warmStart.inConv.includes(p))).toBe(true);
  });

  it("shows a new best k only once it has won K_SMOOTHER_BUFFER runs in a row (Pol.is's group-k smoother)", () => {
    const planted = plantedConversation({ groups: 2, participants: 300, statements: 60, density: 0.5, seed: 102 });
    const fresh = polisGroups(planted.votes);
    expect(fresh.k).toBe(2);
    expect(fresh.warmStart.kSmoother).toEqual({ lastK: 2, lastKCount: 1, smoothedK: 2 });
    // Earlier runs showed 3 groups; 2 has now won once, then K_SMOOTHER_BUFFER − 1 times: 3 stays.
    const shown3 = { ...fresh.warmStart, kSmoother: { lastK: 3, lastKCount: 5, smoothedK: 3 } };
    const kept = polisGroups(planted.votes, { warmStart: shown3 });
    expect([kept.k, kept.kChosenBy]).toEqual([3, "smoothed"]);
    expect(kept.warmStart.kSmoother).toEqual({ lastK: 2, lastKCount: 1, smoothedK: 3 });
    const almost = polisGroups(planted.votes, { warmStart: { ...shown3, kSmoother: { lastK: 2, lastKCount: K_SMOOTHER_BUFFER - 2, smoothedK: 3 } } });
    expect(almost.k).toBe(3);
    // The K_SMOOTHER_BUFFER-th win in a row switches.
    const switched = polisGroups(planted.votes, { warmStart: { ...shown3, kSmoother: { lastK: 2, lastKCount: K_SMOOTHER_BUFFER - 1, smoothedK: 3 } } });
    expect([switched.k, switched.kChosenBy]).toEqual([2, "silhouette"]);
    expect(switched.warmStart.kSmoother).toEqual({ lastK: 2, lastKCount: K_SMOOTHER_BUFFER, smoothedK: 2 });
    // A pinned k bypasses the smoother and leaves its state as it was.
    const pinned = polisGroups(planted.votes, { warmStart: shown3, pinnedK: 2 });
    expect([pinned.k, pinned.kChosenBy]).toEqual([2, "pinned"]);
    expect(pinned.warmStart.kSmoother).toEqual(shown3.kSmoother);
  });
});
