import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { createDraft } from "@/lib/drafts/create-draft";
import { openDraft } from "@/lib/drafts/open-draft";
import { ZCreateDraftInput, ZOpenDraftInput } from "@/lib/drafts/schemas";
import { importPolis } from "@/lib/summaries/import-polis";
import { requestAnalysis } from "@/lib/summaries/run-analysis";
import { seedMembership, seedOrganisation, seedUser } from "@/prisma/seed/builders";

const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await prisma.$disconnect();
});

/** `npm run worker` as a separate process. */
function startWorkerProcess(): ChildProcess {
  const root = path.resolve(import.meta.dirname, "../..");
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./lib/jobs/node-hooks.mjs", "lib/jobs/worker-cli.ts"], {
    cwd: root,
    // No lock timeout: the first worker waits on the test's lock until it is killed.
    env: { ...process.env, DRAFT_SCHEDULER_INTERVAL_MS: "0", DATABASE_LOCK_TIMEOUT_MS: "0" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child;
}

async function until<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function csv(rows: (string | number)[][]) {
  return rows.map((r) => r.map((v) => (typeof v === "string" && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v))).join(",")).join("\n") + "\n";
}

describe("analysis runs", () => {
  it("restarts a run whose worker was killed -9 within 30 s, in another worker, and finishes it", async () => {
    const org = await seedOrganisation(prisma, { slug: "analysis-kill", name: "Analysis kill", description: "", referencePrefix: "AK-RFC" });
    const o = await seedUser(prisma, { email: "analysis-kill-owner@example.org", name: "Owner" });
    await seedMembership(prisma, org.id, o.id, "OWNER");
    const owner: Actor = { id: o.id, isPlatformAdmin: false, suspendedAt: null, memberships: [{ organisationId: org.id, role: "OWNER" }] };
    const { reference } = await createDraft(owner, ZCreateDraftInput.parse({ organisationId: org.id, title: "Analysed", abstract: "", language: "en", body: "# A\n\nText." }));
    const draft = await prisma.draft.findUniqueOrThrow({ where: { reference }, select: { id: true } });
    await openDraft(owner, ZOpenDraftInput.parse({ draftId: draft.id, closesAt: "2099-01-01T00:00", timeZone: "UTC" }));
    const topics = ["rural broadband access", "personal data privacy", "digital skills for teachers"];
    const comments = Array.from({ length: 24 }, (_, i) => [1_700_000_000_000 + i * 1000, "", i, 100 + i, 0, 0, 1, `${topics[i % 3]} matters (${i})`]);
    const votes = Array.from({ length: 30 }, (_, p) => Array.from({ length: 24 }, (_, s) => [1_700_000_100_000 + p * 100 + s, "", s, 1000 + p, (p + s) % 3 === 0 ? -1 : 1])).flat();
    await importPolis(owner, {
      draftId: draft.id,
      commentsCsv: csv([["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"], ...comments]),
      votesCsv: csv([["timestamp", "datetime", "comment-id", "voter-id", "vote"], ...votes]),
    });

    // The run's results cannot be saved while this session holds the themes' table: the first
    // worker analyses, then waits at "saving", where it is killed.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query(`BEGIN; LOCK TABLE "ThemeComment" IN EXCLUSIVE MODE`);
    const first = startWorkerProcess();
    const { runId } = await requestAnalysis(owner, draft.id);
    await until("the run to reach saving", async () => (await prisma.analysisRun.findUniqueOrThrow({ where: { id: runId } })).step === "saving", 90_000);
    first.kill("SIGKILL");
    await until("the worker to die", async () => first.exitCode !== null || first.signalCode !== null, 10_000);
    await blocker.query("ROLLBACK");
    await blocker.end();

    startWorkerProcess();
    await until("the run to be taken again", async () => (await prisma.analysisRun.findUniqueOrThrow({ where: { id: runId } })).attempts === 2, 30_000);
    const done = await until("the run to finish", async () => {
      const run = await prisma.analysisRun.findUniqueOrThrow({ where: { id: runId } });
      return run.status === "DONE" ? run : null;
    }, 90_000);
    expect(done).toMatchObject({ status: "DONE", active: null, attempts: 2 });
    expect(await prisma.themeComment.count({ where: { draftId: draft.id } })).toBeGreaterThan(0);
  }, 240_000);
});
