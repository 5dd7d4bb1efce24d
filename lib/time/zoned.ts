/**
 * Wall-clock times in an IANA time zone. Organisations set a consultation's dates as "17:00 in
 * Geneva", so forms carry a local date-time plus a zone; the database stores UTC instants.
 */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function offsetMinutes(instant: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** "2026-12-01T17:00" in "Europe/Zurich" → the UTC instant. Returns null for an unreadable value. */
export function zonedToUtc(local: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const naive = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(naive)) return null;
  // Two passes settle the offset across a daylight-saving change.
  let guess = naive - offsetMinutes(new Date(naive), zone) * 60_000;
  guess = naive - offsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}

/** The UTC instant as "YYYY-MM-DDTHH:mm" on the zone's wall clock (for datetime-local inputs). */
export function utcToZonedInput(instant: Date, zone: string): string {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, zone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** Intl options for "22 November 2026, 17:00 CET" in a zone (dateStyle cannot carry a zone name). */
export function zonedDateTimeFormat(timeZone: string, month: "long" | "short" = "long") {
  return { year: "numeric", month, day: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" } as const;
}
