import { describe, expect, it } from "vitest";
import { renderNotification } from "./send-notification";

const items = JSON.stringify([
  { kind: "newVersion", at: "2026-11-30T09:00:00.000Z", values: { version: "02" } },
  { kind: "reply", at: "2026-11-30T10:00:00.000Z", values: { name: "", excerpt: "Does this include municipal services?", path: "/drafts/X-1/p/p-1#comment-c1" } },
]);
const values = { path: "/drafts/X-1", title: "Data governance principles.", reference: "X-1", draftId: "d1", frequency: "WEEKLY", items };

describe("digest emails: the interface in the recipient's direction, content in its own", () => {
  it("an Arabic recipient's digest is an rtl document listing every item with its link, the quoted English reply in a dir=auto block", async () => {
    const mail = await renderNotification({ user: { id: "u1", email: "a@example.org", locale: "ar" }, kind: "digest", path: "/drafts/X-1", values });
    expect(mail.html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(mail.html).toContain('<blockquote dir="auto">Does this include municipal services?</blockquote>');
    expect(mail.subject).toContain("الملخص الأسبوعي");
    expect(mail.text).toContain("/drafts/X-1/p/p-1#comment-c1");
    expect(mail.text).toContain("/unsubscribe?u=u1&d=d1&t=");
    expect(mail.headers?.["List-Unsubscribe"]).toMatch(/^<http.*\/unsubscribe\?u=u1&d=d1&t=.+>$/);
  });
  it("an English recipient gets an ltr digest; an anonymous reply is attributed to “A participant”", async () => {
    const mail = await renderNotification({ user: { id: "u2", email: "b@example.org", locale: "en" }, kind: "digest", path: "/drafts/X-1", values: { ...values, frequency: "DAILY" } });
    expect(mail.html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(mail.subject).toBe("Daily digest: “\u2068Data governance principles.\u2069”");
    expect(mail.text).toContain("2 updates on");
    expect(mail.text).toContain("Version \u206802\u2069 was published.");
    expect(mail.text).toContain("A participant replied to your comment:");
  });
});
