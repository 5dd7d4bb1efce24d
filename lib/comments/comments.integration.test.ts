import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { createDraft } from "@/lib/drafts/create-draft";
import { openDraft } from "@/lib/drafts/open-draft";
import { ZCreateDraftInput, ZOpenDraftInput } from "@/lib/drafts/schemas";
import { transitionDraft } from "@/lib/drafts/transition-draft";
import { AppError, ConflictError, FieldError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { moderationLog, moderationQueue } from "@/lib/moderation/queries";
import { flagComment, moderateComment, setParticipantSuspension } from "@/lib/moderation/moderate-comment";
import { seedMembership, seedOrganisation, seedUser } from "@/prisma/seed/builders";
import { castVote } from "./cast-vote";
import { createComment } from "./create-comment";
import { listThread, positionDistribution } from "./queries";
import { renderCommentMarkdown } from "./render-comment";
import { ZCreateCommentInput } from "./schemas";
import { setPositions } from "./set-position";

afterAll(() => prisma.$disconnect());

const actors: Record<string, Actor> = {};
let org = { id: "" };
let otherOrg = { id: "" };
let draft = { id: "", organisationId: "" };

async function person(email: string, roles: Array<[string, OrgRole]> = [], group: "CIVIL_SOCIETY" | "GOVERNMENT" = "CIVIL_SOCIETY"): Promise<Actor> {
  const user = await seedUser(prisma, { email, name: email.split("@")[0]!, stakeholderGroup: group, country: "KE" });
  for (const [o, role] of roles) await seedMembership(prisma, o, user.id, role);
  return { id: user.id, isPlatformAdmin: false, suspendedAt: null, memberships: roles.map(([organisationId, role]) => ({ organisationId, role })) };
}

async function openNewDraft(owner: Actor, organisationId: string, body = "# Scope\n\nThis applies to consultations.\n\n# Principles\n\n## Reach\n\nReach the people affected.\n") {
  const { reference } = await createDraft(owner, ZCreateDraftInput.parse({ organisationId, title: "Participation draft", abstract: "", language: "en", body }));
  const d = await prisma.draft.findUniqueOrThrow({ where: { reference }, select: { id: true, organisationId: true } });
  await openDraft(owner, ZOpenDraftInput.parse({ draftId: d.id, closesAt: "2099-01-01T00:00", timeZone: "UTC" }));
  return d;
}

const comment = (over: Record<string, unknown> = {}) => ZCreateCommentInput.parse({ draftId: draft.id, anchor: "p-1.1", kind: "CONCERN", body: "This scope is too narrow.", ...over });

beforeAll(async () => {
  org = await seedOrganisation(prisma, { slug: "comments-org", name: "Comments Org", description: "", referencePrefix: "CO-RFC" });
  otherOrg = await seedOrganisation(prisma, { slug: "comments-other", name: "Other", description: "", referencePrefix: "CX-RFC" });
  actors.owner = await person("c-owner@example.org", [[org.id, "OWNER"]]);
  actors.moderator = await person("c-moderator@example.org", [[org.id, "MODERATOR"]]);
  actors.ana = await person("c-ana@example.org", [], "GOVERNMENT");
  actors.ben = await person("c-ben@example.org");
  actors.otherOwner = await person("c-other-owner@example.org", [[otherOrg.id, "OWNER"]]);
  draft = await openNewDraft(actors.owner!, org.id);
});

describe("comments", () => {
  it("comments on a paragraph and proposes a change against the paragraph's text", async () => {
    const created = await createComment(actors.ana!, comment({ kind: "CHANGE", body: "Name online consultations explicitly.", proposedText: "This applies to online and offline consultations." }));
    const stored = await prisma.comment.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ anchor: "p-1.1", kind: "CHANGE", originalText: "This applies to consultations.", status: "PUBLISHED", versionNumber: 0 });
  });

  it("rejects bad input and stores nothing", async () => {
    const before = await prisma.comment.count();
    const parse = (over: Record<string, unknown>) => ZCreateCommentInput.safeParse({ draftId: draft.id, anchor: "p-1.1", kind: "CONCERN", body: "x", ...over });
    expect(parse({ body: "" }).error?.issues[0]?.message).toBe("required");
    expect(parse({ body: "   \n\t " }).error?.issues[0]?.message).toBe("required");
    expect(parse({ body: "a".repeat(20_000) }).error?.issues[0]?.message).toBe("commentTooLong");
    expect(parse({ body: "bad\u0000byte" }).error?.issues[0]?.message).toBe("invalidCharacters");
    expect(parse({ kind: "" }).error?.issues[0]?.message).toBe("chooseKind");
    expect(parse({ anchor: "p-1.1'; drop table" }).error?.issues[0]?.message).toBe("anchorUnknown");
    await expect(createComment(actors.ana!, comment({ anchor: "p-9.9" }))).rejects.toMatchObject({ field: "anchor", code: "anchorUnknown" });
    await expect(createComment(null, comment())).rejects.toBeInstanceOf(UnauthenticatedError);
    // A private draft of another organisation does not exist for this commenter.
    const { reference } = await createDraft(actors.otherOwner!, ZCreateDraftInput.parse({ organisationId: otherOrg.id, title: "Private text", abstract: "", language: "en", body: "# A\n\nB." }));
    const privateDraft = await prisma.draft.findUniqueOrThrow({ where: { reference } });
    await expect(createComment(actors.ana!, comment({ draftId: privateDraft.id }))).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.comment.count()).toBe(before);
  });

  it("stores script tags as text and never renders them", async () => {
    const created = await createComment(actors.ben!, comment({ body: 'Fine <script>alert("x")</script> [link](javascript:alert(1)) **bold**' }));
    const stored = await prisma.comment.findUniqueOrThrow({ where: { id: created.id } });
    const html = renderCommentMarkdown(stored.body);
    expect(html).not.toMatch(/<script|javascript:/i);
    expect(html).toContain("<strong>bold</strong>");
  });

  it("is idempotent per key: a retried submission creates one comment", async () => {
    const input = comment({ idempotencyKey: "retry-key-1", body: "Once only." });
    const [a, b] = await Promise.all([createComment(actors.ben!, input), createComment(actors.ben!, input)]);
    expect(a.id).toBe(b.id);
    expect(await prisma.comment.count({ where: { authorId: actors.ben!.id, idempotencyKey: "retry-key-1" } })).toBe(1);
  });

  it("threads replies one level deep and marks official replies", async () => {
    const top = await createComment(actors.ana!, comment({ body: "Top-level." }));
    const reply = await createComment(actors.owner!, comment({ parentId: top.id, kind: "", body: "Thank you, noted.", official: "on" }));
    const nested = await createComment(actors.ben!, comment({ parentId: reply.id, kind: "", body: "A reply to the reply." }));
    expect(nested.parentId).toBe(top.id);
    const thread = await listThread(draft, "p-1.1", null);
    const shown = thread.items.find((c) => c.id === top.id)!;
    expect(shown.replies.map((r) => [r.body, r.official])).toEqual([
      ["Thank you, noted.", true],
      ["A reply to the reply.", false],
    ]);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: top.id } })).replyCount).toBe(2);
  });

  it("hides an anonymous author's name from the public but not from moderators", async () => {
    const created = await createComment(actors.ana!, comment({ body: "Anonymous view.", anonymous: "on" }));
    const pub = (await listThread(draft, "p-1.1", actors.ben!)).items.find((c) => c.id === created.id)!;
    const mod = (await listThread(draft, "p-1.1", actors.moderator!)).items.find((c) => c.id === created.id)!;
    expect(pub.author).toMatchObject({ name: null, anonymous: true, group: "GOVERNMENT", country: null });
    expect(mod.author.name).toBe("c-ana");
  });
});

