import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { cacheKey } from "@/lib/server/reading-cache";
import { discussionQuery } from "./schemas";

const request = (url: string) => ({ method: "GET", url, headers: { "accept-language": "en" } }) as unknown as IncomingMessage;

// The anonymous reading cache keys a page by locale, path AND query, so each sort and filter of a
// discussion is its own entry; the paragraph and general discussions are not cached at all.
describe("the reading cache and the discussion's sort and filters", () => {
  it("keys each sorted or filtered draft page apart", () => {
    const plain = cacheKey(request("/drafts/GDPF-RFC-2026-004"));
    const sorted = cacheKey(request(`/drafts/GDPF-RFC-2026-004${discussionQuery({ sort: "divisive", kind: "CONCERN", group: undefined })}`));
    expect(plain).not.toBeNull();
    expect(sorted).not.toBeNull();
    expect(sorted).not.toBe(plain);
    expect(sorted).toContain("sort=divisive&kind=CONCERN");
  });

  it("never caches the paragraph and general discussions, nor the open-data files", () => {
    expect(cacheKey(request("/drafts/GDPF-RFC-2026-004/p/p-2.1?sort=divisive"))).toBeNull();
    expect(cacheKey(request("/drafts/GDPF-RFC-2026-004/p/general?kind=QUESTION&page=2"))).toBeNull();
    expect(cacheKey(request("/drafts/GDPF-RFC-2026-003/comments.csv"))).toBeNull();
  });

  it("writes only non-default values into the URL, page last", () => {
    expect(discussionQuery({ sort: "newest", kind: undefined, group: undefined })).toBe("");
    expect(discussionQuery({ sort: "oldest", kind: "SUPPORT", group: "ACADEMIA" }, 2)).toBe("?sort=oldest&kind=SUPPORT&group=ACADEMIA&page=2");
  });
});
