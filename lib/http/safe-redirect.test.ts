import { describe, expect, it } from "vitest";
import { safeRedirectPath, safeRedirectUrl } from "./safe-redirect";

const origin = "https://parley.example.org";

describe("safeRedirectPath", () => {
  it.each([
    ["/profile", "/profile"],
    ["/drafts/ab-12?page=2#comment-9", "/drafts/ab-12?page=2#comment-9"],
    ["/drafts?q=climate%20change", "/drafts?q=climate%20change"],
    ["https://parley.example.org/notifications?x=1", "/notifications?x=1"],
    ["/signin?signedOut=1", "/signin?signedOut=1"],
  ])("keeps the same-site target %s", (input, expected) => {
    expect(safeRedirectPath(input, origin)).toBe(expected);
  });

  it.each([
    ["another origin", "https://evil.example.com/profile"],
    ["same host, other scheme", "http://parley.example.org/profile"],
    ["same host, other port", "https://parley.example.org:8443/"],
    ["protocol-relative", "//evil.example.com"],
    ["protocol-relative with three slashes", "///evil.example.com"],
    ["backslash", "/\\evil.example.com"],
    ["double backslash", "\\\\evil.example.com"],
    ["tab inside the slashes", "/\t/evil.example.com"],
    ["newline inside the slashes", "/\n/evil.example.com"],
    ["carriage return", "/\r/evil.example.com"],
    ["leading space", " //evil.example.com"],
    ["encoded slash", "/%2F/evil.example.com"],
    ["encoded slashes", "%2F%2Fevil.example.com"],
    ["encoded backslash", "/%5Cevil.example.com"],
    ["encoded tab", "/%09/evil.example.com"],
    ["double-encoded slash", "/%252F/evil.example.com"],
    ["malformed escape", "/%E0%A4%A"],
    ["javascript scheme", "javascript:alert(1)"],
    ["data scheme", "data:text/html,<script>alert(1)</script>"],
    ["bare host", "evil.example.com"],
    ["credentials on our host", "https://user:pass@parley.example.org/"],
    ["credentials trick", "https://parley.example.org@evil.example.com/"],
    ["NUL byte", "/profile\u0000"],
    ["empty", ""],
    ["too long", `/${"a".repeat(2001)}`],
  ])("falls back to / for %s", (_label, input) => {
    expect(safeRedirectPath(input, origin)).toBe("/");
  });

  it("falls back to / for values that are not strings", () => {
    expect(safeRedirectPath(undefined, origin)).toBe("/");
    expect(safeRedirectPath(null, origin)).toBe("/");
    expect(safeRedirectPath(["/profile"], origin)).toBe("/");
  });

  it("gives next-auth an absolute URL on this site", () => {
    expect(safeRedirectUrl("/profile", origin)).toBe("https://parley.example.org/profile");
    expect(safeRedirectUrl("//evil.example.com", origin)).toBe("https://parley.example.org/");
  });
});
