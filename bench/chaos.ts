// `npm run bench:chaos`: writes under crashes. A private PostgreSQL cluster (initdb in a temp dir, its
// own port; the shared server is never touched), migrated and seeded; three production app
// processes on it; BENCH_CHAOS_N (default 2000) anonymous survey answers, comments, replies and votes
// through the public API, each with its own idempotency key, retried by its client on network
// errors, timeouts and 5xx until acknowledged (5 % sent twice at once). Meanwhile an app process is
// killed with SIGKILL every 3–6 s (while at least two serve) and restarted 0.5–2 s later, and
// PostgreSQL is crashed (`pg_ctl restart -m immediate`) at 30 % and 65 % of the writes. Then:
// acknowledged writes without their row (lost), writes stored twice (duplicated), maintained counters
// against their rows, every process serving again. The last line printed is one JSON object.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { App, appEnv, drive, freePort, log, newStats, request, root, seed, send, sleep, verify, waitReady, Workload } from "./chaos-support";

const N = Number(process.env.BENCH_CHAOS_N ?? 2000);
const concurrency = Number(process.env.BENCH_CHAOS_CONCURRENCY ?? 24);
const pgBin = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

/** PostgreSQL refuses to run as root: run its tools as the `postgres` account then. */
function pgUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  return { uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()) };
}

