import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";

// Enough connections that the comments really are written at once (the default pool would queue them).
process.env.DATABASE_POOL_MAX = "40";
process.env.DATABASE_POOL_TIMEOUT_MS = "120000";
process.env.DATABASE_LOCK_TIMEOUT_MS = "120000";
process.env.LIMIT_COMMENTS_PER_HOUR = "1000";

let m: {
  prisma: typeof import("@/lib/db/client").prisma;
  builders: typeof import("@/prisma/seed/builders");
  createDraft: typeof import("@/lib/drafts/create-draft").createDraft;
  openDraft: typeof import("@/lib/drafts/open-draft").openDraft;
  draftSchemas: typeof import("@/lib/drafts/schemas");
  ZCreateCommentInput: typeof import("@/lib/comments/schemas").ZCreateCommentInput;
  createComment: typeof import("@/lib/comments/create-comment").createComment;
  withdrawComment: typeof import("@/lib/comments/edit-comment").withdrawComment;
  moderateComment: typeof import("@/lib/moderation/moderate-comment").moderateComment;
  setDisposition: typeof import("@/lib/summaries/dispositions").setDisposition;
  surveys: typeof import("@/lib/surveys/manage-survey");
  submitResponse: typeof import("@/lib/surveys/submit-response").submitResponse;
  lookupReceipt: typeof import("./lookup-receipt").lookupReceipt;
  contributions: typeof import("./list-contributions");
  RateLimitedError: typeof import("@/lib/errors").RateLimitedError;
};

const WRITERS = 60;
let owner: Actor;
let writers: Actor[] = [];
let orgId = "";
let draft = { id: "", reference: "" };

const comment = (actor: Actor, extra: Record<string, unknown> = {}) =>
  m.createComment(actor, m.ZCreateCommentInput.parse({ draftId: draft.id, anchor: "", kind: "CONCERN", body: "A concern about scope.", ...extra }));

beforeAll(async () => {
  m = {
    prisma: (await import("@/lib/db/client")).prisma,
    builders: await import("@/prisma/seed/builders"),
    createDraft: (await import("@/lib/drafts/create-draft")).createDraft,
    openDraft: (await import("@/lib/drafts/open-draft")).openDraft,
    draftSchemas: await import("@/lib/drafts/schemas"),
    ZCreateCommentInput: (await import("@/lib/comments/schemas")).ZCreateCommentInput,
    createComment: (await import("@/lib/comments/create-comment")).createComment,
    withdrawComment: (await import("@/lib/comments/edit-comment")).withdrawComment,
    moderateComment: (await import("@/lib/moderation/moderate-comment")).moderateComment,
    setDisposition: (await import("@/lib/summaries/dispositions")).setDisposition,
    surveys: await import("@/lib/surveys/manage-survey"),
    submitResponse: (await import("@/lib/surveys/submit-response")).submitResponse,
    lookupReceipt: (await import("./lookup-receipt")).lookupReceipt,
    contributions: await import("./list-contributions"),
    RateLimitedError: (await import("@/lib/errors")).RateLimitedError,
  };
  const org = await m.builders.seedOrganisation(m.prisma, { slug: "receipts-org", name: "Receipts Org", description: "", referencePrefix: "RC-RFC" });
  orgId = org.id;
  const o = await m.builders.seedUser(m.prisma, { email: "receipts-owner@example.org", name: "Owner" });
  await m.builders.seedMembership(m.prisma, org.id, o.id, "OWNER");
  owner = { id: o.id, isPlatformAdmin: false, suspendedAt: null, memberships: [{ organisationId: org.id, role: "OWNER" }] };
  await m.prisma.user.createMany({ data: Array.from({ length: WRITERS }, (_, i) => ({ email: `receipts-writer-${String(i).padStart(3, "0")}@example.org`, name: `Writer ${i}`, emailVerified: new Date() })) });
  const rows = await m.prisma.user.findMany({ where: { email: { startsWith: "receipts-writer-" } }, select: { id: true }, orderBy: { email: "asc" } });
  writers = rows.map((u) => ({ id: u.id, isPlatformAdmin: false, suspendedAt: null, memberships: [] }));
  const { reference } = await m.createDraft(owner, m.draftSchemas.ZCreateDraftInput.parse({ organisationId: org.id, title: "Receipted draft", abstract: "", language: "en", body: "# A\n\nText." }));
  draft = { id: (await m.prisma.draft.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id, reference };
  await m.openDraft(owner, m.draftSchemas.ZOpenDraftInput.parse({ draftId: draft.id, closesAt: "2099-01-01T00:00", timeZone: "UTC" }));
});

afterAll(() => m?.prisma.$disconnect());

describe("tracking numbers", () => {
  it("gives 60 concurrent comments 60 distinct numbers of the draft's docket, and a receipt email each", async () => {
    const created = await Promise.all(writers.map((w) => comment(w)));
    const numbers = created.map((c) => c.trackingNumber);
    expect(new Set(numbers).size).toBe(WRITERS);
    for (const n of numbers) expect(n).toMatch(new RegExp(`^${draft.reference}-C-\\d{6}$`));
    // The counter equals the comments: no number was given twice or skipped by a committed comment.
    const sequences = numbers.map((n) => Number(n!.slice(-6))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 1));
    const stored = await m.prisma.comment.findMany({ where: { draftId: draft.id }, select: { trackingNumber: true } });
    expect(stored.map((s) => s.trackingNumber).sort()).toEqual([...numbers].sort());
    const mails = await m.prisma.outboxEmail.findMany({ where: { kind: "receipt", draftId: draft.id }, select: { values: true } });
    expect(mails.map((e) => (e.values as Record<string, string>).trackingNumber).sort()).toEqual([...numbers].sort());
  });

  it("keeps the number on an idempotent retry, even when the retries race", async () => {
    const key = "receipt-retry-key";
    const results = await Promise.all(Array.from({ length: 8 }, () => comment(writers[0]!, { idempotencyKey: key })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.trackingNumber)).size).toBe(1);
    const again = await comment(writers[0]!, { idempotencyKey: key });
    expect(again).toMatchObject({ created: false, trackingNumber: results[0]!.trackingNumber });
  });

  it("numbers replies apart from comments (R)", async () => {
    const parent = await comment(writers[1]!);
    const reply = await m.createComment(writers[2]!, m.ZCreateCommentInput.parse({ draftId: draft.id, anchor: "", parentId: parent.id, body: "A reply." }));
    expect(reply.trackingNumber).toBe(`${draft.reference}-R-000001`);
  });
});

