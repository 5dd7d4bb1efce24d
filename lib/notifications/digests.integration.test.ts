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
  createComment: typeof import("@/lib/comments/create-comment").createComment;
  ZCreateCommentInput: typeof import("@/lib/comments/schemas").ZCreateCommentInput;
  followDraft: typeof import("./preferences").followDraft;
  sendClosingReminders: typeof import("./notify-followers").sendClosingReminders;
  setFollowDelivery: typeof import("./follow-delivery").setFollowDelivery;
  unfollowWithToken: typeof import("./follow-delivery").unfollowWithToken;
  runDigests: typeof import("./digests").runDigests;
};
let stopWorker: () => Promise<void> = async () => {};

beforeAll(async () => {
  mail = await startMailCapture();
  process.env.SMTP_URL = mail.url;
  m = {
    prisma: (await import("@/lib/db/client")).prisma,
    builders: await import("@/prisma/seed/builders"),
    createDraft: (await import("@/lib/drafts/create-draft")).createDraft,
    openDraft: (await import("@/lib/drafts/open-draft")).openDraft,
    updateDraft: (await import("@/lib/drafts/update-draft")).updateDraft,
    schemas: await import("@/lib/drafts/schemas"),
    createComment: (await import("@/lib/comments/create-comment")).createComment,
    ZCreateCommentInput: (await import("@/lib/comments/schemas")).ZCreateCommentInput,
    followDraft: (await import("./preferences")).followDraft,
    sendClosingReminders: (await import("./notify-followers")).sendClosingReminders,
    setFollowDelivery: (await import("./follow-delivery")).setFollowDelivery,
    unfollowWithToken: (await import("./follow-delivery")).unfollowWithToken,
    runDigests: (await import("./digests")).runDigests,
  };
  // Emails are queued jobs: this process runs the background worker that sends them.
  await (await import("@/lib/testing/email-backlog")).discardPendingEmails();
  stopWorker = await (await import("@/lib/jobs/worker")).startWorker();
});

afterAll(async () => {
  await stopWorker();
  await m?.prisma.$disconnect();
  await mail?.close();
});

