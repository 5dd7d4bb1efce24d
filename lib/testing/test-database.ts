// An isolated database per test run: a fresh, uniquely named database on the PostgreSQL server in
// TEST_DATABASE_URL (or DATABASE_URL), or an in-memory embedded PGlite when neither is set.
// Migrations are applied through the project's own Prisma CLI wrapper, exactly as in production.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "../db/embedded-server.mjs";

const root = path.resolve(import.meta.dirname, "../..");

export type TestDatabase = { url: string; mode: "postgres" | "embedded"; drop: () => Promise<void> };

function assertLocal(url: URL) {
  const local = ["localhost", "127.0.0.1", "[::1]", "::1", ""].includes(url.hostname);
  if (!local && process.env.PARLEY_ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(`Refusing to run tests against a non-local database (${url.hostname}). Set PARLEY_ALLOW_REMOTE_TEST_DB=1 to override.`);
  }
}

export function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "lib/cli/prisma.mjs"), "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`migrate deploy failed (${code}):\n${output}`))));
  });
}

export async function createTestDatabase(prefix = "parley_test"): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!base) {
    const embedded = await startEmbeddedDatabase();
    await migrate(embedded.url);
    return { url: embedded.url, mode: "embedded", drop: embedded.stop };
  }
  const baseUrl = new URL(base);
  assertLocal(baseUrl);
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  // Databases left by an interrupted earlier run (older than an hour) are removed first.
  const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ $1`, [`^${prefix}_[0-9]+_[0-9a-f]{6}$`]);
  for (const { datname } of stale.rows) {
    const created = Number(datname.slice(prefix.length + 1).split("_")[0]);
    if (Date.now() - created > 3_600_000) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    mode: "postgres",
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
