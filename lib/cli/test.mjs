#!/usr/bin/env node
// `npm test`: every check, in order — type check, lint, unit + integration tests (Vitest, against
// an isolated real database), production build, then end-to-end tests (Playwright in Chromium).
// Ends with one line "N passed, N failed" summing both test runners.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { bin, node, root, run } from "./run.mjs";

const reports = path.join(root, ".data/test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const vitestReport = path.join(reports, "vitest.json");
const playwrightReport = path.join(reports, "playwright.json");
const only = process.argv.slice(2);
const wants = (step) => only.length === 0 || only.includes(step);
const timings = [];

async function step(name, fn) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  try {
    await fn();
  } finally {
    timings.push(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

function counts() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(vitestReport)) {
    const v = JSON.parse(readFileSync(vitestReport, "utf8"));
    passed += v.numPassedTests ?? 0;
    failed += v.numFailedTests ?? 0;
    skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  }
  if (existsSync(playwrightReport)) {
    const p = JSON.parse(readFileSync(playwrightReport, "utf8"));
    passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
    failed += p.stats?.unexpected ?? 0;
    skipped += p.stats?.skipped ?? 0;
  }
  return { passed, failed, skipped };
}

let exitCode = 0;
try {
  await step("prisma generate", () => run(node, [...bin.prisma, "generate"]));
  if (wants("typecheck")) await step("type check", () => run(node, [path.join(root, "node_modules/typescript/bin/tsc"), "--noEmit"]));
  if (wants("lint")) await step("lint", () => run(node, [path.join(root, "node_modules/eslint/bin/eslint.js"), "--max-warnings=0", "."]));
  if (wants("unit"))
    await step("unit and integration tests (vitest)", () =>
      run(node, [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]),
    );
  if (wants("e2e")) {
    await step("production build", () => run(node, [...bin.next, "build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } }));
    await step("end-to-end tests (playwright)", () =>
      run(node, [path.join(root, "node_modules/@playwright/test/cli.js"), "test"], {
        env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
      }),
    );
  }
} catch (error) {
  console.error(`\n[test] ${error instanceof Error ? error.message : error}`);
  exitCode = 1;
}

const { passed, failed, skipped } = counts();
console.log(`\n${timings.join("\n")}`);
if (exitCode !== 0 && failed === 0) console.log("A check before or around the test runners failed (see above).");
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(exitCode || (failed > 0 ? 1 : 0));
