import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import { seedOrganisation, seedUser } from "@/prisma/seed/builders";
import { loadDeck } from "./load-deck";
import { FRESH_VOTES, deckProgress, nextStatementId } from "./order-statements";
import { recordDeckChoice } from "./record-choice";
import { voteDensity } from "./vote-density";

afterAll(() => prisma.$disconnect());

const actor = (id: string): Actor => ({ id, isPlatformAdmin: false, suspendedAt: null, memberships: [] });
let org = { id: "" };
let seq = 0;

async function person(label: string) {
  seq += 1;
  const u = await seedUser(prisma, { email: `deck-${label}-${seq}@example.org`, name: `Deck ${label}`, stakeholderGroup: "ACADEMIA" });
  return u.id;
}

async function openDraft(n: number) {
  const draft = await prisma.draft.create({
    data: { organisationId: org.id, reference: `DECK-RFC-2026-00${n}`, title: `Deck draft ${n}`, status: "OPEN", opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000), currentVersion: 0 },
  });
  await prisma.draftVersion.create({
    data: {
      draftId: draft.id, number: 0, title: draft.title, abstract: "", body: "# One\n\nText.",
      blocks: { create: [{ position: 0, anchor: "s-1", number: "1", section: "1", kind: "heading", level: 1, text: "One", html: "<h2>One</h2>" }, { position: 1, anchor: "p-1.1", number: "1.1", section: "1", kind: "paragraph", text: "The paragraph text.", html: "<p>The paragraph text.</p>" }] },
    },
  });
  return draft.id;
}

async function comment(draftId: string, authorId: string, extra: { status?: "PUBLISHED" | "HIDDEN"; parentId?: string; createdAt?: Date; anchor?: string } = {}) {
  const c = await prisma.comment.create({ data: { draftId, versionNumber: 0, authorId, kind: "CONCERN", body: `Statement ${++seq}`, anchor: extra.anchor ?? null, status: extra.status ?? "PUBLISHED", parentId: extra.parentId ?? null, createdAt: extra.createdAt } });
  return c.id;
}

/** Votes written as rows, then the comment's counters recounted from them (as castVote keeps them). */
async function votes(commentId: string, voters: string[], value: "AGREE" | "DISAGREE" | "PASS" = "AGREE") {
  await prisma.commentVote.createMany({ data: voters.map((userId) => ({ commentId, userId, value })) });
  await prisma.$executeRaw`UPDATE "Comment" c SET
    "agreeCount" = (SELECT count(*) FROM "CommentVote" v WHERE v."commentId" = c.id AND v.value = 'AGREE'),
    "disagreeCount" = (SELECT count(*) FROM "CommentVote" v WHERE v."commentId" = c.id AND v.value = 'DISAGREE'),
    "passCount" = (SELECT count(*) FROM "CommentVote" v WHERE v."commentId" = c.id AND v.value = 'PASS')
    WHERE c.id = ${commentId}`;
}

/** The whole deck for one participant, skipping each statement in turn (what a session of skips sees). */
async function walk(draftId: string, userId: string): Promise<string[]> {
  const seen: string[] = [];
  for (;;) {
    const p = await deckProgress(draftId, userId, seen);
    const id = await nextStatementId(draftId, userId, seen, p.voted + p.skipped);
    if (!id) return seen;
    seen.push(id);
  }
}

beforeAll(async () => {
  org = await seedOrganisation(prisma, { slug: "deck-org", name: "Deck Org", description: "", referencePrefix: "DECK-RFC" });
});

