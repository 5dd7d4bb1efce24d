import { afterEach, describe, expect, it, vi } from "vitest";
import { putServerHtml, readServerHtml } from "./server-html";

afterEach(() => vi.useRealTimers());

describe("the draft text's side channel", () => {
  it("hands the HTML to the one render that reads it, then forgets it", () => {
    const token = putServerHtml("<p>text</p>");
    expect(readServerHtml(token)).toBe("<p>text</p>");
    expect(readServerHtml(token)).toBeUndefined();
  });

  it("drops an entry nobody read after 10 s, without touching newer ones", () => {
    vi.useFakeTimers({ now: new Date("2026-11-30T12:00:00Z") });
    const old = putServerHtml("<p>old</p>");
    vi.setSystemTime(new Date("2026-11-30T12:00:11Z"));
    const recent = putServerHtml("<p>recent</p>");
    expect(readServerHtml(old)).toBeUndefined();
    expect(readServerHtml(recent)).toBe("<p>recent</p>");
  });
});
