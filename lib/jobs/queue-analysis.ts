import "server-only";
import type { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { onTransaction, QUEUES, queueWriter } from "./boss";

type Db = Prisma.TransactionClient | typeof prisma;

/**
 * Queues an analysis run's job in `db`'s transaction (the run's row is created in the same one).
 * The run's heartbeat, not the job's expiry, tells a dead worker: lib/jobs/periodic.ts queues a run
 * again when its heartbeat stops, so the job may expire late (1 h). `throttleSeconds` keeps one job
 * per run per period when a run is queued again. Call wakeAnalysis() after the commit.
 */
export async function queueAnalysisRun(db: Db, runId: string, throttleSeconds?: number): Promise<void> {
  await queueWriter().send(QUEUES.analysis, { runId }, {
    db: onTransaction(db),
    retryLimit: 0,
    expireInSeconds: 3_600,
    ...(throttleSeconds ? { singletonKey: runId, singletonSeconds: throttleSeconds } : {}),
  } as object);
}

const wakers = new Set<() => void>();

/** Lets this process's analysis worker be woken (lib/jobs/worker.ts). @returns a function that removes it */
export function onWakeAnalysis(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

/** Asks this process's analysis worker, if any, to fetch now rather than at its next poll. */
export function wakeAnalysis(): void {
  for (const wake of wakers) wake();
}
