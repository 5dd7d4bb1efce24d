// `npm run bench:cluster`: three production app processes (TRUST_PROXY=1) behind nginx, on a fresh
// database on the server in TEST_DATABASE_URL (or DATABASE_URL; never restarted). Clients from eight
// loopback addresses (127.0.0.2–9, each also sending a forged X-Forwarded-For) put BENCH_CLUSTER_N
// (default 1500) anonymous survey answers, comments, replies and votes through nginx, each with its
// own idempotency key, retried on network errors, timeouts and 5xx. One app process is killed with
// SIGKILL at 30 % and another at 60 % of the writes, each restarted 3 s later. nginx passes a request
// to the next server on a refused or broken connection, a timeout or a 503 — POSTs too
// (`non_idempotent`), which is safe here because every write carries its idempotency key. Then: lost
// and duplicated writes, counters against rows, and whether the app saw each client's own address.
// The last line printed is one JSON object.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createTestDatabase } from "../lib/testing/test-database";
import { App, appEnv, drive, freePort, log, newStats, request, seed, sleep, verify, waitReady, Workload } from "./chaos-support";

const N = Number(process.env.BENCH_CLUSTER_N ?? 1500);
const concurrency = Number(process.env.BENCH_CLUSTER_CONCURRENCY ?? 24);
const nginxBin = process.env.NGINX ?? "/usr/sbin/nginx";
// nginx counts a 503 it passed on (http_503 below) as a failed attempt; with its default (one failure
// takes a server out for 10 s) a moment when every process sheds load or the database restarts
// takes them all out and nginx answers 502 "no live upstreams" until then. max_fails=0 keeps every
// server in the rotation (a dead one costs a refused connection, and nginx moves on).
// BENCH_NGINX_SERVER=" " runs with nginx's defaults instead.
const serverParameters = process.env.BENCH_NGINX_SERVER ?? " max_fails=0";
const clientAddresses = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 2}`);

function nginxConfig(tmp: string, listen: number, ports: number[]) {
  return `worker_processes 1;