describe("lookups", () => {
  it("shows published, hidden (with the public reason, never the text), withdrawn and decided comments", async () => {
    const c = await comment(writers[3]!, { body: "Secret words of the author.", anonymous: "on" });
    const n = c.trackingNumber!;
    expect(await m.lookupReceipt(n.toLowerCase(), null)).toMatchObject({ trackingNumber: n, kind: "comment", status: "published", hiddenReason: null, disposition: null, consultation: { reference: draft.reference } });

    await m.setDisposition(owner, { draftId: draft.id, commentId: c.id, value: "PARTLY_ACCEPTED", response: "We narrowed the scope.", changedAt: "" } as never);
    expect((await m.lookupReceipt(n, null))!.disposition).toMatchObject({ value: "PARTLY_ACCEPTED", response: "We narrowed the scope.", scope: "comment", changedAt: null });

    await m.moderateComment(owner, { commentId: c.id, action: "HIDE", reason: "Personal attack" });
    const hidden = await m.lookupReceipt(n, null);
    expect(hidden).toMatchObject({ status: "hidden", hiddenReason: "Personal attack" });
    const json = JSON.stringify(hidden);
    expect(json).not.toContain("Secret words");
    expect(json).not.toContain(writers[3]!.id);
    expect(json).not.toContain("Writer 3");

    const w = await comment(writers[4]!);
    await m.withdrawComment(writers[4]!, w.id);
    expect(await m.lookupReceipt(w.trackingNumber!, null)).toMatchObject({ status: "withdrawn", hiddenReason: null });
  });

  it("shows a comment awaiting moderation without a link, and answers null for unknown or junk numbers", async () => {
    await m.prisma.draft.update({ where: { id: draft.id }, data: { preModeration: true } });
    try {
      const c = await comment(writers[5]!);
      expect(c.status).toBe("PENDING");
      expect(await m.lookupReceipt(c.trackingNumber!, null)).toMatchObject({ status: "pending", path: null });
    } finally {
      await m.prisma.draft.update({ where: { id: draft.id }, data: { preModeration: false } });
    }
    expect(await m.lookupReceipt(`${draft.reference}-C-999999`, null)).toBeNull();
    expect(await m.lookupReceipt("not a number", null)).toBeNull();
  });

  it("limits lookups per address", async () => {
    const address = "203.0.113.77";
    let refused: unknown = null;
    for (let i = 0; i < 70 && !refused; i++) await m.lookupReceipt(`${draft.reference}-C-999999`, address).catch((e) => (refused = e));
    expect(refused).toBeInstanceOf(m.RateLimitedError);
    // Another address is not affected.
    expect(await m.lookupReceipt(`${draft.reference}-C-999999`, "203.0.113.78")).toBeNull();
  });
});

