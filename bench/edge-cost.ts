// `npm run bench:edge`: what the request edge costs on survey submission, before and after, in one run.
//
// Four servers take the same load on one fresh PostgreSQL database, one after the other, in rounds:
//   floor (before)  node:http + pg running the transaction the earlier build ran (no tallies);
//   app (before)    the production build of an earlier checkout (BENCH_BEFORE_DIR, e.g. main 8d70295);
//   floor (after)   node:http + pg running today's transaction (with the running tallies);
//   app (after)     this checkout's production build (apiRoute edge, limits, admission control).
// Each app's throughput divided by its own floor is the share of the raw database path it keeps; the
// change in that ratio is the edge's cost. Throughput counts 2xx answers only.
//
// BENCH_BEFORE_DIR must hold a built checkout (`npm ci && npm run build` there). BENCH_SECONDS
// (default 10) per load step, BENCH_ROUNDS (default 2). The last line printed is one JSON object.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { ZDefinition } from "../lib/surveys/definition";
import { createTestDatabase } from "../lib/testing/test-database";
import { seedOrganisation } from "../prisma/seed/builders";
import { futureWeWant } from "../prisma/seed/content/surveys";
import { benchSurveySlug, findPeak, load, startFloor, type Run } from "./survey-submission";
import { waitForHealth } from "./support";

const root = path.resolve(import.meta.dirname, "..");
const appPort = 3194;
const floorPort = 3195;
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);

async function startApp(dir: string, databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(dir, "lib/cli/start.mjs")], {
    cwd: dir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(appPort),
      DRAFT_SCHEDULER_INTERVAL_MS: "0",
      SURVEY_ANON_PER_IP_PER_HOUR: "100000000",
      SURVEY_ANON_HOLD_AFTER_PER_HOUR: "100000000",
      DATABASE_POOL_MAX: "10",
    },
    stdio: "ignore",
  });
  await waitForHealth(`http://localhost:${appPort}`);
  return child;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

async function measure(url: string): Promise<Run> {
  await load(url, { connections: 10 }); // warm-up
  return findPeak(url);
}

async function main() {
  const beforeDir = process.env.BENCH_BEFORE_DIR;
  if (!beforeDir || !existsSync(path.join(beforeDir, ".next/BUILD_ID")))
    throw new Error("Set BENCH_BEFORE_DIR to a built checkout of the earlier code (git worktree add ../before 8d70295; npm ci; npm run build).");
  if (!process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL) throw new Error("Set TEST_DATABASE_URL (or DATABASE_URL) to a local PostgreSQL server.");
  const db = await createTestDatabase("parley_bench_edge");
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 2 }) });
  const org = await seedOrganisation(client, { slug: "bench", name: "Bench", description: "", referencePrefix: "BENCH" });
  await client.survey.create({ data: { organisationId: org.id, slug: benchSurveySlug, title: "Bench survey", status: "OPEN", allowAnonymous: true, publicResults: true, demographics: ["ageBand", "country"], definition: ZDefinition.parse(futureWeWant) } });
  const appUrl = `http://localhost:${appPort}/api/v1/surveys/${benchSurveySlug}/responses`;
  const floorUrl = `http://127.0.0.1:${floorPort}/`;

  const runs: Record<"floorBefore" | "appBefore" | "floorAfter" | "appAfter", Run[]> = { floorBefore: [], appBefore: [], floorAfter: [], appAfter: [] };
  try {
    for (let round = 0; round < rounds; round++) {
      for (const tallies of [false, true]) {
        const floor = await startFloor(db.url, floorPort, { tallies });
        runs[tallies ? "floorAfter" : "floorBefore"].push(await measure(floorUrl));
        await floor.close();
        const app = await startApp(tallies ? root : path.resolve(beforeDir), db.url);
        try {
          runs[tallies ? "appAfter" : "appBefore"].push(await measure(appUrl));
        } finally {
          await stop(app);
        }
      }
      const last = (k: keyof typeof runs) => runs[k].at(-1)!;
      console.log(
        `round ${round + 1}: before ${last("appBefore").rps.toFixed(0)} / ${last("floorBefore").rps.toFixed(0)} req/s = ${(last("appBefore").rps / last("floorBefore").rps).toFixed(2)}×; ` +
          `after ${last("appAfter").rps.toFixed(0)} / ${last("floorAfter").rps.toFixed(0)} req/s = ${(last("appAfter").rps / last("floorAfter").rps).toFixed(2)}× ` +
          `(after: ${last("appAfter").non2xx} non-2xx at ${last("appAfter").connections} connections)`,
      );
    }
  } finally {
    await client.$disconnect();
    await db.drop();
  }
  const sum = (k: keyof typeof runs) => runs[k].reduce((s, r) => s + r.rps, 0);
  const ratioBefore = sum("appBefore") / sum("floorBefore");
  const ratioAfter = sum("appAfter") / sum("floorAfter");
  const round = (n: number) => Number(n.toFixed(2));
  console.log(
    JSON.stringify({
      bench: "edge",
      rounds,
      durationSeconds: Number(process.env.BENCH_SECONDS ?? 10),
      floorBeforeRps: runs.floorBefore.map((r) => Math.round(r.rps)),
      appBeforeRps: runs.appBefore.map((r) => Math.round(r.rps)),
      floorAfterRps: runs.floorAfter.map((r) => Math.round(r.rps)),
      appAfterRps: runs.appAfter.map((r) => Math.round(r.rps)),
      appAfterNon2xx: runs.appAfter.map((r) => r.non2xx),
      appBeforeNon2xx: runs.appBefore.map((r) => r.non2xx),
      appBeforeP50Ms: runs.appBefore.map((r) => r.p50),
      appAfterP50Ms: runs.appAfter.map((r) => r.p50),
      ratioBefore: round(ratioBefore),
      ratioAfter: round(ratioAfter),
      edgeCost: round(1 - ratioAfter / ratioBefore),
    }),
  );
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