events { worker_connections 1024; }
http {
  log_format parley '$status "$upstream_addr" "$upstream_status" $request_time $remote_addr';
  access_log ${tmp}/access.log parley;
  client_body_temp_path ${tmp}/client_body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  upstream parley {
${ports.map((p) => `    server 127.0.0.1:${p}${serverParameters};`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://parley;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_503 non_idempotent;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }
  }
}
`;
}

async function main() {
  if (!process.env.TEST_DATABASE_URL && !process.env.DATABASE_URL) throw new Error("Set TEST_DATABASE_URL (or DATABASE_URL) to a local PostgreSQL server.");
  const started = Date.now();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "parley-cluster-"));
  chmodSync(tmp, 0o755);
  const db = await createTestDatabase("parley_bench");
  const apps: App[] = [];
  let nginx: ChildProcess | null = null;
  const cleanup = async () => {
    await Promise.all(apps.map((a) => a.stop().catch(() => undefined)));
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx!.once("exit", r));
      nginx.kill("SIGQUIT");
      await exited;
    }
    await db.drop().catch(() => undefined);
    if (process.env.BENCH_KEEP === "1") log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));

  try {
    const seeded = await seed(db.url, 40);
    log(`seeded ${db.url.replace(/^.*\//, "")}: draft ${seeded.reference}, ${seeded.users.length} participants with API tokens, survey ${seeded.surveySlug}`);

    const ports = [await freePort(3391), await freePort(3392), await freePort(3393)];
    for (const [i, port] of ports.entries()) apps.push(new App(port, { ...appEnv, DATABASE_URL: db.url, TRUST_PROXY: "1" }, path.join(tmp, `app-${i}.log`)));
    for (const app of apps) app.start();
    await Promise.all(ports.map((p) => waitReady(p)));

    const listen = await freePort(3390);
    const conf = path.join(tmp, "nginx.conf");
    writeFileSync(conf, nginxConfig(tmp, listen, ports));
    nginx = spawn(nginxBin, ["-p", tmp, "-c", conf, "-e", path.join(tmp, "error.log"), "-g", `daemon off; pid ${tmp}/nginx.pid;`], { stdio: ["ignore", "inherit", "inherit"] });
    await waitReady(listen, 20_000);
    log(`nginx on ${listen} in front of ${ports.join(", ")}`);

    // Kills at 30 % and 60 %: SIGKILL (launcher and server), restarted 3 s later.
    let appKills = 0;
    const killAt = [0.3, 0.6];
    const kills: Promise<void>[] = [];
    const killOne = async (app: App) => {
      await app.kill("SIGKILL", true);
      appKills++;
      log(`killed the app on port ${app.port} (SIGKILL); restarting it in 3 s`);
      await sleep(3_000);
      app.start();
      await waitReady(app.port);
      log(`the app on port ${app.port} is back`);
    };

    const stats = newStats();
    const workload = new Workload(seeded);
    let next = 0;
    const t0 = Date.now();
    await drive(workload, N, concurrency, () => ({ port: listen, localAddress: clientAddresses[next++ % clientAddresses.length] }), stats, (done) => {
      if (killAt.length > 0 && done >= killAt[0]! * N) {
        killAt.shift();
        kills.push(killOne(apps[appKills % apps.length]!));
      }
      if (done % 250 === 0) log(`${done}/${N} writes settled (${stats.retries} retries so far)`);
    });
    const loadSeconds = (Date.now() - t0) / 1000;
    await Promise.all(kills);
    log(`load done in ${loadSeconds.toFixed(1)} s`);

    // Every process serves again, through nginx and directly.
    let processesRecovered = true;
    for (const port of ports) {
      const r = await request({ port, method: "GET", path: "/api/health/ready", timeoutMs: 5_000 }).catch(() => null);
      if (r?.status !== 200) processesRecovered = false;
    }

    const verdict = await verify(db.url, seeded, workload.ops);
    for (const line of verdict.details.slice(0, 30)) log(line);

    // The app must have seen each client's own address (nginx's X-Forwarded-For entry), never the
    // forged one the client sent.
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const seen = (await admin.query<{ address: string }>(`SELECT DISTINCT address FROM "SurveyAddressWindow"`)).rows.map((r) => r.address).sort();
    await admin.end();
    const addressesMatch = seen.length === clientAddresses.length && seen.every((a) => clientAddresses.includes(a));

    // nginx's own view: requests it passed to another server after an error, timeout or 503.
    const access = readFileSync(path.join(tmp, "access.log"), "utf8").trim().split("\n");
    const passedOn = access.filter((l) => /^\d+ "[^"]*,/.test(l)).length;
    const nginxStatuses: Record<string, number> = {};
    for (const l of access) nginxStatuses[l.split(" ")[0]!] = (nginxStatuses[l.split(" ")[0]!] ?? 0) + 1;

    log(
      `acknowledged ${verdict.acknowledged} of ${workload.ops.length} (${JSON.stringify(verdict.byKind)}), lost ${verdict.lost}, duplicated ${verdict.duplicated}, partial ${verdict.partial}, refused ${verdict.refused}; ` +
        `counters vs rows: ${verdict.countersMatch ? "equal" : "differ"}; client addresses seen by the app: ${seen.join(", ")}; ` +
        `nginx passed ${passedOn} request(s) on to another server; clients made ${stats.retries} retries`,
    );
    await cleanup();
    console.log(
      JSON.stringify({
        bench: "cluster",
        n: workload.ops.length,
        acknowledged: verdict.acknowledged,
        sentTwiceAtOnce: verdict.doubled,
        lost: verdict.lost,
        duplicated: verdict.duplicated,
        partial: verdict.partial,
        refused: verdict.refused,
        gaveUp: verdict.gaveUp,
        countersMatch: verdict.countersMatch,
        processesRecovered,
        clientAddressesSeen: seen.length,
        forwardedForTrusted: addressesMatch,
        acknowledgedByKind: verdict.byKind,
        appKills,
        nginxServerParameters: serverParameters.trim() || "default",
        nginxPassedOn: passedOn,
        nginxStatuses,
        clientAttempts: stats.attempts,
        clientRetries: stats.retries,
        clientNetworkErrors: stats.networkErrors,
        clientStatuses: stats.status,
        loadSeconds: Number(loadSeconds.toFixed(1)),
        writesPerSecond: Math.round(verdict.acknowledged / loadSeconds),
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
