import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";

// Enough connections that the voters really run at once (the default pool of 10 would queue them).
process.env.DATABASE_POOL_MAX = "40";
// The machine running the tests may be slow and shared: the last of the queued voters may wait a
// while for the lock and a connection; this test checks exactness, not speed (bench/ measures that).
process.env.DATABASE_POOL_TIMEOUT_MS = "120000";
process.env.DATABASE_LOCK_TIMEOUT_MS = "120000";

let m: {
  prisma: typeof import("@/lib/db/client").prisma;
  builders: typeof import("@/prisma/seed/builders");
  createDraft: typeof import("@/lib/drafts/create-draft").createDraft;
  openDraft: typeof import("@/lib/drafts/open-draft").openDraft;
  schemas: typeof import("@/lib/drafts/schemas");
  commentSchemas: typeof import("./schemas");
  castVote: typeof import("./cast-vote").castVote;
  createComment: typeof import("./create-comment").createComment;
  withdrawComment: typeof import("./edit-comment").withdrawComment;
};

const VOTERS = 120;
let owner: Actor;
let voters: Actor[] = [];
let draftId = "";

beforeAll(async () => {
  m = {
    prisma: (await import("@/lib/db/client")).prisma,
    builders: await import("@/prisma/seed/builders"),
    createDraft: (await import("@/lib/drafts/create-draft")).createDraft,
    openDraft: (await import("@/lib/drafts/open-draft")).openDraft,
    schemas: await import("@/lib/drafts/schemas"),
    commentSchemas: await import("./schemas"),
    castVote: (await import("./cast-vote")).castVote,
    createComment: (await import("./create-comment")).createComment,
    withdrawComment: (await import("./edit-comment")).withdrawComment,
  };
  const org = await m.builders.seedOrganisation(m.prisma, { slug: "counters-org", name: "Counters Org", description: "", referencePrefix: "CT-RFC" });
  const o = await m.builders.seedUser(m.prisma, { email: "counters-owner@example.org", name: "Owner" });
  await m.builders.seedMembership(m.prisma, org.id, o.id, "OWNER");
  owner = { id: o.id, isPlatformAdmin: false, suspendedAt: null, memberships: [{ organisationId: org.id, role: "OWNER" }] };
  await m.prisma.user.createMany({ data: Array.from({ length: VOTERS }, (_, i) => ({ email: `counters-voter-${i}@example.org`, name: `Voter ${i}`, emailVerified: new Date() })) });
  const rows = await m.prisma.user.findMany({ where: { email: { startsWith: "counters-voter-" } }, select: { id: true }, orderBy: { email: "asc" } });
  voters = rows.map((u) => ({ id: u.id, isPlatformAdmin: false, suspendedAt: null, memberships: [] }));
  const { reference } = await m.createDraft(owner, m.schemas.ZCreateDraftInput.parse({ organisationId: org.id, title: "Counted draft", abstract: "", language: "en", body: "# A\n\nText." }));
  draftId = (await m.prisma.draft.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id;
  await m.openDraft(owner, m.schemas.ZOpenDraftInput.parse({ draftId, closesAt: "2099-01-01T00:00", timeZone: "UTC" }));
});

afterAll(() => m?.prisma.$disconnect());

async function countersAndRows(commentId: string) {
  const [row] = await m.prisma.$queryRaw<{ agreeCount: number; disagreeCount: number; passCount: number; agree: number; disagree: number; pass: number }[]>`
    SELECT c."agreeCount", c."disagreeCount", c."passCount",
           count(v.*) FILTER (WHERE v.value = 'AGREE')::int AS agree,
           count(v.*) FILTER (WHERE v.value = 'DISAGREE')::int AS disagree,
           count(v.*) FILTER (WHERE v.value = 'PASS')::int AS pass
    FROM "Comment" c LEFT JOIN "CommentVote" v ON v."commentId" = c.id
    WHERE c.id = ${commentId} GROUP BY c.id`;
  return row!;
}

describe("maintained counters under concurrency", () => {
  it(`keeps a comment's vote totals equal to its vote rows with ${VOTERS} people voting and changing their votes at once`, async () => {
    const target = await m.createComment(owner, m.commentSchemas.ZCreateCommentInput.parse({ draftId, kind: "CONCERN", body: "Vote on me." }));
    const first = await Promise.allSettled(voters.map((v) => m.castVote(v, { commentId: target.id, value: "AGREE" })));
    expect(first.filter((r) => r.status === "rejected")).toEqual([]);
    let c = await countersAndRows(target.id);
    expect(c.agree).toBe(VOTERS);
    expect(c).toEqual({ agreeCount: c.agree, disagreeCount: c.disagree, passCount: c.pass, agree: VOTERS, disagree: 0, pass: 0 });

    // Everyone changes their vote at once, a third to each value.
    const values = ["AGREE", "DISAGREE", "PASS"] as const;
    const second = await Promise.allSettled(voters.map((v, i) => m.castVote(v, { commentId: target.id, value: values[i % 3]! })));
    expect(second.filter((r) => r.status === "rejected")).toEqual([]);
    c = await countersAndRows(target.id);
    expect([c.agree, c.disagree, c.pass]).toEqual([VOTERS / 3, VOTERS / 3, VOTERS / 3]);
    expect([c.agreeCount, c.disagreeCount, c.passCount]).toEqual([c.agree, c.disagree, c.pass]);
  });

  it("keeps a comment's reply count equal to its published replies with replies and withdrawals racing", async () => {
    const parent = await m.createComment(owner, m.commentSchemas.ZCreateCommentInput.parse({ draftId, kind: "QUESTION", body: "Reply to me." }));
    const repliers = voters.slice(0, 24);
    const replies = await Promise.all(repliers.map((v) => m.createComment(v, m.commentSchemas.ZCreateCommentInput.parse({ draftId, parentId: parent.id, body: "A reply." }))));
    // Every other reply is withdrawn twice at once (a double click): it must count once.
    await Promise.all(replies.flatMap((r, i) => (i % 2 === 0 ? [m.withdrawComment(repliers[i]!, r.id), m.withdrawComment(repliers[i]!, r.id)] : [])));
    const stored = await m.prisma.comment.findUniqueOrThrow({ where: { id: parent.id }, select: { replyCount: true } });
    const published = await m.prisma.comment.count({ where: { parentId: parent.id, status: "PUBLISHED" } });
    expect(published).toBe(12);
    expect(stored.replyCount).toBe(published);
  });
});
