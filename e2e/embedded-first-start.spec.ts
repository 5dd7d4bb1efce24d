import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

const port = 3101;
const base = `http://localhost:${port}`;

// `npm start` on a machine with no database: a fresh embedded PGlite is created, migrated and
// seeded, and the demo is served. Uses the production build the suite already made.
test("first start on an empty embedded database serves the seeded demo", async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "parley-first-start-"));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PARLEY_DATA_DIR: dataDir, NEXTAUTH_URL: base };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  let app: ChildProcess | undefined;
  try {
    app = spawn(process.execPath, ["lib/cli/start.mjs"], { env, stdio: "pipe" });
    let output = "";
    app.stdout?.on("data", (d) => (output += d));
    app.stderr?.on("data", (d) => (output += d));
    const started = Date.now();
    let health: { status: string; database: string } | undefined;
    while (!health && Date.now() - started < 150_000) {
      try {
        const res = await fetch(`${base}/api/health`);
        if (res.ok) health = await res.json();
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    expect(health, output).toEqual({ status: "ok", database: "embedded" });
    await page.goto(base);
    await expect(page.getByRole("link", { name: "Guidance on meaningful public participation in digital policy-making" })).toBeVisible();
    expect(output).toContain("(new)");
  } finally {
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((r) => app!.once("exit", r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
});
