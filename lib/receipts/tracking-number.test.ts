import { describe, expect, it } from "vitest";
import { formatTrackingNumber, parseTrackingNumber, surveyDocket } from "./tracking-number";

describe("tracking numbers", () => {
  it("writes the docket, the kind letter and a zero-padded sequence", () => {
    expect(formatTrackingNumber("GDPF-RFC-2026-004", "C", 123)).toBe("GDPF-RFC-2026-004-C-000123");
    expect(formatTrackingNumber("GDPF-RFC-2026-004", "R", 1_234_567)).toBe("GDPF-RFC-2026-004-R-1234567");
  });

  it("numbers a standalone survey's answers in its slug, a draft's survey in the draft's reference", () => {
    expect(surveyDocket({ slug: "digital-skills", draftReference: null })).toBe("DIGITAL-SKILLS");
    expect(surveyDocket({ slug: "digital-skills", draftReference: "GDPF-RFC-2026-004" })).toBe("GDPF-RFC-2026-004");
  });

  it("reads what people type: spaces, lower case", () => {
    expect(parseTrackingNumber(" gdpf-rfc-2026-004-c-000123 ")).toEqual({ trackingNumber: "GDPF-RFC-2026-004-C-000123", docket: "GDPF-RFC-2026-004", kind: "C", sequence: 123 });
    expect(parseTrackingNumber("GDPF-RFC-2026-004-X-000123")).toBeNull();
    expect(parseTrackingNumber("GDPF-RFC-2026-004-C-12")).toBeNull();
    expect(parseTrackingNumber("")).toBeNull();
  });
});
