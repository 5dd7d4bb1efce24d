import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { startMailCapture } from "@/lib/testing/mail-capture";

// Real SMTP on loopback; modules read SMTP_URL when first imported, so they are imported after.
let mail: Awaited<ReturnType<typeof startMailCapture>>;
let m: {
  prisma: typeof import("@/lib/db/client").prisma;
  builders: typeof import("@/prisma/seed/builders");
  createDraft: typeof import("@/lib/drafts/create-draft").createDraft;
  openDraft: typeof import("@/lib/drafts/open-draft").openDraft;
  updateDraft: typeof import("@/lib/drafts/update-draft").updateDraft;
  schemas: typeof import("@/lib/drafts/schemas");
  followDraft: typeof import("./preferences").followDraft;
  unsubscribeWithToken: typeof import("./preferences").unsubscribeWithToken;
  sendClosingReminders: typeof import("./notify-followers").sendClosingReminders;
};

let stopWorker: () => Promise<void> = async () => {};

beforeAll(async () => {
  mail = await startMailCapture();
  process.env.SMTP_URL = mail.url;
  // Not the drafts schedule in this process's worker: the test sends the reminders itself.
  process.env.DRAFT_SCHEDULER_INTERVAL_MS = "0";
  m = {
    prisma: (await import("@/lib/db/client")).prisma,
    builders: await import("@/prisma/seed/builders"),
    createDraft: (await import("@/lib/drafts/create-draft")).createDraft,
    openDraft: (await import("@/lib/drafts/open-draft")).openDraft,
    updateDraft: (await import("@/lib/drafts/update-draft")).updateDraft,
    schemas: await import("@/lib/drafts/schemas"),
    followDraft: (await import("./preferences")).followDraft,
    unsubscribeWithToken: (await import("./preferences")).unsubscribeWithToken,
    sendClosingReminders: (await import("./notify-followers")).sendClosingReminders,
  };
  // Emails are queued jobs: this process runs the background worker that sends them.
  await (await import("@/lib/testing/email-backlog")).discardPendingEmails();
  stopWorker = await (await import("@/lib/jobs/worker")).startWorker();
});

/** Titles in subjects are wrapped in bidi isolates (U+2068…U+2069) so they keep their own direction; compare the words. */
const withoutIsolates = (text: string) => text.replace(/[\u2066-\u2069]/g, "");

/**
 * The newest email to `to` with this subject, waiting for the outbox to send it (emails queued by
 * earlier test files in this run's database may go first).
 */
async function waitForSubject(to: string, subject: string, after: number) {
  for (let i = 0; i < 600; i++) {
    const found = mail.messages.filter((x) => x.to.includes(to) && withoutIsolates(x.subject) === subject && x.receivedAt >= after).at(-1);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no email “${subject}” to ${to}`);
}

afterAll(async () => {
  await stopWorker();
  await m?.prisma.$disconnect();
  await mail?.close();
});

describe("notification emails to followers", () => {
  it("sends the new-version, 48-hour and closed emails once each, only to those who want them, with a working unsubscribe link", async () => {
    const org = await m.builders.seedOrganisation(m.prisma, { slug: "notify-org", name: "Notify Org", description: "", referencePrefix: "NO-RFC" });
    const owner = await m.builders.seedUser(m.prisma, { email: "notify-owner@example.org", name: "Owner" });
    await m.builders.seedMembership(m.prisma, org.id, owner.id, "OWNER");
    const keen = await m.builders.seedUser(m.prisma, { email: "notify-keen@example.org", name: "Keen" });
    const quiet = await m.builders.seedUser(m.prisma, { email: "notify-quiet@example.org", name: "Quiet" });
    await m.prisma.user.update({ where: { id: quiet.id }, data: { notifyClosing: false, notifyVersions: false } });
    const actor = (u: { id: string }, owner = false): Actor => ({ id: u.id, isPlatformAdmin: false, suspendedAt: null, memberships: owner ? [{ organisationId: org.id, role: "OWNER" }] : [] });

    const { reference } = await m.createDraft(actor(owner, true), m.schemas.ZCreateDraftInput.parse({ organisationId: org.id, title: "Followed draft", abstract: "", language: "en", body: "# A\n\nText." }));
    const draft = await m.prisma.draft.findUniqueOrThrow({ where: { reference } });
    const closesIn24h = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 16);
    await m.openDraft(actor(owner, true), m.schemas.ZOpenDraftInput.parse({ draftId: draft.id, closesAt: closesIn24h, timeZone: "UTC" }));
    await m.followDraft(actor(keen), draft.id, true);
    await m.followDraft(actor(quiet), draft.id, true);

    const started = Date.now();
    await m.updateDraft(actor(owner, true), m.schemas.ZUpdateDraftInput.parse({ draftId: draft.id, title: "Followed draft", abstract: "", language: "en", body: "# A\n\nText, revised.", changeNote: "Revised." }));
    expect((await waitForSubject("notify-keen@example.org", "New version 01 of “Followed draft”", started)).to).toEqual(["notify-keen@example.org"]);

    expect(await m.sendClosingReminders()).toBeGreaterThanOrEqual(1);
    const soon = await waitForSubject("notify-keen@example.org", "“Followed draft” closes for comment in 48 hours", started);
    expect(await m.sendClosingReminders()).toBe(0);

    await m.prisma.draft.update({ where: { id: draft.id }, data: { status: "CLOSED" } });
    await m.sendClosingReminders();
    expect((await waitForSubject("notify-keen@example.org", "“Followed draft” is closed for comment", started)).to).toEqual(["notify-keen@example.org"]);
    expect(mail.messages.filter((x) => x.to.includes("notify-keen@example.org")).map((x) => withoutIsolates(x.subject))).toEqual([
      "New version 01 of “Followed draft”",
      "“Followed draft” closes for comment in 48 hours",
      "“Followed draft” is closed for comment",
    ]);
    // Each email is recorded as sent in the outbox.
    expect(await m.prisma.outboxEmail.count({ where: { to: "notify-keen@example.org", status: "SENT" } })).toBe(3);
    expect(mail.messages.some((x) => x.to.includes("notify-quiet@example.org"))).toBe(false);

    const link = new URL(soon.text.match(/https?:\/\/\S*unsubscribe\S*/)![0]);
    expect(await m.unsubscribeWithToken(link.searchParams.get("u")!, "forged-token")).toBe(false);
    expect(await m.unsubscribeWithToken(link.searchParams.get("u")!, link.searchParams.get("t")!)).toBe(true);
    expect(await m.prisma.user.findUniqueOrThrow({ where: { id: keen.id }, select: { notifyReplies: true, notifyVersions: true, notifyClosing: true } })).toEqual({
      notifyReplies: false,
      notifyVersions: false,
      notifyClosing: false,
    });
  }, 120_000);
});
