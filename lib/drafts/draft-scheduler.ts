import "server-only";
import { sendClosingReminders } from "@/lib/notifications/notify-followers";
import { applyScheduledTransitions } from "./apply-scheduled-transitions";

/**
 * The drafts' scheduled job (lib/jobs/periodic.ts: every DRAFT_SCHEDULER_INTERVAL_MS, by one
 * process at a time): opens and closes consultations whose time has come, then queues the 48-hour
 * and closing reminders.
 */
export async function runDraftSchedule(): Promise<void> {
  const { opened, closed } = await applyScheduledTransitions();
  if (opened || closed) console.log(`[drafts] opened ${opened}, closed ${closed} consultation(s) on schedule`);
  await sendClosingReminders();
}
