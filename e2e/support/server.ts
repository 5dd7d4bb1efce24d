// The e2e web server: a real SMTP capture server, an isolated database (a fresh PostgreSQL
// database when TEST_DATABASE_URL/DATABASE_URL is set, else a fresh embedded PGlite), and the
// production build served by the same launcher as `npm start`.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { startMailCapture } from "../../lib/testing/mail-capture";
import { createTestDatabase } from "../../lib/testing/test-database";
import { seedDemo } from "../../prisma/seed/demo";
import { e2e, statePath } from "./config";

const root = path.resolve(import.meta.dirname, "../..");

async function main() {
  const mail = await startMailCapture();
  const mailApi = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const to = url.searchParams.get("to")?.toLowerCase();
    const found = mail.messages.filter((m) => !to || m.to.includes(to));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(found));
  });
  await new Promise<void>((resolve) => mailApi.listen(e2e.mailApiPort, "127.0.0.1", resolve));

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(e2e.port),
    NEXTAUTH_URL: e2e.baseURL,
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
    SMTP_URL: mail.url,
    // The journeys sign in many times from one address; keep the limiter but loosen it.
    SIGNIN_MAX_FAILURES: "5",
    // Short comment windows in the drafts journey close within a second or two.
    DRAFT_SCHEDULER_INTERVAL_MS: "1000",
    // Digests: check every second (e2e/digests.spec.ts makes an item due by dating it back).
    DIGEST_INTERVAL_MS: "1000",
    // Small participation limits so e2e/edge.spec.ts reaches them; no journey comes near.
    LIMIT_COMMENTS_PER_HOUR: "10",
    LIMIT_VOTES_PER_HOUR: "20",
    LIMIT_FLAGS_PER_HOUR: "3",
    // Anonymous answers per survey and address: past 3 held for review, past 5 refused (edge spec).
    SURVEY_ANON_HOLD_AFTER_PER_HOUR: "3",
    SURVEY_ANON_PER_IP_PER_HOUR: "5",
    // Registrations per address: the edge spec reaches it (it clears its keys afterwards).
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: "6",
  };

  let databaseUrl: string;
  let drop = async () => {};
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (external) {
    const db = await createTestDatabase("parley_e2e");
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 1 }) });
    await seedDemo(client);
    await client.$disconnect();
    databaseUrl = env.DATABASE_URL = db.url;
    drop = db.drop;
  } else {
    // The launcher creates, migrates and seeds this fresh embedded database itself.
    const dataDir = path.join(root, ".data", "e2e");
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    delete env.DATABASE_URL;
    env.PARLEY_DATA_DIR = dataDir;
    env.PARLEY_EMBEDDED_DB_PORT = String(e2e.embeddedDbPort);
    databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${e2e.embeddedDbPort}/postgres?sslmode=disable`;
  }
  mkdirSync(path.dirname(statePath), { recursive: true });
  writeFileSync(statePath, JSON.stringify({ databaseUrl, mode: external ? "postgres" : "embedded" }));

  const app = spawn(process.execPath, [path.join(root, "lib/cli/start.mjs")], { cwd: root, env, stdio: "inherit" });
  const stop = async () => {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
    // Drop the database first: closing the SMTP server can wait on idle client connections.
    await drop().catch(() => undefined);
    mailApi.close();
    await Promise.race([mail.close(), new Promise((r) => setTimeout(r, 2_000))]);
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  app.on("exit", (code) => {
    if (code !== 0 && code !== null) process.exit(code);
  });
}

void main();
