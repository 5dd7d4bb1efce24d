import { env } from "@/lib/env";
import { sendClosingReminders } from "@/lib/notifications/notify-followers";
import { applyScheduledTransitions } from "./apply-scheduled-transitions";

let timer: NodeJS.Timeout | undefined;

/** Runs the scheduled openings and closings on an interval for the life of the server process. */
export function startDraftScheduler(intervalMs = env.DRAFT_SCHEDULER_INTERVAL_MS): void {
  if (timer || intervalMs === 0 || !env.DATABASE_URL) return;
  let running = false;
  timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const { opened, closed } = await applyScheduledTransitions();
      if (opened || closed) console.log(`[drafts] opened ${opened}, closed ${closed} consultation(s) on schedule`);
      await sendClosingReminders();
    } catch (error) {
      console.error("[drafts] scheduled transitions failed", error);
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
}