describe("votes and positions", () => {
  it("keeps exactly one vote when one person votes 50 times at once", async () => {
    const target = await createComment(actors.ana!, comment({ body: "Vote on me." }));
    await Promise.all(Array.from({ length: 50 }, (_, i) => castVote(actors.ben!, { commentId: target.id, value: i % 2 ? "AGREE" : "DISAGREE" })));
    expect(await prisma.commentVote.count({ where: { commentId: target.id } })).toBe(1);
    await castVote(actors.ben!, { commentId: target.id, value: "PASS" });
    await castVote(actors.owner!, { commentId: target.id, value: "AGREE" });
    const c = await prisma.comment.findUniqueOrThrow({ where: { id: target.id } });
    expect([c.agreeCount, c.disagreeCount, c.passCount]).toEqual([1, 0, 1]);
    const shown = (await listThread(draft, "p-1.1", actors.ben!)).items.find((x) => x.id === target.id)!;
    expect(shown.viewerVote).toBe("PASS");
    expect(shown.byGroup).toEqual([{ group: "CIVIL_SOCIETY", agree: 1, disagree: 0, pass: 1 }]);
  });

  it("records overall and per-section positions and counts them in SQL", async () => {
    await setPositions(actors.ana!, draft.id, [{ section: "", value: "SUPPORT_WITH_CHANGES" }, { section: "2", value: "OPPOSE" }]);
    await setPositions(actors.ben!, draft.id, [{ section: "", value: "SUPPORT" }]);
    await setPositions(actors.ben!, draft.id, [{ section: "", value: "SUPPORT_WITH_CHANGES" }]);
    expect(await positionDistribution(draft.id)).toEqual({ "": { SUPPORT_WITH_CHANGES: 2 }, "2": { OPPOSE: 1 } });
  });
});

