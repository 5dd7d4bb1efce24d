import "server-only";
import { prisma } from "@/lib/db/client";

/**
 * Claims a periodic job if it is due: moves its next run `intervalMs` ahead in one conditional UPDATE,
 * so however many processes ask, one gets it per period. The schedule lives in PostgreSQL
 * ("ScheduledJob"); a process killed mid-run leaves the job to the next period (jobs are idempotent).
 * @returns true when this caller should run the job now
 */
export async function claimScheduledJob(name: string, intervalMs: number, now = new Date()): Promise<boolean> {
  await prisma.$executeRaw`INSERT INTO "ScheduledJob" (name, "nextRunAt") VALUES (${name}, ${now}) ON CONFLICT (name) DO NOTHING`;
  const claimed = await prisma.$executeRaw`
    UPDATE "ScheduledJob" SET "nextRunAt" = ${new Date(now.getTime() + intervalMs)}, "lastRunAt" = ${now}
    WHERE name = ${name} AND "nextRunAt" <= ${now}`;
  return claimed === 1;
}

/** Runs `job` if it is due (see claimScheduledJob), recording its last error, if any. */
export async function runScheduledJob(name: string, intervalMs: number, job: () => Promise<void>): Promise<boolean> {
  if (!(await claimScheduledJob(name, intervalMs))) return false;
  try {
    await job();
    await prisma.scheduledJob.update({ where: { name }, data: { lastError: null } });
  } catch (error) {
    console.error(`[jobs] ${name} failed`, error);
    await prisma.scheduledJob.update({ where: { name }, data: { lastError: String((error as Error)?.message ?? error).slice(0, 500) } }).catch(() => {});
  }
  return true;
}