describe("the order of the voting deck", () => {
  let draftId = "";
  let participant = "";
  let author = "";
  const fresh: string[] = [];
  const established: string[] = [];
  let own = "";
  let hidden = "";
  let reply = "";
  let alreadyVoted = "";

  beforeAll(async () => {
    draftId = await openDraft(1);
    participant = await person("participant");
    author = await person("author");
    const voters = await Promise.all(Array.from({ length: 12 }, (_, i) => person(`voter${i}`)));
    const old = new Date(Date.now() - 10 * 86_400_000);
    for (let i = 0; i < 4; i++) {
      const id = await comment(draftId, author, { createdAt: old, anchor: "p-1.1" });
      await votes(id, voters.slice(0, 10), i % 2 ? "DISAGREE" : "AGREE");
      established.push(id);
    }
    for (let i = 0; i < 4; i++) fresh.push(await comment(draftId, author));
    own = await comment(draftId, participant);
    hidden = await comment(draftId, author, { status: "HIDDEN" });
    reply = await comment(draftId, author, { parentId: fresh[0] });
    alreadyVoted = await comment(draftId, author);
    await votes(alreadyVoted, [participant]);
  });

  it("offers every published top-level statement by others that the participant has not voted on, and nothing else", async () => {
    const order = await walk(draftId, participant);
    expect([...order].sort()).toEqual([...fresh, ...established].sort());
    for (const excluded of [own, hidden, reply, alreadyVoted]) expect(order).not.toContain(excluded);
    expect(await deckProgress(draftId, participant, [])).toEqual({ total: 9, voted: 1, skipped: 0 });
  });

  it("alternates fresh statements and well-voted ones", async () => {
    expect(FRESH_VOTES).toBeLessThanOrEqual(10);
    const order = await walk(draftId, participant);
    const kinds = order.map((id) => (fresh.includes(id) ? "fresh" : "established"));
    // One vote already cast: turn 1 is a well-voted statement's, then they alternate.
    expect(kinds).toEqual(["established", "fresh", "established", "fresh", "established", "fresh", "established", "fresh"]);
  });

  it("is the same on every reload for one participant, and differs between participants", async () => {
    const first = await walk(draftId, participant);
    expect(await walk(draftId, participant)).toEqual(first);
    expect(await nextStatementId(draftId, participant, [], 1)).toBe(first[0]);
    const others = await Promise.all([person("o1"), person("o2"), person("o3"), person("o4")]);
    const orders = await Promise.all(others.map((o) => walk(draftId, o)));
    expect(new Set(orders.map((o) => o.join(","))).size).toBeGreaterThan(1);
  });

  it("shows the statement with its paragraph and author group, and records pass as a vote but skip as nothing", async () => {
    const voter = await person("decker");
    const draft = { id: draftId, organisationId: org.id };
    const deck = await loadDeck(draft, actor(voter), []);
    expect(deck.position).toBe(1);
    expect(deck.progress).toEqual({ total: 10, voted: 0, skipped: 0 });
    const first = deck.statement!;
    expect(first.group).toBe("ACADEMIA");
    if (established.includes(first.id)) expect(first.paragraph).toEqual({ anchor: "p-1.1", number: "1.1", text: "The paragraph text." });

    const before = await prisma.comment.findUniqueOrThrow({ where: { id: first.id }, select: { passCount: true } });
    expect(await recordDeckChoice(actor(voter), { commentId: first.id, choice: "PASS", skipped: [] })).toEqual({ skipped: [] });
    expect(await prisma.commentVote.findUniqueOrThrow({ where: { commentId_userId: { commentId: first.id, userId: voter } }, select: { value: true } })).toEqual({ value: "PASS" });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: first.id }, select: { passCount: true } })).passCount).toBe(before.passCount + 1);

    const second = (await loadDeck(draft, actor(voter), [])).statement!;
    expect(second.id).not.toBe(first.id);
    const { skipped } = await recordDeckChoice(actor(voter), { commentId: second.id, choice: "SKIP", skipped: [] });
    expect(skipped).toEqual([second.id]);
    expect(await prisma.commentVote.count({ where: { userId: voter } })).toBe(1);
    const third = await loadDeck(draft, actor(voter), skipped);
    expect(third.position).toBe(3);
    expect(third.progress).toEqual({ total: 10, voted: 1, skipped: 1 });
    expect([first.id, second.id]).not.toContain(third.statement!.id);
  });

  it("refuses a vote on one's own statement through the deck (ownCommentVote), writing nothing", async () => {
    await expect(recordDeckChoice(actor(participant), { commentId: own, choice: "AGREE", skipped: [] })).rejects.toEqual(new ConflictError("ownCommentVote"));
    // (Other participants may vote on it: only the author's own vote must not exist.)
    expect(await prisma.commentVote.count({ where: { commentId: own, userId: participant } })).toBe(0);
  });
});

