/**
 * `npm run bench:opinions`: the opinion-group measurement table of issue 14.
 *
 * Per shared Pol.is conversation (../shared/datasets/polis): ARI against Pol.is's `group-id` over every
 * participant Pol.is grouped (one we leave ungrouped counts as its own group), groups found vs Pol.is's,
 * whether the export is reproducible (clustered set = step-4 rule), stability ARI under 5 % vote
 * removal (mean of 5 seeds) and time; then planted-groups synthetic data (2–5 groups, unequal sizes,
 * sparse votes). Run for Pol.is's method as specified and for each named departure; time is reported
 * as a ratio to the faithful run of the same conversation, measured side by side in this process.
 * "Reproducible" is POLIS-MATH.md's check: the participants with a group-id are exactly those with
 * ≥ min(7, statements with a vote) votes; the goal (mean ARI ≥ 0.85, none below 0.5) is over those.
 * Then, per conversation, a live draft: 21 warm-started re-runs as the last 40 % of the votes arrive,
 * with Pol.is's group-k smoother carried forward and without it (k changes, ARI between runs).
 * Options: --variant=faithful|restarts|restarts+stability|stability|restarts+nearest|app-before-silhouette|app-before-bagging|app (default: all;
 * app is what the app runs: DEFAULT_SETTINGS in lib/summaries/analysis/analyse.ts).
 * --stability-seeds=N (N > 5): also report the stability over N seeds with its standard error and the
 * worst seed, and the k of every run, for the conversations (the goal column stays the 5-seed mean:
 * its seeds are the first five of the N). Five seeds are few: one seed that flips k or moves a
 * boundary shifts the mean by 0.1.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { adjustedRandIndex } from "../lib/summaries/analysis/ari";
import { POLIS_CONVERSATIONS, polisDatasetsDir } from "../lib/summaries/analysis/datasets";
import { polisGroups, type PolisGroupsSettings } from "../lib/summaries/analysis/polis-groups";
import { parsePolisExport } from "../lib/summaries/analysis/polis";
import { plantedConversation, stabilityPerSeed, stabilityUnderRemoval } from "../lib/summaries/analysis/opinion-quality";

const variants: Record<string, PolisGroupsSettings> = {
  faithful: {},
  restarts: { groupRestarts: 20 },
  "restarts+stability": { groupRestarts: 20, kSelection: "stability" },
  stability: { kSelection: "stability" },
  "restarts+nearest": { groupRestarts: 20, membership: "nearestCentre" },
  "app-before-silhouette": { groupRestarts: 20, membership: "nearestCentre", nearEqualTolerance: 0.02 },
  "app-before-bagging": { groupRestarts: 20, membership: "nearestCentre", nearEqualTolerance: 0.02, silhouetteOver: "participants" },
  app: { groupRestarts: 20, membership: "nearestCentre", nearEqualTolerance: 0.02, silhouetteOver: "participants", baggedRuns: 20 },
};

/** 21 runs over growing prefixes (60 %…100 %) of the vote stream, each warm-started from the previous. */
function liveReRuns(votes: { participantId: string; statementId: string; value: number }[], settings: PolisGroupsSettings, smoother: boolean) {
  let previous: ReturnType<typeof polisGroups> | null = null;
  const ks: number[] = [];
  let changes = 0;
  const agreements: number[] = [];
  for (let i = 0; i <= 20; i++) {
    const warmStart = previous ? (smoother ? previous.warmStart : { ...previous.warmStart, kSmoother: undefined }) : null;
    const run: ReturnType<typeof polisGroups> = polisGroups(votes.slice(0, Math.round(votes.length * (0.6 + 0.02 * i))), { ...settings, warmStart });
    ks.push(run.k);
    if (previous) {
      if (previous.k !== run.k) changes++;
      const before = new Map(previous.participants.map((p, j) => [p, previous!.labels[j]!]));
      const both = run.participants.map((p, j) => [before.get(p) ?? -1, run.labels[j]!] as const).filter(([a, b]) => a >= 0 && b >= 0);
      agreements.push(adjustedRandIndex(both.map(([a]) => a), both.map(([, b]) => b)));
    }
    previous = run;
  }
  return { ks, changes, agreement: mean(agreements) };
}

const arg = process.argv.find((a) => a.startsWith("--variant="))?.slice(10);
const stabilitySeeds = Math.max(5, Number(process.argv.find((a) => a.startsWith("--stability-seeds="))?.slice(18) ?? 5) || 5);
const chosen = arg ? { [arg]: variants[arg]! } : variants;
const dir = polisDatasetsDir();
if (!dir) throw new Error("Pol.is datasets not found (set POLIS_DATASETS)");

const fmt = (x: number) => x.toFixed(3);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

const loaded = POLIS_CONVERSATIONS.map((name) => {
  const read = (f: string) => readFileSync(join(dir, name, f), "utf8");
  const data = parsePolisExport(read("comments.csv"), read("votes.csv"), read("participants-votes.csv"));
  const zeroedStatements = data.comments.filter((c) => c.moderated === -1).map((c) => c.id);
  const votes = data.votes.map((v) => ({ participantId: v.participantId, statementId: v.commentId, value: v.value }));
  const counts = new Map<string, number>();
  for (const v of data.votes) counts.set(v.participantId, (counts.get(v.participantId) ?? 0) + 1);
  const ncomments = new Set(data.votes.map((v) => v.commentId)).size;
  const rule = new Set([...counts].filter(([, c]) => c >= Math.min(7, ncomments)).map(([p]) => p));
  const reproducible = rule.size === data.polisGroups.size && [...data.polisGroups.keys()].every((p) => rule.has(p));
  // Side-by-side reference time: Pol.is's method as specified, in this process (after one warm-up run).
  polisGroups(votes, { zeroedStatements, participantOrder: data.participantOrder });
  const t0 = performance.now();
  polisGroups(votes, { zeroedStatements, participantOrder: data.participantOrder });
  return { name, data, zeroedStatements, votes, reproducible, ruleSize: rule.size, faithfulMs: performance.now() - t0 };
});