describe("rules and moderation", () => {
  it("lets nobody comment or vote on a closed draft", async () => {
    const closed = await openNewDraft(actors.owner!, org.id);
    const target = await createComment(actors.ana!, { ...comment(), draftId: closed.id });
    await transitionDraft(actors.owner!, { draftId: closed.id, to: "CLOSED", note: "" });
    await expect(createComment(actors.ana!, { ...comment(), draftId: closed.id })).rejects.toBeInstanceOf(ConflictError);
    await expect(castVote(actors.ben!, { commentId: target.id, value: "AGREE" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("hides a comment with a public reason, logs it for the moderators and owners, and suspends a participant", async () => {
    const target = await createComment(actors.ben!, comment({ body: "Off-topic advertising." }));
    await flagComment(actors.ana!, { commentId: target.id, reason: "Advertising" });
    const queue = await moderationQueue(org.id, actors.moderator!);
    expect(queue?.items.map((i) => i.id)).toContain(target.id);
    await expect(moderateComment(actors.ana!, { commentId: target.id, action: "HIDE", reason: "Spam" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(moderateComment(actors.moderator!, { commentId: target.id, action: "HIDE", reason: "" })).rejects.toBeInstanceOf(FieldError);
    await moderateComment(actors.moderator!, { commentId: target.id, action: "HIDE", reason: "Advertising breaks rule 4." });
    const shown = (await listThread(draft, "p-1.1", null)).items.find((c) => c.id === target.id)!;
    expect(shown).toMatchObject({ status: "HIDDEN", moderationNote: "Advertising breaks rule 4.", body: "" });

    await setParticipantSuspension(actors.moderator!, { organisationId: org.id, userId: actors.ben!.id, suspend: true, reason: "Repeated spam" });
    await expect(createComment(actors.ben!, comment())).rejects.toMatchObject({ code: "bannedFromOrganisation" });
    await expect(createComment({ ...actors.ana!, suspendedAt: new Date() }, comment())).rejects.toBeInstanceOf(AppError);

    expect(await moderationLog(org.id, actors.ana!)).toBeNull();
    // Moderators read the moderation entries too (owners every entry).
    expect((await moderationLog(org.id, actors.moderator!))?.items.map((e) => e.action)).toEqual(expect.arrayContaining(["HIDE", "SUSPEND"]));
    const log = await moderationLog(org.id, actors.owner!);
    expect(log?.items.map((e) => [e.action, e.reason])).toEqual(expect.arrayContaining([["HIDE", "Advertising breaks rule 4."], ["SUSPEND", "Repeated spam"]]));
    await setParticipantSuspension(actors.moderator!, { organisationId: org.id, userId: actors.ben!.id, suspend: false, reason: "" });
  });

  it("under pre-moderation shows a comment only after approval", async () => {
    const moderated = await openNewDraft(actors.owner!, org.id);
    await prisma.draft.update({ where: { id: moderated.id }, data: { preModeration: true } });
    const created = await createComment(actors.ana!, { ...comment(), draftId: moderated.id });
    expect(created.status).toBe("PENDING");
    expect((await listThread(moderated, "p-1.1", actors.ben!)).total).toBe(0);
    expect((await listThread(moderated, "p-1.1", actors.ana!)).total).toBe(1);
    await moderateComment(actors.moderator!, { commentId: created.id, action: "APPROVE", reason: "" });
    expect((await listThread(moderated, "p-1.1", null)).total).toBe(1);
  });
});
