import { describe, expect, it } from "vitest";
import { referenceScript } from "./reference-bundle";

describe("the API reference script", () => {
  it("is Scalar's bundle plus its mount code, with no font or script fetched from another origin", async () => {
    const script = await referenceScript();
    expect(script).toContain("createApiReference");
    expect(script).toContain('getElementById("parley-api-reference")');
    expect(script).not.toMatch(/url\(https:\/\/fonts\.scalar\.com/);
    expect(script).not.toContain("cdn.jsdelivr.net");
  });
});