for (const [variant, settings] of Object.entries(chosen)) {
  console.log(`\n## ${variant}${Object.keys(settings).length ? ` ${JSON.stringify(settings)}` : " (POLIS-MATH.md as specified)"}\n`);
  const more = stabilitySeeds > 5 ? ` stability, ${stabilitySeeds} seeds (± s.e.; worst) | k per removal run |` : "";
  console.log(`| conversation | reproducible | ARI vs Pol.is | groups (ours / Pol.is) | silhouette per k | stability ARI (5 % removed, 5 seeds) | time (ratio to faithful) |${more}`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- |${more ? " --- | --- |" : ""}`);
  const aris: number[] = [];
  const reproducibleAris: number[] = [];
  for (const { name, data, zeroedStatements, votes, reproducible, ruleSize, faithfulMs } of loaded) {
    const full = { ...settings, zeroedStatements, participantOrder: data.participantOrder };
    const t0 = performance.now();
    const result = polisGroups(votes, full);
    const ms = performance.now() - t0;
    const label = new Map(result.participants.map((p, i) => [p, result.labels[i]!]));
    const polis = [...data.polisGroups.entries()];
    const ari = adjustedRandIndex(
      polis.map(([p]) => ((label.get(p) ?? -1) >= 0 ? String(label.get(p)) : `alone:${p}`)),
      polis.map(([, g]) => g),
    );
    aris.push(ari);
    if (reproducible) reproducibleAris.push(ari);
    const perSeed = stabilityPerSeed(votes, full, stabilitySeeds);
    const seedAris = perSeed.map((r) => r.ari);
    const stability = mean(seedAris.slice(0, 5));
    let extra = "";
    if (stabilitySeeds > 5) {
      const m = mean(seedAris);
      const se = Math.sqrt(seedAris.reduce((a, x) => a + (x - m) ** 2, 0) / (seedAris.length - 1) / seedAris.length);
      extra = ` ${fmt(m)} ± ${fmt(se)}; ${fmt(Math.min(...seedAris))} | ${perSeed.map((r) => r.k).join("")} |`;
    }
    const polisK = new Set(data.polisGroups.values()).size;
    const sil = result.candidates.map((c) => `${c.k}:${c.silhouette.toFixed(2)}${c.stability === undefined ? "" : `/${c.stability.toFixed(2)}`}`).join(" ");
    console.log(`| ${name} | ${reproducible ? "yes" : `no (${data.polisGroups.size} grouped, rule ${ruleSize})`} | ${fmt(ari)} | ${result.k} / ${polisK} | ${sil} | ${fmt(stability)} | ${(ms / faithfulMs).toFixed(2)} |${extra}`);
  }
  console.log(`| **mean, all five** | | **${fmt(mean(aris))}** | | | | |`);
  console.log(`| **mean, reproducible (${reproducibleAris.length})** | | **${fmt(mean(reproducibleAris))}** (min ${fmt(Math.min(...reproducibleAris))}) | | | | |`);

  // A live draft: re-run as the last 40 % of the vote stream arrives (21 runs), each warm-started from
  // the one before, as the app does; with Pol.is's k smoother carried forward, and without it.
  console.log("\nLive re-runs (21 warm-started runs over the last 40 % of the vote stream):\n");
  console.log("| conversation | k per run (smoother) | k changes (smoother / none) | ARI between consecutive runs (smoother / none) |");
  console.log("| --- | --- | --- | --- |");
  for (const { name, data, zeroedStatements, votes } of loaded) {
    const full = { ...settings, zeroedStatements, participantOrder: data.participantOrder };
    const [smoothed, plain] = [true, false].map((smoother) => liveReRuns(votes, full, smoother));
    console.log(`| ${name} | ${smoothed!.ks.join("")} | ${smoothed!.changes} / ${plain!.changes} | ${fmt(smoothed!.agreement)} / ${fmt(plain!.agreement)} |`);
  }

  console.log("\nPlanted groups (synthetic):\n");
  console.log("| groups | sizes | votes seen | ARI vs planted | groups found | stability ARI |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  const synth: number[] = [];
  for (const k of [2, 3, 4, 5]) {
    for (const density of [0.5, 0.2]) {
      const planted = plantedConversation({ groups: k, participants: 300, statements: 60, density, seed: 100 + k });
      const result = polisGroups(planted.votes, settings);
      const label = new Map(result.participants.map((p, i) => [p, result.labels[i]!]));
      const ids = [...planted.truth.keys()];
      const ari = adjustedRandIndex(ids.map((p) => ((label.get(p) ?? -1) >= 0 ? String(label.get(p)) : `alone:${p}`)), ids.map((p) => planted.truth.get(p)!));
      synth.push(ari);
      const stability = stabilityUnderRemoval(planted.votes, settings, 5);
      console.log(`| ${k} | ${planted.sizes.join("/")} | ${Math.round(density * 100)} % | ${fmt(ari)} | ${result.k} | ${fmt(stability)} |`);
    }
  }
  console.log(`| **mean** | | | **${fmt(mean(synth))}** | | |`);
}
