import { describe, expect, it } from "vitest";
import { currentTimeZoneName, timeZoneOptions } from "./time-zones";

describe("time-zone list", () => {
  it("offers the current IANA names, never the renamed ones", () => {
    const zones = timeZoneOptions(["UTC", "Europe/Zurich"]);
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).toContain("Europe/Kyiv");
    expect(zones).not.toContain("Asia/Calcutta");
    expect(zones).not.toContain("Europe/Kiev");
    expect(zones).not.toContain("Asia/Saigon");
    expect(zones.slice(0, 2)).toEqual(["UTC", "Europe/Zurich"]);
    expect(new Set(zones).size).toBe(zones.length);
  });

  it("maps a stored old name to its current one and leaves current names alone", () => {
    expect(currentTimeZoneName("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(currentTimeZoneName("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(currentTimeZoneName("Europe/Zurich")).toBe("Europe/Zurich");
  });

  it("every offered zone is one the runtime can format in", () => {
    for (const zone of timeZoneOptions()) expect(() => new Intl.DateTimeFormat("en", { timeZone: zone })).not.toThrow();
  });
});
