import "server-only";
import type PgBoss from "pg-boss";
import { extractAttachment, giveUpExtraction, onWakeExtraction } from "@/lib/attachments/extraction-jobs";
import { env } from "@/lib/env";
import { runQueuedAnalysis } from "@/lib/summaries/run-analysis";
import { QUEUES, startBoss } from "./boss";
import { deliverEmail, giveUpEmail, onWakeOutbox } from "./outbox";
import { periodicJobs } from "./periodic";
import { onWakeAnalysis } from "./queue-analysis";

const g = globalThis as unknown as { parleyWorker?: Promise<() => Promise<void>> };

/**
 * The background worker, one per app process (started from instrumentation.ts unless PARLEY_WORKER=0,
 * or alone with `npm run worker`): pg-boss workers for outbox emails (one at a time, so a killed
 * process interrupts at most one send), given-up emails, analysis runs (one at a time), attachments'
 * text extraction (one file at a time), given-up extractions and the periodic jobs
 * (lib/jobs/periodic.ts). Every piece of state is in PostgreSQL (pg-boss's schema and ours), so
 * processes can be added, killed -9 and restarted freely.
 * @returns a function that stops it (waits up to 10 s for running jobs)
 */
export function startWorker(): Promise<() => Promise<void>> {
  if (!env.DATABASE_URL) return Promise.resolve(async () => {});
  g.parleyWorker ??= run().catch((error) => {
    g.parleyWorker = undefined;
    throw error;
  });
  return g.parleyWorker;
}

async function run(): Promise<() => Promise<void>> {
  const boss = await startBoss();
  const cleanups: (() => void)[] = [];

  const email = await boss.work<{ id: string }>(QUEUES.email, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 2 }, async ([job]) => {
    // Straight on to the next email while there are any; poll when the queue is empty.
    boss.notifyWorker(email);
    return deliverEmail(job!.data.id, job!.retryCount >= job!.retryLimit);
  });
  cleanups.push(onWakeOutbox(() => boss.notifyWorker(email)));
  await boss.work<{ id: string }>(QUEUES.emailDead, { pollingIntervalSeconds: 10 }, async ([job]) => giveUpEmail(job!.data.id));

  const analysis = await boss.work<{ runId: string }>(QUEUES.analysis, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    await runQueuedAnalysis(job!.data.runId);
  });
  cleanups.push(onWakeAnalysis(() => boss.notifyWorker(analysis)));

  const extraction = await boss.work<{ attachmentId?: string }>(QUEUES.extraction, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 2 }, async ([job]) => {
    boss.notifyWorker(extraction);
    // A job without a file is a run of the periodic drain this queue replaced, offered by a process
    // still on the previous version: nothing to do.
    if (!job!.data.attachmentId) return "skipped";
    return extractAttachment(job!.data.attachmentId, job!.retryCount >= job!.retryLimit);
  });
  cleanups.push(onWakeExtraction(() => boss.notifyWorker(extraction)));
  await boss.work<{ attachmentId?: string }>(QUEUES.extractionDead, { pollingIntervalSeconds: 10 }, async ([job]) => {
    if (job!.data.attachmentId) await giveUpExtraction(job!.data.attachmentId);
  });

  for (const periodic of periodicJobs()) await startPeriodic(boss, periodic, cleanups);

  return async () => {
    for (const cleanup of cleanups) cleanup();
    g.parleyWorker = undefined;
    await boss.stop({ graceful: true, timeout: 10_000 });
  };
}

async function startPeriodic(boss: PgBoss, job: ReturnType<typeof periodicJobs>[number], cleanups: (() => void)[]) {
  const expireInSeconds = job.timeoutSeconds ?? 300;
  await boss.createQueue(job.name, { name: job.name, retryLimit: 0, expireInSeconds, retentionMinutes: 60 });
  await boss.work(job.name, { pollingIntervalSeconds: "everySeconds" in job ? Math.min(5, Math.max(1, job.everySeconds)) : 5 }, async () => {
    await job.run();
  });
  if ("cron" in job) {
    await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    return;
  }
  const offer = () => boss.sendThrottled(job.name, {}, { expireInSeconds }, job.everySeconds).catch((error) => console.error(`[jobs] ${job.name}:`, error?.message ?? error));
  await offer();
  const timer = setInterval(offer, job.everySeconds * 1000);
  timer.unref();
  cleanups.push(() => clearInterval(timer));
}