describe("survey answers", () => {
  it("numbers answers in the survey's docket, keeps the number on a retry, emails signed-in respondents, and looks them up", async () => {
    const { id, slug } = await m.surveys.createSurvey(owner, { organisationId: orgId, title: "Receipts survey", draftReference: "", permanent: true });
    const questions = [{ id: "track", type: "single", required: true, text: { en: "On track?" }, options: [{ id: "yes", label: { en: "Yes" } }, { id: "no", label: { en: "No" } }] }];
    await m.surveys.saveSurvey(owner, { surveyId: id, title: "Receipts survey", description: "", allowAnonymous: true, publicResults: false, demographics: [], definition: JSON.stringify(questions) });
    await m.surveys.setSurveyStatus(owner, { surveyId: id, status: "OPEN" });
    const first = await m.submitResponse(writers[6]!, { slug, idempotencyKey: "s1", answers: { track: "yes" } });
    // One sequence numbers every survey's answers (no row lock shared by a viral survey's answers):
    // unique and increasing within the docket, not consecutive.
    const sequence = (n: string | null | undefined) => Number(new RegExp(`^${slug.toUpperCase()}-S-(\\d{6,})$`).exec(n ?? "")?.[1] ?? NaN);
    expect(sequence(first.trackingNumber)).toBeGreaterThan(0);
    const retry = await m.submitResponse(writers[6]!, { slug, idempotencyKey: "s1", answers: { track: "yes" } });
    expect(retry).toMatchObject({ created: false, id: first.id, trackingNumber: first.trackingNumber });
    const anonymous = await m.submitResponse(null, { slug, idempotencyKey: "s2", answers: { track: "no" }, deviceToken: "0f8fad5b-d9cb-469f-a165-70867728950e" });
    expect(sequence(anonymous.trackingNumber)).toBeGreaterThan(sequence(first.trackingNumber));

    const mails = await m.prisma.outboxEmail.findMany({ where: { kind: "receipt", values: { path: ["trackingNumber"], string_contains: slug.toUpperCase() } }, select: { userId: true } });
    expect(mails).toEqual([{ userId: writers[6]!.id }]);
    expect(await m.lookupReceipt(anonymous.trackingNumber!, null)).toMatchObject({ kind: "surveyAnswer", status: "counted", disposition: null, path: null });
  });
});

describe("my contributions", () => {
  it("lists comments, replies, votes, positions and survey answers with status, number and disposition; filters; exports", async () => {
    const u = await m.builders.seedUser(m.prisma, { email: "receipts-me@example.org", name: "Me" });
    const me: Actor = { id: u.id, isPlatformAdmin: false, suspendedAt: null, memberships: [] };
    const c = await comment(me, { body: "My own words." });
    await m.setDisposition(owner, { draftId: draft.id, commentId: c.id, value: "ACCEPTED", response: "Done.", changedAt: "" } as never);
    const { castVote } = await import("@/lib/comments/cast-vote");
    const { setPositions } = await import("@/lib/comments/set-position");
    const other = await comment(writers[8]!);
    await castVote(me, { commentId: other.id, value: "AGREE" });
    await setPositions(me, draft.id, [{ section: "", value: "SUPPORT" }]);

    const page = await m.contributions.listMyContributions(me.id, { consultation: null, page: 1 });
    expect(page.total).toBe(3);
    const byType = Object.fromEntries(page.items.map((i) => [i.type, i]));
    expect(byType.comment).toMatchObject({ trackingNumber: c.trackingNumber, status: "published", disposition: { value: "ACCEPTED", response: "Done." }, consultation: draft.reference });
    expect(byType.vote).toMatchObject({ value: "AGREE", trackingNumber: null });
    expect(byType.position).toMatchObject({ value: "SUPPORT", section: "" });
    expect(byType.comment!.text).toBeUndefined();

    expect((await m.contributions.listMyContributions(me.id, { consultation: "NOPE-1", page: 1 })).total).toBe(0);
    expect(await m.contributions.listMyConsultations(me.id)).toEqual([{ consultation: draft.reference, title: "Receipted draft" }]);
    const exported = await m.contributions.exportMyContributions(me.id, draft.reference);
    expect(exported.contributions).toHaveLength(3);
    expect(exported.contributions.find((i) => i.type === "comment")).toMatchObject({ text: "My own words.", trackingNumber: c.trackingNumber });
  });
});

describe("numbering comments written straight to the database", () => {
  it("continues the draft's counter in order of creation", async () => {
    const { numberUntrackedComments } = await import("./number-untracked");
    const last = await m.prisma.trackingCounter.findUniqueOrThrow({ where: { docket_kind: { docket: draft.reference, kind: "C" } } });
    const base = { draftId: draft.id, versionNumber: 0, authorId: writers[9]!.id, kind: "SUPPORT" as const, body: "Imported." };
    await m.prisma.comment.createMany({ data: [{ ...base, id: "untracked-b", createdAt: new Date(2_000_000) }, { ...base, id: "untracked-a", createdAt: new Date(1_000_000) }] });
    // Every untracked comment in the database is numbered (earlier test files write some directly too).
    expect(await numberUntrackedComments(m.prisma)).toBeGreaterThanOrEqual(2);
    const rows = await m.prisma.comment.findMany({ where: { id: { in: ["untracked-a", "untracked-b"] } }, select: { id: true, trackingNumber: true }, orderBy: { id: "asc" } });
    const seq = (i: number) => `${draft.reference}-C-${String(last.last + i).padStart(6, "0")}`;
    expect(rows).toEqual([{ id: "untracked-a", trackingNumber: seq(1) }, { id: "untracked-b", trackingNumber: seq(2) }]);
    expect(await numberUntrackedComments(m.prisma)).toBe(0);
  });
});
