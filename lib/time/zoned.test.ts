import { describe, expect, it } from "vitest";
import { isTimeZone, utcToZonedInput, zonedToUtc } from "./zoned";

describe("zoned times", () => {
  it("converts wall-clock times in a zone to UTC, across daylight saving", () => {
    expect(zonedToUtc("2026-12-01T17:00", "Europe/Zurich")?.toISOString()).toBe("2026-12-01T16:00:00.000Z");
    expect(zonedToUtc("2026-07-01T17:00", "Europe/Zurich")?.toISOString()).toBe("2026-07-01T15:00:00.000Z");
    expect(zonedToUtc("2026-07-01T09:30", "America/New_York")?.toISOString()).toBe("2026-07-01T13:30:00.000Z");
    expect(zonedToUtc("2026-07-01T09:30", "UTC")?.toISOString()).toBe("2026-07-01T09:30:00.000Z");
  });
  it("round-trips to the value a datetime-local input shows", () => {
    const instant = zonedToUtc("2027-03-15T08:45", "Asia/Kolkata")!;
    expect(utcToZonedInput(instant, "Asia/Kolkata")).toBe("2027-03-15T08:45");
  });
  it("rejects unreadable values and unknown zones", () => {
    expect(zonedToUtc("next tuesday", "UTC")).toBeNull();
    expect(isTimeZone("Europe/Zurich-ish")).toBe(false);
    expect(isTimeZone("Africa/Nairobi")).toBe(true);
  });
});
