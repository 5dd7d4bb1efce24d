import { describe, expect, it } from "vitest";
import { digestBoundaries } from "./digest-schedule";

describe("digest due moments", () => {
  it("daily: today at the hour once it has passed, else yesterday", () => {
    expect(digestBoundaries(new Date("2026-12-02T09:00:00Z"), 7).daily.toISOString()).toBe("2026-12-02T07:00:00.000Z");
    expect(digestBoundaries(new Date("2026-12-02T07:00:00Z"), 7).daily.toISOString()).toBe("2026-12-02T07:00:00.000Z");
    expect(digestBoundaries(new Date("2026-12-02T06:59:59Z"), 7).daily.toISOString()).toBe("2026-12-01T07:00:00.000Z");
  });
  it("weekly: the latest Monday at the hour", () => {
    // 2026-11-30 is a Monday.
    expect(digestBoundaries(new Date("2026-12-02T09:00:00Z"), 7).weekly.toISOString()).toBe("2026-11-30T07:00:00.000Z");
    expect(digestBoundaries(new Date("2026-11-30T08:00:00Z"), 7).weekly.toISOString()).toBe("2026-11-30T07:00:00.000Z");
    expect(digestBoundaries(new Date("2026-11-30T06:00:00Z"), 7).weekly.toISOString()).toBe("2026-11-23T07:00:00.000Z");
    expect(digestBoundaries(new Date("2026-12-06T23:00:00Z"), 0).weekly.toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });
});
