import { describe, expect, it } from "vitest";
import { guardRequest } from "./request-guard";

const check = (path: string, headers: Record<string, string> = {}) => guardRequest(new URL(`http://localhost${path}`), new Headers(headers));

describe("the bad-bytes guard", () => {
  it("lets ordinary paths and queries through, including non-Latin text", () => {
    for (const path of ["/", "/drafts/GDPF-RFC-2026-004", "/drafts?q=participaci%C3%B3n", "/drafts?q=%E6%95%B8%E4%BD%8D", "/s/demo/results?country=KE&group=ACADEMIA"]) expect(check(path), path).toBeNull();
  });

  it("refuses NUL, control characters, malformed encoding and invalid UTF-8 with 400 and a localised message", async () => {
    for (const path of ["/drafts/%00", "/drafts/%FF", "/drafts/%E0%A4", "/drafts/%", "/drafts?q=%00", "/drafts?q=%1B", "/drafts?q=%C3%28", "/drafts?q=%zz"]) {
      const response = check(path);
      expect(response?.status, path).toBe(400);
    }
    const french = check("/drafts/%00", { "accept-language": "fr-FR,fr;q=0.9" })!;
    expect(french.headers.get("content-language")).toBe("fr");
    expect(await french.text()).toContain("caractères non autorisés");
    const api = check("/api/v1/drafts?q=%00")!;
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });

  it("refuses over-long paths and query values", () => {
    expect(check(`/drafts/${"a".repeat(3000)}`)?.status).toBe(400);
    expect(check(`/drafts?q=${"a".repeat(2500)}`)?.status).toBe(400);
  });
});
