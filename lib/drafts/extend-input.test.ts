import { describe, expect, it } from "vitest";
import { ZExtendDraftInput } from "./schemas";

describe("the extend-period input", () => {
  it("reports a past closing time and a missing announcement together", () => {
    const result = ZExtendDraftInput.safeParse({ draftId: "d1", closesAt: "2001-01-01T10:00", timeZone: "Asia/Tokyo", note: "x" });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField).toEqual({ closesAt: "extensionNotLater", note: "tooShort3" });
  });

  it("refuses an unknown time zone and an unreadable time, each on its own field", () => {
    const result = ZExtendDraftInput.safeParse({ draftId: "d1", closesAt: "next tuesday", timeZone: "Asia/Calcutta-ish", note: "Extended for the regional meetings." });
    const byField = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField).toEqual({ closesAt: "dateInvalid", timeZone: "timeZoneInvalid" });
  });
});
