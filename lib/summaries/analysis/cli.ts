/**
 * `npm run analyze -- <folder> [--json]`: the consultation analysis on a Pol.is export folder
 * (comments.csv + votes.csv), with no web app and no database.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

import { analyse } from "./analyse";
import { adjustedRandIndex } from "./ari";
import { parsePolisExport } from "./polis";

export function analyseFolder(folder: string) {
  const read = (name: string) => readFileSync(join(folder, name), "utf8");
  const participants = existsSync(join(folder, "participants-votes.csv")) ? read("participants-votes.csv") : undefined;
  const data = parsePolisExport(read("comments.csv"), read("votes.csv"), participants);
  const shown = data.comments.filter((c) => c.moderated !== -1);
  const shownIds = new Set(shown.map((c) => c.id));
  const result = analyse({
    comments: shown.map((c) => ({ id: c.id, text: c.text })),
    votes: data.votes.filter((v) => shownIds.has(v.commentId)).map((v) => ({ participantId: v.participantId, statementId: v.commentId, value: v.value })),
  });
  let ari: number | null = null;
  const grouped = result.opinions.groups.flatMap((g) => g.participantIds.map((p) => [p, g.index] as const));
  const both = grouped.filter(([p]) => data.polisGroups.has(p));
  if (both.length > 1) ari = adjustedRandIndex(both.map(([, g]) => g), both.map(([p]) => data.polisGroups.get(p)!));
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
    console.error("usage: npm run analyze -- <folder with comments.csv and votes.csv> [--json]");
    process.exit(2);
  }
  const analysed = analyseFolder(folder);
  if (argv.includes("--json")) {
    process.stdout.write(JSON.stringify(cliJson(analysed)) + "\n");
    return;
  }
  const { data, result, ari } = analysed;
  const text = new Map(data.comments.map((c) => [c.id, c.text]));
  const o = result.opinions;
  console.log(`${data.comments.length} comments, ${data.votes.length} votes, ${o.participantsConsidered} participants grouped (${o.participantsLeftOut} with too few votes)`);
  console.log(`Opinion groups: ${o.groups.map((g) => g.participantIds.length).join(", ")} (silhouette ${o.silhouette.toFixed(2)})${ari === null ? "" : `; adjusted Rand index against Pol.is: ${ari.toFixed(3)}`}`);
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
