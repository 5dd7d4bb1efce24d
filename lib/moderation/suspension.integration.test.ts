// An organisation's suspension stops every participation verb in its consultations, and an author
// cannot undo a moderator's decision by withdrawing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { castVote } from "@/lib/comments/cast-vote";
import { createComment } from "@/lib/comments/create-comment";
import { editComment, withdrawComment } from "@/lib/comments/edit-comment";
import { ZCreateCommentInput } from "@/lib/comments/schemas";
import { setPositions } from "@/lib/comments/set-position";
import { prisma } from "@/lib/db/client";
import { createDraft } from "@/lib/drafts/create-draft";
import { openDraft } from "@/lib/drafts/open-draft";
import { ZCreateDraftInput, ZOpenDraftInput } from "@/lib/drafts/schemas";
import { ConflictError } from "@/lib/errors";
import { createSurvey, saveSurvey, setSurveyStatus } from "@/lib/surveys/manage-survey";
import { submitResponse } from "@/lib/surveys/submit-response";
import { seedMembership, seedOrganisation, seedUser } from "@/prisma/seed/builders";
import { flagComment, moderateComment, setParticipantSuspension } from "./moderate-comment";

afterAll(() => prisma.$disconnect());

let owner: Actor;
let member: Actor;
let other: Actor;
let orgId = "";
let draftId = "";
let surveySlug = "";

async function person(email: string): Promise<Actor> {
  const user = await seedUser(prisma, { email, name: email.split("@")[0]!, stakeholderGroup: "CIVIL_SOCIETY", country: "GH" });
  return { id: user.id, isPlatformAdmin: false, suspendedAt: null, memberships: [] };
}

const newComment = (author: Actor, body = "A comment worth keeping.") => createComment(author, ZCreateCommentInput.parse({ draftId, anchor: "p-1.1", kind: "CONCERN", body }));

beforeAll(async () => {
  const org = await seedOrganisation(prisma, { slug: "suspension-org", name: "Suspension Org", description: "", referencePrefix: "SUSP-RFC" });
  orgId = org.id;
  const ownerUser = await seedUser(prisma, { email: "owner@suspension.example", name: "Owner", stakeholderGroup: "GOVERNMENT", country: "FR" });
  await seedMembership(prisma, orgId, ownerUser.id, "OWNER");
  owner = { id: ownerUser.id, isPlatformAdmin: false, suspendedAt: null, memberships: [{ organisationId: orgId, role: "OWNER" }] };
  member = await person("member@suspension.example");
  other = await person("other@suspension.example");
  const { reference } = await createDraft(owner, ZCreateDraftInput.parse({ organisationId: orgId, title: "Suspension draft", abstract: "", language: "en", body: "# Scope\n\nThis applies to consultations.\n" }));
  draftId = (await prisma.draft.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id;
  await openDraft(owner, ZOpenDraftInput.parse({ draftId, closesAt: "2099-01-01T00:00", timeZone: "UTC" }));
  const survey = await createSurvey(owner, { organisationId: orgId, title: "Survey", draftReference: "", permanent: true });
  await saveSurvey(owner, { surveyId: survey.id, title: "Survey", description: "", allowAnonymous: false, publicResults: false, demographics: [], definition: JSON.stringify([{ id: "q", type: "shortText", text: { en: "Why?" } }]) });
  await setSurveyStatus(owner, { surveyId: survey.id, status: "OPEN" });
  surveySlug = survey.slug;
});

describe("organisation suspension", () => {
  it("stops comment, reply, edit, withdraw, vote, position, flag and survey answer, and changes nothing", async () => {
    const own = await newComment(member, "Written before the suspension.");
    const others = await newComment(other, "Someone else's comment.");
    await setParticipantSuspension(owner, { organisationId: orgId, userId: member.id, suspend: true, reason: "Repeated spam" });
    const before = { comments: await prisma.comment.count({ where: { authorId: member.id } }), votes: await prisma.commentVote.count({ where: { userId: member.id } }) };

    const refusals = await Promise.allSettled([
      newComment(member),
      createComment(member, ZCreateCommentInput.parse({ draftId, parentId: others.id, body: "A reply." })),
      editComment(member, { commentId: own.id, body: "Edited while suspended.", proposedText: null }),
      withdrawComment(member, own.id),
      castVote(member, { commentId: others.id, value: "AGREE" }),
      setPositions(member, draftId, [{ section: "", value: "OPPOSE" }]),
      flagComment(member, { commentId: others.id, reason: "Retaliation flag" }),
      submitResponse(member, { slug: surveySlug, idempotencyKey: randomUUID(), answers: { q: "Because." } }),
    ]);
    expect(refusals.map((r) => (r.status === "rejected" ? (r.reason as { code?: string }).code : "allowed"))).toEqual(Array(8).fill("bannedFromOrganisation"));

    expect(await prisma.comment.count({ where: { authorId: member.id } })).toBe(before.comments);
    expect(await prisma.commentVote.count({ where: { userId: member.id } })).toBe(before.votes);
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: own.id }, select: { status: true, body: true } })).toEqual({ status: "PUBLISHED", body: "Written before the suspension." });
    expect(await prisma.position.count({ where: { userId: member.id } })).toBe(0);
    expect(await prisma.commentFlag.count({ where: { userId: member.id } })).toBe(0);
    expect(await prisma.surveyResponse.count({ where: { userId: member.id } })).toBe(0);

    // Lifting the suspension restores every verb.
    await setParticipantSuspension(owner, { organisationId: orgId, userId: member.id, suspend: false, reason: "" });
    await expect(castVote(member, { commentId: others.id, value: "AGREE" })).resolves.toMatchObject({ value: "AGREE" });
  });
});

describe("moderation cannot be undone by the author", () => {
  it("a hidden comment stays hidden, with the moderator's reason, when its author tries to withdraw it", async () => {
    const comment = await newComment(other, "Something the code of conduct forbids.");
    await moderateComment(owner, { commentId: comment.id, action: "HIDE", reason: "Personal attack" });
    await expect(withdrawComment(other, comment.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(withdrawComment(other, comment.id)).rejects.toMatchObject({ code: "commentHiddenByModerator" });
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { status: true, moderationNote: true } })).toEqual({ status: "HIDDEN", moderationNote: "Personal attack" });
  });
});

describe("concurrent moderation", () => {
  it("two moderators hiding the same reply at once lower the parent's reply count once", async () => {
    const parent = await newComment(other, "A parent comment.");
    const reply = await createComment(member, ZCreateCommentInput.parse({ draftId, parentId: parent.id, body: "A reply to hide." }));
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: parent.id }, select: { replyCount: true } })).replyCount).toBe(1);
    await Promise.all(Array.from({ length: 8 }, () => moderateComment(owner, { commentId: reply.id, action: "HIDE", reason: "Off topic" })));
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: parent.id }, select: { replyCount: true } })).replyCount).toBe(0);
  });
});
