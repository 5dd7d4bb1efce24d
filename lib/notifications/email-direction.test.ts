import { describe, expect, it } from "vitest";
import { renderAuthEmail } from "@/lib/mail/auth-emails";
import { renderNotification } from "./send-notification";

const FSI = "\u2068";
const PDI = "\u2069";

describe("emails: the interface in the recipient's direction, content in its own", () => {
  it("an Arabic recipient's reply email is an rtl document; the English title is isolated and the quoted comment keeps its own direction", async () => {
    const mail = await renderNotification({
      user: { id: "u1", email: "a@example.org", locale: "ar" },
      kind: "reply",
      path: "/drafts/X-1/p/p-1",
      values: { title: "Data governance principles.", name: "Jane Doe", excerpt: "Does this include municipal services?" },
    });
    expect(mail.html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(mail.html).toContain('<blockquote dir="auto">Does this include municipal services?</blockquote>');
    expect(mail.subject).toContain(`${FSI}Data governance principles.${PDI}`);
    expect(mail.text).toContain(`${FSI}Jane Doe${PDI}`);
  });

  it("an English recipient gets an ltr document and an Arabic excerpt in a dir=auto block", async () => {
    const mail = await renderNotification({
      user: { id: "u2", email: "b@example.org", locale: "en" },
      kind: "reply",
      path: "/drafts/X-1/p/p-1",
      values: { title: "مبادئ حوكمة البيانات", name: "ليلى حداد", excerpt: "نؤيد هذا النص." },
    });
    expect(mail.html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(mail.html).toContain('<blockquote dir="auto">نؤيد هذا النص.</blockquote>');
    expect(mail.subject).toBe(`New reply to your comment on “${FSI}مبادئ حوكمة البيانات${PDI}”`);
  });

  it("account emails follow the recipient's locale (unknown locale: English)", async () => {
    expect((await renderAuthEmail("magicLink", "c@example.org", "http://x/y", "ar")).html).toMatch(/<html lang="ar" dir="rtl">/);
    expect((await renderAuthEmail("magicLink", "c@example.org", "http://x/y", "zh")).html).toMatch(/<html lang="zh" dir="ltr">/);
    expect((await renderAuthEmail("magicLink", "c@example.org", "http://x/y", "xx")).html).toMatch(/<html lang="en" dir="ltr">/);
  });
});