describe("the priority of statements", () => {
  // Fixed ids for participants and statements: the order is then the same on every run.
  async function fixedParticipants(tag: string, n: number) {
    const ids = Array.from({ length: n }, (_, i) => `deck-${tag}-participant-${String(i).padStart(2, "0")}`);
    await prisma.user.createMany({ data: ids.map((id) => ({ id, email: `${id}@example.org`, name: id, emailVerified: new Date() })) });
    return ids;
  }
  async function fixedComment(id: string, draftId: string, authorId: string, createdAt: Date) {
    await prisma.comment.create({ data: { id, draftId, versionNumber: 0, authorId, kind: "CONCERN", body: id, createdAt } });
    return id;
  }
  const firstOf = async (draftId: string, participants: string[], turn: number) => Promise.all(participants.map((p) => nextStatementId(draftId, p, [], turn)));

  it("shows new statements with few votes before older ones that were passed on", async () => {
    const draftId = await openDraft(5);
    const author = await person("p-author");
    const voters = await Promise.all(Array.from({ length: 4 }, (_, i) => person(`p-voter${i}`)));
    const tired = await fixedComment("deck-statement-tired", draftId, author, new Date(Date.now() - 5 * 86_400_000));
    await votes(tired, voters, "PASS");
    const newcomer = await fixedComment("deck-statement-newcomer", draftId, author, new Date());
    const firsts = await firstOf(draftId, await fixedParticipants("fresh", 30), 0);
    expect(firsts.filter((id) => id === newcomer).length).toBeGreaterThanOrEqual(24);
    expect(firsts.filter((id) => id === tired).length).toBeGreaterThanOrEqual(1);
  });

  it("among well-voted statements, shows the ones people take a side on before the ones they pass on", async () => {
    const draftId = await openDraft(6);
    const author = await person("q-author");
    const voters = await Promise.all(Array.from({ length: 10 }, (_, i) => person(`q-voter${i}`)));
    const old = new Date(Date.now() - 5 * 86_400_000);
    const sided = await fixedComment("deck-statement-sided", draftId, author, old);
    await votes(sided, voters, "DISAGREE");
    const passed = await fixedComment("deck-statement-passed", draftId, author, old);
    await votes(passed, voters, "PASS");
    const firsts = await firstOf(draftId, await fixedParticipants("voted", 30), 1);
    expect(firsts.filter((id) => id === sided).length).toBeGreaterThanOrEqual(24);
    expect(firsts.filter((id) => id === passed).length).toBeGreaterThanOrEqual(1);
  });
});

describe("vote density in the workspace", () => {
  it("counts participants per bucket of votes on published top-level comments, and the matrix density", async () => {
    const draftId = await openDraft(2);
    const author = await person("d-author");
    const statements = [];
    for (let i = 0; i < 26; i++) statements.push(await comment(draftId, author));
    const hidden = await comment(draftId, author, { status: "HIDDEN" });
    const reply = await comment(draftId, author, { parentId: statements[0] });
    const [one, three, six, twelve, all, positionOnly, replyOnly] = await Promise.all(["one", "three", "six", "twelve", "all", "position", "reply"].map((l) => person(`d-${l}`)));
    const cast = (userId: string, ids: string[]) => prisma.commentVote.createMany({ data: ids.map((commentId) => ({ commentId, userId, value: "AGREE" as const })) });
    await cast(one!, statements.slice(0, 1));
    await cast(three!, [...statements.slice(0, 3), hidden, reply]);
    await cast(six!, statements.slice(0, 6));
    await cast(twelve!, statements.slice(0, 12));
    await cast(all!, statements);
    await cast(replyOnly!, [reply]);
    await prisma.position.create({ data: { draftId, userId: positionOnly!, section: "", value: "SUPPORT" } });
    // Votes on another draft do not count here.
    const elsewhere = await openDraft(3);
    await cast(one!, [await comment(elsewhere, author)]);

    const d = await voteDensity(draftId);
    expect(d.buckets).toEqual({ none: 3, few: 2, some: 1, many: 1, most: 1 });
    expect(d.participants).toBe(8);
    expect(d.comments).toBe(26);
    expect(d.votes).toBe(1 + 3 + 6 + 12 + 26);
    expect(d.density).toBeCloseTo(48 / (8 * 26), 10);
  });

  it("has no density for a draft without participants", async () => {
    const d = await voteDensity(await openDraft(4));
    expect(d).toEqual({ buckets: { none: 0, few: 0, some: 0, many: 0, most: 0 }, participants: 0, comments: 0, votes: 0, density: null });
  });
});
