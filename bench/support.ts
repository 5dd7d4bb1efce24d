// Shared by the benchmarks: real text from the Pol.is open data, waiting for a server, timing GETs.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** Public statements from ../shared/datasets/polis (CC BY 4.0, The Computational Democracy Project). */
export function polisStatements(): string[] {
  const out: string[] = [];
  for (const set of ["canadian-electoral-reform", "scoop-hivemind.biodiversity", "15-per-hour-seattle", "brexit-consensus"]) {
    const csv = readFileSync(path.join(root, "../shared/datasets/polis", set, "comments.csv"), "utf8");
    for (const line of csv.split("\n").slice(1)) {
      const text = /^(?:[^,]*,){7}(.*)$/.exec(line)?.[1]?.replace(/^"|"$/g, "").replace(/""/g, '"').trim();
      if (text && text.length > 20) out.push(text);
    }
  }
  return out;
}

/** Waits (up to two minutes) for a started server to answer its health check. */
export async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not become healthy`);
}

/** Median time of `runs` GETs after two warm-up requests, and the response size. */
export async function medianGet(url: string, runs: number): Promise<{ median: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    const text = await res.text();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    if (i >= 2) times.push(performance.now() - t0);
    bytes = text.length;
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, bytes };
}
