#!/usr/bin/env node
// `npm start`: serves Parley. With no DATABASE_URL it starts the embedded database (PGlite under
// .data/), migrates and seeds it on first run; with DATABASE_URL it checks that the server is
// reachable and fully migrated first. Then it builds (once) and runs the server entry
// (lib/server/serve.ts: Next's handler behind the client address, admission control and the
// anonymous reading cache).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDatabase } from "../db/embedded-server.mjs";
import { defaultMigrationsDir, migrationStatus } from "../db/migration-status.mjs";
import { bin, node, root, run } from "./run.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataRoot = path.resolve(root, process.env.PARLEY_DATA_DIR ?? ".data");
const started = Date.now();
const log = (message) => console.log(`[parley] ${message}`);

function fail(message) {
  console.error(`\n[parley] Cannot start: ${message}\n`);
  process.exit(1);
}

async function secret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataRoot, "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataRoot, { recursive: true });
  const value = randomBytes(32).toString("base64url");
  await writeFile(file, value, { mode: 0o600 });
  log(`generated a session secret in ${path.relative(root, file)} (set NEXTAUTH_SECRET in production)`);
  return value;
}

async function main() {
  const env = { ...process.env, NEXTAUTH_SECRET: await secret(), NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };

  if (!existsSync(path.join(root, "lib/generated/prisma/client.ts"))) {
    log("generating the Prisma client…");
    await run(node, [...bin.prisma, "generate"], { env });
  }
  if (!dev && (!existsSync(path.join(root, ".next/BUILD_ID")) || process.env.PARLEY_REBUILD === "1")) {
    log("building the production bundle (first run only; set PARLEY_REBUILD=1 to rebuild)…");
    await run(node, [...bin.next, "build"], { env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  }

  let embedded;
  if (!process.env.DATABASE_URL) {
    const dataDir = path.join(dataRoot, "pglite");
    const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
    log(`starting the embedded database in ${path.relative(root, dataDir)}${fresh ? " (new)" : ""}…`);
    embedded = await startEmbeddedDatabase({ dataDir, port: Number(process.env.PARLEY_EMBEDDED_DB_PORT ?? 0) });
    env.DATABASE_URL = embedded.url;
    env.PARLEY_DB_MODE = "embedded";
    await run(node, [...bin.prisma, "migrate", "deploy"], { env });
    await run(node, [...bin.tsx, "prisma/seed/index.ts"], { env });
  } else {
    env.PARLEY_DB_MODE = "postgres";
    const status = await migrationStatus(env.DATABASE_URL, defaultMigrationsDir);
    if (!status.reachable) fail(`the PostgreSQL server in DATABASE_URL is unreachable (${status.error}).`);
    if (status.pending.length > 0)
      fail(`${status.pending.length} database migration(s) are pending (${status.pending.join(", ")}). Run \`npm run db:migrate\` first.`);
  }

  log(`database ready (${env.PARLEY_DB_MODE}); starting the web server after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const child = spawn(node, ["--import", "tsx", path.join(root, "lib/server/serve.ts"), ...(dev ? ["--dev"] : [])], {
    stdio: "inherit",
    cwd: root,
    env: { ...env, PORT: String(port), NODE_ENV: dev ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const shutdown = (signal) => child.kill(signal);
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  child.on("exit", async (code, signal) => {
    await embedded?.stop().catch(() => undefined);
    process.exit(code ?? (signal ? 0 : 1));
  });
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
