import "server-only";
import { env } from "@/lib/env";
import { runDraftSchedule } from "@/lib/drafts/draft-scheduler";
import { runDigests } from "@/lib/notifications/digests";
import { recoverInterruptedAnalyses } from "@/lib/summaries/run-analysis";

/**
 * Work that runs on a clock rather than after an event. Each entry is a pg-boss queue of its own
 * name; a run is one job, so however many processes run workers, one of them does each run:
 * - `cron` (five fields, UTC): a pg-boss schedule; pg-boss sends one job per match, whichever
 *   process's clock sees it first.
 * - `everySeconds`: every process offers a job each period with a throttle key
 *   (sendThrottled), and the queue keeps one per period.
 * `run` must be idempotent (a run cut off by a crash is not retried: the next one does its work)
 * and finish within `timeoutSeconds` (default 300).
 *
 * To add one, append it here.
 */
export type PeriodicJob = { name: string; run: () => Promise<unknown>; timeoutSeconds?: number } & ({ cron: string } | { everySeconds: number });

export function periodicJobs(): PeriodicJob[] {
  return [
    // Opening and closing on schedule, then the 48-hour and closing reminders.
    ...(env.DRAFT_SCHEDULER_INTERVAL_MS > 0 ? [{ name: "drafts.schedule", everySeconds: Math.max(1, Math.round(env.DRAFT_SCHEDULER_INTERVAL_MS / 1000)), run: runDraftSchedule }] : []),
    // Analysis runs whose worker died (no heartbeat) are queued again: taken within 30 s.
    { name: "analysis.recover", everySeconds: 5, run: recoverInterruptedAnalyses, timeoutSeconds: 30 },
    // Daily and weekly digests that are due (lib/notifications/digests.ts): checked every DIGEST_INTERVAL_MS.
    ...(env.DIGEST_INTERVAL_MS > 0 ? [{ name: "notifications.digests", everySeconds: Math.max(1, Math.round(env.DIGEST_INTERVAL_MS / 1000)), run: () => runDigests(new Date()) }] : []),
  ];
}
