/**
 * `npm run analyze -- <folder> [--json]`: the consultation analysis on a Pol.is export folder
 * (comments.csv + votes.csv), with no web app and no database.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

import { analyse, type AnalysisSettings } from "./analyse";
import { adjustedRandIndex } from "./ari";
import { parsePolisExport } from "./polis";

export function analyseFolder(folder: string, settings: Partial<AnalysisSettings> = {}) {
  const read = (name: string) => readFileSync(join(folder, name), "utf8");
  const participants = existsSync(join(folder, "participants-votes.csv")) ? read("participants-votes.csv") : undefined;
  const data = parsePolisExport(read("comments.csv"), read("votes.csv"), participants);
  const shown = data.comments.filter((c) => c.moderated !== -1);
  // Moderated-out comments stay in the vote matrix, zeroed (POLIS-MATH.md step 3); themes use shown ones.
  const result = analyse(
    {
      comments: shown.map((c) => ({ id: c.id, text: c.text })),
      votes: data.votes.map((v) => ({ participantId: v.participantId, statementId: v.commentId, value: v.value })),
      zeroedStatements: data.comments.filter((c) => c.moderated === -1).map((c) => c.id),
      participantOrder: data.participantOrder,
    },
    settings,
  );
  // ARI over every participant Pol.is grouped; one we leave ungrouped counts as a group of its own.
  let ari: number | null = null;
  const groupOf = new Map(result.opinions.groups.flatMap((g) => g.participantIds.map((p) => [p, String(g.index)] as const)));
  const polis = [...data.polisGroups.entries()];
  if (polis.length > 1) ari = adjustedRandIndex(polis.map(([p]) => groupOf.get(p) ?? `alone:${p}`), polis.map(([, g]) => g));
  return { data, result, ari };
}

export function cliJson({ result }: ReturnType<typeof analyseFolder>) {
  return {
    groups: result.opinions.groups.map((g) => ({ id: g.index, participants: g.participantIds })),
    consensus: result.opinions.consensus.map((s) => s.statementId),
    divisive: result.opinions.divisive.map((s) => s.statementId),
    themes: result.themes.map((t) => ({ label: t.label, comments: t.documentIds })),
    campaigns: result.campaigns.map((c) => c.commentIds),
  };
}

function main(argv: string[]) {
  const folder = argv.find((a) => !a.startsWith("--"));
  if (!folder) {
    console.error("usage: npm run analyze -- <folder with comments.csv and votes.csv> [--json] [--k=N] [--stability]");
    process.exit(2);
  }
  const k = argv.find((a) => a.startsWith("--k="));
  const analysed = analyseFolder(folder, {
    ...(k ? { opinionGroupCount: Number(k.slice(4)) } : {}),
    ...(argv.includes("--stability") ? { opinionKSelection: "stability" as const } : {}),
  });
  if (argv.includes("--json")) {
    process.stdout.write(JSON.stringify(cliJson(analysed)) + "\n");
    return;
  }
  const { data, result, ari } = analysed;
  const text = new Map(data.comments.map((c) => [c.id, c.text]));
  const o = result.opinions;
  console.log(`${data.comments.length} comments, ${data.votes.length} votes, ${o.participantsConsidered} participants grouped (${o.participantsLeftOut} with too few votes)`);
  console.log(`Opinion groups: ${o.groups.map((g) => g.participantIds.length).join(", ")} (k ${o.method.k} by ${o.method.kChosenBy}; silhouette per k ${o.method.candidates.map((c) => `${c.k}: ${c.silhouette.toFixed(2)}`).join(", ")}; method ${o.method.method}${o.method.departures.length ? ` (${o.method.departures.join(", ")})` : ""})${ari === null ? "" : `; adjusted Rand index against Pol.is: ${ari.toFixed(3)}`}`);
  console.log(`Consensus statements (${o.consensus.length}):`);
  for (const s of o.consensus.slice(0, 10)) console.log(`  #${s.statementId} (${Math.round(s.minAgree * 100)}%+ agree in every group) ${text.get(s.statementId)?.slice(0, 100)}`);
  console.log(`Divisive statements (${o.divisive.length}):`);
  for (const s of o.divisive.slice(0, 10)) console.log(`  #${s.statementId} ${text.get(s.statementId)?.slice(0, 100)}`);
  console.log(`Themes (${result.themes.length}):`);
  for (const t of result.themes) console.log(`  ${t.label} — ${t.documentIds.length} comments`);
  console.log(`Campaigns: ${result.campaigns.length} groups of duplicates`);
  console.log(`Timings (ms): ${JSON.stringify(result.timings)}`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) main(process.argv.slice(2));
