import "server-only";
import { env } from "@/lib/env";
import { runDraftSchedule } from "@/lib/drafts/draft-scheduler";
import { processNextAnalysis } from "@/lib/summaries/run-analysis";
import { runDigests } from "@/lib/notifications/digests"; // digests (issue 13, part 7)
import { wakeOutbox } from "./outbox";
import { runScheduledJob } from "./scheduled";
import { wakeExtraction } from "@/lib/attachments/extraction-jobs";

let timer: NodeJS.Timeout | undefined;

/**
 * The background worker, one per app process (started from instrumentation.ts unless PARLEY_WORKER=0,
 * or alone with `npm run worker`). Every `tickMs` it sends due outbox emails, runs the scheduled
 * drafts job if due (once per period across all processes) and takes the next queued or interrupted
 * analysis run. All state is in PostgreSQL, so processes can be added, killed and restarted freely.
 * @returns a function that stops it
 */
export function startWorker(tickMs = 1_000): () => void {
  if (timer || !env.DATABASE_URL) return () => {};
  let busy = false;
  let analysing = false;
  timer = setInterval(async () => {
    wakeOutbox();
    wakeExtraction(); // issue 13: attachments' text, claimed FOR UPDATE SKIP LOCKED
    if (!analysing) {
      analysing = true;
      processNextAnalysis()
        .catch((error) => console.error("[jobs] analysis failed", error))
        .finally(() => {
          analysing = false;
        });
    }
    if (busy) return;
    busy = true;
    try {
      if (env.DRAFT_SCHEDULER_INTERVAL_MS > 0) await runScheduledJob("drafts.schedule", env.DRAFT_SCHEDULER_INTERVAL_MS, runDraftSchedule);
      // ── Digests (lib/notifications/digests.ts): queue the daily/weekly digest emails that are due. ──
      if (env.DIGEST_INTERVAL_MS > 0) await runScheduledJob("notifications.digests", env.DIGEST_INTERVAL_MS, async () => void (await runDigests()));
      // ── end digests ──
    } catch (error) {
      console.error("[jobs] scheduled job failed", error);
    } finally {
      busy = false;
    }
  }, tickMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    timer = undefined;
  };
}