function pgTool(user: ReturnType<typeof pgUser>, tool: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(pgBin, tool), args, { stdio: ["ignore", "pipe", "pipe"], ...(user ?? {}), cwd: "/" });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${tool} ${args.join(" ")} failed (${code}):\n${out}`))));
  });
}

async function main() {
  const started = Date.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-chaos-"));
  const user = pgUser();
  if (user) chownSync(tmp, user.uid, user.gid);
  chmodSync(tmp, 0o755);
  const data = path.join(tmp, "pgdata");
  const pgPort = await freePort(5499);
  const url = `postgresql://postgres@127.0.0.1:${pgPort}/parley`;
  const apps: App[] = [];
  let pgStarted = false;
  let stopChaos = false;
  const cleanup = async () => {
    stopChaos = true;
    await Promise.all(apps.map((a) => a.stop().catch(() => undefined)));
    if (pgStarted) await pgTool(user, "pg_ctl", ["stop", "-D", data, "-m", "fast", "-w"]).catch(() => undefined);
    if (process.env.BENCH_KEEP === "1") log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));

  try {
    log(`initdb in ${data}, PostgreSQL on port ${pgPort}`);
    await pgTool(user, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
    await pgTool(user, "pg_ctl", ["start", "-D", data, "-w", "-l", path.join(tmp, "postgres.log"), "-o", `-p ${pgPort} -k ${tmp} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=128MB`]);
    pgStarted = true;
    await pgTool(user, "createdb", ["-h", "127.0.0.1", "-p", String(pgPort), "-U", "postgres", "parley"]);
    execFileSync(process.execPath, [path.join(root, "lib/cli/prisma.mjs"), "migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
    const seeded = await seed(url, 40);
    log(`seeded: draft ${seeded.reference} (${seeded.anchors.length} paragraphs), ${seeded.users.length} participants with API tokens, survey ${seeded.surveySlug}`);

    const ports = [await freePort(3291), await freePort(3292), await freePort(3293)];
    for (const [i, port] of ports.entries()) apps.push(new App(port, { ...appEnv, DATABASE_URL: url }, path.join(tmp, `app-${i}.log`)));
    for (const app of apps) app.start();
    await Promise.all(ports.map((p) => waitReady(p)));
    log(`3 app processes ready on ${ports.join(", ")}`);

    // Chaos: every 3–6 s one app process is killed (SIGKILL, launcher and server) and restarted
    // 0.5–2 s later; PostgreSQL crashes at 30 % and 65 % of the writes.
    let appKills = 0;
    let pgRestarts = 0;
    const pgRestartAt = [0.3, 0.65];
    const crashPostgres = async () => {
      pgRestarts++;
      const t = Date.now();
      await pgTool(user, "pg_ctl", ["restart", "-D", data, "-m", "immediate", "-w", "-l", path.join(tmp, "postgres.log")]);
      log(`PostgreSQL crashed and restarted (${Date.now() - t} ms)`);
    };
    const killer = (async () => {
      while (!stopChaos) {
        await sleep(3_000 + Math.random() * 3_000);
        if (stopChaos) break;
        // Kill only while at least two processes serve, so the load keeps moving on a slow machine.
        const live = [];
        for (const a of apps) if (a.child && (await request({ port: a.port, method: "GET", path: "/api/health/live", timeoutMs: 2_000 }).catch(() => null))?.status === 200) live.push(a);
        if (live.length < 2) continue;
        const app = live[Math.floor(Math.random() * live.length)]!;
        await app.kill("SIGKILL", true);
        appKills++;
        log(`killed the app on port ${app.port} (SIGKILL)`);
        await sleep(500 + Math.random() * 1_500);
        if (!stopChaos && !app.child) app.start();
      }
    })();
    const pgCrashes: Promise<void>[] = [];

    const stats = newStats();
    const workload = new Workload(seeded);
    const t0 = Date.now();
    await drive(workload, N, concurrency, () => ({ port: ports[Math.floor(Math.random() * ports.length)]! }), stats, (done) => {
      if (pgRestartAt.length > 0 && done >= pgRestartAt[0]! * N) {
        pgRestartAt.shift();
        pgCrashes.push(crashPostgres());
      }
      if (done % 250 === 0) log(`${done}/${N} writes settled (${stats.retries} retries so far)`);
    });
    const loadSeconds = (Date.now() - t0) / 1000;
    stopChaos = true;
    await killer;
    await Promise.all(pgCrashes);
    log(`load done in ${loadSeconds.toFixed(1)} s; ${appKills} app kills, ${pgRestarts} PostgreSQL crashes`);

    // Every process, killed or not, must recover: ready, and taking a write, after all of it.
    for (const app of apps) if (!app.child) app.start();
    let processesRecovered = true;
    await Promise.all(ports.map((p) => waitReady(p, 120_000).catch(() => (processesRecovered = false))));
    const probe = newStats();
    for (const port of ports) {
      const op = workload.next();
      await send(op, () => ({ port }), probe, 60_000);
      if (!op.ackId || op.attempts > 3) processesRecovered = false;
    }

    // Each process's reading-cache listener (LISTEN/NOTIFY, lib/server/invalidation.ts) reconnected
    // after the crashes (it backs off up to 10 s).
    let cacheListeners = 0;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (let i = 0; i < 30 && cacheListeners < apps.length; i++) {
      if (i > 0) await sleep(1_000);
      cacheListeners = (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'parley-cache-listener'`)).rows[0]!.n;
    }
    await admin.end();
    if (cacheListeners !== apps.length) processesRecovered = false;

    const verdict = await verify(url, seeded, workload.ops);
    for (const line of verdict.details.slice(0, 30)) log(line);
    const unexpectedExits = apps.reduce((s, a) => s + a.unexpectedExits, 0);
    log(
      `acknowledged ${verdict.acknowledged} of ${workload.ops.length} (${JSON.stringify(verdict.byKind)}), lost ${verdict.lost}, duplicated ${verdict.duplicated}, partial ${verdict.partial}, refused ${verdict.refused}; ` +
        `counters vs rows: ${verdict.countersMatch ? "equal" : `${verdict.commentCountersOff} comments and ${verdict.talliesOff} tally cells differ`}; ` +
        `${stats.attempts} attempts, ${stats.retries} retries, ${stats.networkErrors} network errors, ${stats.timeouts} timeouts, statuses ${JSON.stringify(stats.status)}`,
    );
    await cleanup();
    console.log(
      JSON.stringify({
        bench: "chaos",
        n: workload.ops.length,
        acknowledged: verdict.acknowledged,
        sentTwiceAtOnce: verdict.doubled,
        lost: verdict.lost,
        duplicated: verdict.duplicated,
        partial: verdict.partial,
        refused: verdict.refused,
        gaveUp: verdict.gaveUp,
        countersMatch: verdict.countersMatch,
        commentCountersOff: verdict.commentCountersOff,
        talliesOff: verdict.talliesOff,
        processesRecovered,
        cacheListeners,
        acknowledgedByKind: verdict.byKind,
        appKills,
        appStartsRefused: unexpectedExits,
        pgCrashes: pgRestarts,
        attempts: stats.attempts,
        retries: stats.retries,
        networkErrors: stats.networkErrors,
        timeouts: stats.timeouts,
        statuses: stats.status,
        loadSeconds: Number(loadSeconds.toFixed(1)),
        totalSeconds: Number(((Date.now() - started) / 1000).toFixed(1)),
      }),
    );
  } catch (error) {
    await cleanup();
    throw error;
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
