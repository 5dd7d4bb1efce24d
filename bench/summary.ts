// npm run bench:summary — time and memory of the summary analysis (themes, campaigns, opinion groups)
// for 10,000 and 100,000 comments and a 10,000 × 1,000 vote matrix, run in the same worker thread
// the app uses, while the main thread serves HTTP requests (to show the server stays responsive).
// Comment texts are built from the public Pol.is statements (CC BY 4.0, The Computational Democracy
// Project). The last line of output is one JSON object with the figures.
import { createServer } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { DEFAULT_SETTINGS, type AnalysisInput } from "../lib/summaries/analysis/analyse";
import { adjustedRandIndex } from "../lib/summaries/analysis/ari";
import { seededRandom } from "../lib/summaries/analysis/random";
import { summariseInWorker } from "../lib/summaries/run-analysis";
import { polisStatements } from "./support";

const statements = polisStatements();
const random = seededRandom(2026);

/** n comments: two statements joined (so texts differ), 5% of them one form letter sent many times. */
function comments(n: number): AnalysisInput["comments"] {
  const out: AnalysisInput["comments"] = [];
  const letter = `${statements[0]} ${statements[1]}`;
  for (let i = 0; i < n; i++) {
    const text = random() < 0.05 ? letter : `${statements[Math.floor(random() * statements.length)]} ${statements[Math.floor(random() * statements.length)]}`;
    out.push({ id: `c${i}`, text });
  }
  return out;
}

/** participants × statements, each participant voting on 20% of the statements, in three opinion camps. */
function voteMatrix(participants: number, statementCount: number): AnalysisInput {
  const votes: AnalysisInput["votes"] = [];
  const lean = Array.from({ length: statementCount }, () => Math.floor(random() * 4)); // 3 = everyone agrees
  for (let p = 0; p < participants; p++) {
    const camp = p % 3;
    for (let s = 0; s < statementCount; s++) {
      if (random() > 0.2) continue;
      const agree = lean[s] === 3 ? 0.85 : lean[s] === camp ? 0.85 : 0.2;
      votes.push({ participantId: `p${p}`, statementId: `s${s}`, value: random() < 0.1 ? 0 : random() < agree ? 1 : -1 });
    }
  }
  return { comments: Array.from({ length: statementCount }, (_, s) => ({ id: `s${s}`, text: statements[s % statements.length]! })), votes };
}

function plantedAri(groups: { participantIds: string[] }[]) {
  const pairs = groups.flatMap((g, i) => g.participantIds.map((p) => [i, Number(p.slice(1)) % 3] as const));
  return pairs.length ? Math.round(adjustedRandIndex(pairs.map((x) => x[0]), pairs.map((x) => x[1])) * 1000) / 1000 : null;
}

function quantile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Runs one analysis in the worker; meanwhile the main thread answers HTTP requests every 10 ms. */
async function measure(name: string, input: AnalysisInput) {
  const server = createServer((_req, res) => res.end("ok"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const latencies: number[] = [];
  let running = true;
  const pinger = (async () => {
    while (running) {
      const t0 = performance.now();
      await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const result = await summariseInWorker({ input, existing: [], settings: { ...DEFAULT_SETTINGS } });
  const ms = Math.round(performance.now() - t0);
  clearInterval(sampler);
  loop.disable();
  running = false;
  await pinger;
  server.close();
  const figures = {
    ms,
    peakExtraMemoryMb: Math.round((peak - baseline) / 1048576),
    steps: result.analysis.timings,
    themes: result.themes.length,
    campaigns: result.analysis.campaigns.length,
    largestCampaign: result.analysis.campaigns[0]?.commentIds.length ?? 0,
    opinionGroups: result.analysis.opinions.groups.length,
    /** Agreement of the opinion groups with the camps the generator planted (participant p is in camp p % 3). */
    plantedCampsAri: plantedAri(result.analysis.opinions.groups),
    httpP99Ms: Math.round(quantile(latencies, 0.99) * 10) / 10,
    httpRequests: latencies.length,
    eventLoopP99Ms: Math.round(loop.percentile(99) / 1e5) / 10,
  };
  console.log(`${name}: ${ms} ms, +${figures.peakExtraMemoryMb} MB peak, ${figures.themes} themes, ${figures.campaigns} campaigns, ${figures.opinionGroups} opinion groups; main thread meanwhile: ${figures.httpRequests} HTTP requests, p99 ${figures.httpP99Ms} ms, event-loop delay p99 ${figures.eventLoopP99Ms} ms`);
  return figures;
}

const out: Record<string, unknown> = {};
out.comments10k = await measure("10,000 comments", { comments: comments(10_000), votes: [] });
out.comments100k = await measure("100,000 comments", { comments: comments(100_000), votes: [] });
const matrix = voteMatrix(10_000, 1_000);
out.votes10kx1k = { votes: matrix.votes.length, ...(await measure(`vote matrix 10,000 × 1,000 (${matrix.votes.length} votes)`, matrix)) };
console.log(JSON.stringify(out));
