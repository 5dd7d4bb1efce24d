import { utcToZonedInput } from "@/lib/time/zoned";

const week = 7 * 24 * 3600_000;

/** Suggested values for the lifecycle forms, on the draft's own wall clock. */
export function lifecycleDefaults(draft: { opensAt: Date | null; closesAt: Date | null; timeZone: string }, now = new Date()) {
  return {
    opensAt: draft.opensAt ? utcToZonedInput(draft.opensAt, draft.timeZone) : "",
    closesAt: utcToZonedInput(draft.closesAt ?? new Date(now.getTime() + 2 * week), draft.timeZone),
    extendTo: utcToZonedInput(new Date(Math.max(now.getTime(), draft.closesAt?.getTime() ?? 0) + week), draft.timeZone),
  };
}