/** Waits for an email to `to` (the outbox sends it; a failed attempt is retried after its backoff). */
async function waitForMail(to: string, after: number) {
  for (let i = 0; i < 300; i++) {
    if (mail.messages.some((x) => x.to.includes(to) && x.receivedAt >= after)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no email to ${to}`);
}

const withoutIsolates = (text: string) => text.replace(/[\u2066-\u2069]/g, "");
const DAY = 24 * 3600_000;

/** The next moment at or after `from` that is `hour`:01 UTC on the given weekday (0 Sunday … 6 Saturday), or any day. */
function nextAt(from: Date, hour: number, weekday?: number): Date {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate(), hour, 1));
  while (d <= from || (weekday !== undefined && d.getUTCDay() !== weekday)) d.setTime(d.getTime() + DAY);
  return d;
}

describe("digests", () => {
  it("daily and weekly followers get items instead of emails, then one digest per (user, draft) at the due time, never twice; immediate followers are unchanged", async () => {
    const org = await m.builders.seedOrganisation(m.prisma, { slug: "digest-org", name: "Digest Org", description: "", referencePrefix: "DG-RFC" });
    const owner = await m.builders.seedUser(m.prisma, { email: "digest-owner@example.org", name: "Owner" });
    await m.builders.seedMembership(m.prisma, org.id, owner.id, "OWNER");
    const daily = await m.builders.seedUser(m.prisma, { email: "digest-daily@example.org", name: "Daily Reader" });
    const weekly = await m.builders.seedUser(m.prisma, { email: "digest-weekly@example.org", name: "Weekly Reader" });
    const instant = await m.builders.seedUser(m.prisma, { email: "digest-instant@example.org", name: "Instant Reader" });
    const actor = (u: { id: string }, isOwner = false): Actor => ({ id: u.id, isPlatformAdmin: false, suspendedAt: null, memberships: isOwner ? [{ organisationId: org.id, role: "OWNER" }] : [] });
    const { reference } = await m.createDraft(actor(owner, true), m.schemas.ZCreateDraftInput.parse({ organisationId: org.id, title: "Digest draft", abstract: "", language: "en", body: "# A\n\nText." }));
    const draft = await m.prisma.draft.findUniqueOrThrow({ where: { reference } });
    await m.openDraft(actor(owner, true), m.schemas.ZOpenDraftInput.parse({ draftId: draft.id, closesAt: new Date(Date.now() + DAY).toISOString().slice(0, 16), timeZone: "UTC" }));
    for (const u of [daily, weekly, instant]) await m.followDraft(actor(u), draft.id, true);
    await m.setFollowDelivery(actor(daily), { draftId: draft.id, delivery: "DAILY" });
    await m.setFollowDelivery(actor(weekly), { draftId: draft.id, delivery: "WEEKLY" });
    // Only one's own follow: someone who does not follow the draft cannot set a delivery for it.
    await expect(m.setFollowDelivery(actor(owner, true), { draftId: draft.id, delivery: "DAILY" })).rejects.toThrow();
    const started = Date.now();

    // Events: a reply to the daily reader's comment, an official reply, a new version, closing soon.
    const comment = await m.createComment(actor(daily), m.ZCreateCommentInput.parse({ draftId: draft.id, kind: "QUESTION", body: "Who reviews the annex?" }));
    await m.createComment(actor(instant), m.ZCreateCommentInput.parse({ draftId: draft.id, parentId: comment.id, body: "The secretariat, I think." }));
    await m.createComment(actor(owner, true), m.ZCreateCommentInput.parse({ draftId: draft.id, parentId: comment.id, body: "The review board reviews it.", official: "on" }));
    await m.updateDraft(actor(owner, true), m.schemas.ZUpdateDraftInput.parse({ draftId: draft.id, title: "Digest draft", abstract: "", language: "en", body: "# A\n\nText, revised.", changeNote: "Revised." }));
    expect(await m.sendClosingReminders()).toBeGreaterThanOrEqual(1);

    // No immediate email for digest followers; items instead.
    // (Receipts of their own comments are not notifications: left out.)
    expect(await m.prisma.outboxEmail.count({ where: { userId: { in: [daily.id, weekly.id] }, kind: { not: "receipt" } } })).toBe(0);
    const items = async (userId: string) => (await m.prisma.digestItem.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true, sentAt: true } })).map((i) => i.kind);
    // The daily reader's own thread: two replies (the official one counts as a reply to them).
    expect(await items(daily.id)).toEqual(["reply", "reply", "newVersion", "closingSoon"]);
    expect(await items(weekly.id)).toEqual(["officialReply", "newVersion", "closingSoon"]);
    // The immediate follower's emails are as before.
    expect((await m.prisma.outboxEmail.findMany({ where: { userId: instant.id, kind: { not: "receipt" } }, orderBy: { createdAt: "asc" }, select: { kind: true } })).map((e) => e.kind)).toEqual(["newVersion", "closingSoon"]);
    expect(await m.prisma.digestItem.count({ where: { userId: instant.id } })).toBe(0);

    // Not due yet: the items were recorded after the latest daily moment.
    expect(await m.runDigests(new Date())).toBe(0);

    // At the next daily moment: exactly one email for the daily reader with every item; the weekly one waits.
    const tomorrow = nextAt(new Date(), 7, undefined);
    const dueDaily = tomorrow.getUTCDay() === 1 ? new Date(tomorrow.getTime() + DAY) : tomorrow; // a Tuesday-like day: weekly not due yet
    expect(await m.runDigests(dueDaily)).toBe(1);
    expect(await m.runDigests(dueDaily)).toBe(0);
    const digests = await m.prisma.outboxEmail.findMany({ where: { kind: "digest", draftId: draft.id } });
    expect(digests.map((d) => d.userId)).toEqual([daily.id]);
    expect(await m.prisma.digestItem.count({ where: { userId: daily.id, sentAt: null } })).toBe(0);

    // The weekly reader's digest comes on Monday.
    const monday = nextAt(dueDaily, 7, 1);
    expect(await m.runDigests(monday)).toBe(1);
    expect(await m.runDigests(monday)).toBe(0);

    await waitForMail("digest-daily@example.org", started);
    await waitForMail("digest-weekly@example.org", started);
    const got = mail.messages.filter((x) => x.to.includes("digest-daily@example.org") && !x.subject.startsWith("Your tracking number") && x.receivedAt >= started);
    expect(got.map((x) => withoutIsolates(x.subject))).toEqual(["Daily digest: “Digest draft”"]);
    const text = withoutIsolates(got[0]!.text);
    expect(text).toContain("4 updates on “Digest draft”");
    expect(text).toContain("Instant Reader replied to your comment:");
    expect(text).toContain("The secretariat, I think.");
    expect(text).toContain("The review board reviews it.");
    expect(text).toContain("Version 01 was published.");
    expect(text).toContain("The comment period closes in about 48 hours.");
    expect(text).toContain(`/drafts/${reference}/p/general#comment-${comment.id}`);
    const week = mail.messages.filter((x) => x.to.includes("digest-weekly@example.org") && x.receivedAt >= started);
    expect(week.map((x) => withoutIsolates(x.subject))).toEqual(["Weekly digest: “Digest draft”"]);
    expect(withoutIsolates(week[0]!.text)).toContain("The organisation posted an official reply:");

    // One-click: the digest's link stops following this draft (a forged token does nothing).
    const link = new URL(got[0]!.text.match(/https?:\/\/\S*unsubscribe\S*/)![0]);
    expect(link.searchParams.get("d")).toBe(draft.id);
    expect(await m.unfollowWithToken(link.searchParams.get("u")!, draft.id, "forged")).toBe(false);
    expect(await m.prisma.draftFollow.count({ where: { userId: daily.id } })).toBe(1);
    expect(await m.unfollowWithToken(link.searchParams.get("u")!, draft.id, link.searchParams.get("t")!)).toBe(true);
    expect(await m.prisma.draftFollow.count({ where: { userId: daily.id } })).toBe(0);
  }, 120_000);

  it("two processes running the job at once queue each digest once", async () => {
    const org = await m.builders.seedOrganisation(m.prisma, { slug: "digest-race", name: "Digest Race", description: "", referencePrefix: "DR-RFC" });
    const draft = await m.prisma.draft.create({ data: { organisationId: org.id, reference: "DR-RFC-2026-001", title: "Race draft", status: "OPEN", opensAt: new Date(), closesAt: new Date(Date.now() + 9 * DAY), currentVersion: 0 } });
    const users = await Promise.all(Array.from({ length: 30 }, (_, i) => m.builders.seedUser(m.prisma, { email: `digest-race-${i}@example.org`, name: `Racer ${i}` })));
    await m.prisma.draftFollow.createMany({ data: users.map((u) => ({ draftId: draft.id, userId: u.id, delivery: "DAILY" as const })) });
    const yesterday = new Date(Date.now() - 2 * DAY);
    await m.prisma.digestItem.createMany({ data: users.flatMap((u) => [1, 2, 3].map((n) => ({ draftId: draft.id, userId: u.id, kind: "newVersion", values: { version: `0${n}` }, createdAt: yesterday }))) });
    const now = new Date();
    const [a, b] = await Promise.all([m.runDigests(now), m.runDigests(now)]);
    expect(a + b).toBe(30);
    const emails = await m.prisma.outboxEmail.findMany({ where: { kind: "digest", draftId: draft.id }, select: { userId: true, values: true } });
    expect(new Set(emails.map((e) => e.userId)).size).toBe(30);
    expect(emails.every((e) => (JSON.parse((e.values as Record<string, string>).items!) as unknown[]).length === 3)).toBe(true);
    expect(await m.prisma.digestItem.count({ where: { draftId: draft.id, sentAt: null } })).toBe(0);
  }, 60_000);
});
