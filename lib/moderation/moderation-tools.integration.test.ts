// Moderation tools and the rules behind the controls (issue 12): moderators read the moderation
// entries of the audit log, the hidden/suspended lists, an idempotent "lift the suspension", the
// confirmation boxes the schemas require, no vote on one's own comment, Follow only where it works.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { castVote } from "@/lib/comments/cast-vote";
import { createComment } from "@/lib/comments/create-comment";
import { ZCreateCommentInput } from "@/lib/comments/schemas";
import { prisma } from "@/lib/db/client";
import { createDraft } from "@/lib/drafts/create-draft";
import { openDraft } from "@/lib/drafts/open-draft";
import { ZCreateDraftInput, ZDraftTransitionInput, ZOpenDraftInput } from "@/lib/drafts/schemas";
import { transitionDraft } from "@/lib/drafts/transition-draft";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { followDraft } from "@/lib/notifications/preferences";
import { ZPublishSummary } from "@/lib/summaries/schemas";
import { seedMembership, seedOrganisation, seedUser } from "@/prisma/seed/builders";
import { liftSuspension, moderateComment, setParticipantSuspension } from "./moderate-comment";
import { hiddenComments, moderationLog, suspendedParticipants } from "./queries";
import { ZModerateCommentInput, ZSuspendParticipantInput } from "./schemas";

afterAll(() => prisma.$disconnect());

let orgId = "";
let owner: Actor;
let moderator: Actor;
let ana: Actor;
let ben: Actor;
let draftId = "";

async function person(email: string, role?: "OWNER" | "MODERATOR"): Promise<Actor> {
  const user = await seedUser(prisma, { email, name: email.split("@")[0]!, stakeholderGroup: "ACADEMIA", country: "KE" });
  if (role) await seedMembership(prisma, orgId, user.id, role);
  return { id: user.id, isPlatformAdmin: false, suspendedAt: null, memberships: role ? [{ organisationId: orgId, role }] : [] };
}

async function newDraft(open: boolean) {
  const { reference } = await createDraft(owner, ZCreateDraftInput.parse({ organisationId: orgId, title: "Tools draft", abstract: "", language: "en", body: "# Scope\n\nThis applies to consultations.\n" }));
  const id = (await prisma.draft.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id;
  if (open) await openDraft(owner, ZOpenDraftInput.parse({ draftId: id, closesAt: "2099-01-01T00:00", timeZone: "UTC" }));
  return id;
}

const comment = (author: Actor, body: string, on = draftId) => createComment(author, ZCreateCommentInput.parse({ draftId: on, anchor: "p-1.1", kind: "CONCERN", body }));
const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) => (r.error?.issues ?? []).map((i) => `${String(i.path[0])}:${i.message}`).sort();

beforeAll(async () => {
  orgId = (await seedOrganisation(prisma, { slug: "tools-org", name: "Tools Org", description: "", referencePrefix: "TOOLS-RFC" })).id;
  owner = await person("owner@tools.example", "OWNER");
  moderator = await person("moderator@tools.example", "MODERATOR");
  ana = await person("ana@tools.example");
  ben = await person("ben@tools.example");
  draftId = await newDraft(true);
});

describe("lifting a suspension", () => {
  it("is for the organisation's moderators and owners, removes the suspension, and logs one entry however often it is asked", async () => {
    await setParticipantSuspension(moderator, { organisationId: orgId, userId: ana.id, suspend: true, reason: "Repeated spam" });
    await expect(liftSuspension(ben, { organisationId: orgId, userId: ana.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.organisationBan.count({ where: { organisationId: orgId, userId: ana.id } })).toBe(1);

    const results = await Promise.all([liftSuspension(moderator, { organisationId: orgId, userId: ana.id }), liftSuspension(owner, { organisationId: orgId, userId: ana.id })]);
    expect(results.map((r) => r.lifted).sort()).toEqual([false, true]);
    expect(await liftSuspension(moderator, { organisationId: orgId, userId: ana.id })).toEqual({ lifted: false });
    expect(await prisma.organisationBan.count({ where: { organisationId: orgId, userId: ana.id } })).toBe(0);
    expect(await prisma.moderationAction.count({ where: { organisationId: orgId, targetUserId: ana.id, action: "UNSUSPEND" } })).toBe(1);
  });
});

describe("the moderation lists and the audit log", () => {
  it("moderators see the moderation entries, owners every entry, participants nothing; lists are paginated", async () => {
    const first = await comment(ben, "Cheap watches, first.");
    const second = await comment(ben, "Cheap watches, second.");
    await moderateComment(moderator, { commentId: first.id, action: "HIDE", reason: "Advertising (rule 4)" });
    await moderateComment(moderator, { commentId: second.id, action: "HIDE", reason: "Advertising again" });
    await setParticipantSuspension(moderator, { organisationId: orgId, userId: ben.id, suspend: true, reason: "Advertising twice" });

    const modLog = await moderationLog(orgId, moderator);
    expect(modLog?.scope).toBe("moderation");
    expect(modLog?.items.slice(0, 3).map((e) => [e.action, e.reason, e.actorName])).toEqual([
      ["SUSPEND", "Advertising twice", "moderator"],
      ["HIDE", "Advertising again", "moderator"],
      ["HIDE", "Advertising (rule 4)", "moderator"],
    ]);
    expect((await moderationLog(orgId, owner))?.scope).toBe("all");
    expect(await moderationLog(orgId, ana)).toBeNull();

    const hiddenPage1 = await hiddenComments(orgId, moderator, 1, 1);
    const hiddenPage2 = await hiddenComments(orgId, moderator, 2, 1);
    expect([hiddenPage1?.total, hiddenPage1?.pageCount]).toEqual([2, 2]);
    expect([...(hiddenPage1?.items ?? []), ...(hiddenPage2?.items ?? [])].map((c) => c.moderationNote).sort()).toEqual(["Advertising (rule 4)", "Advertising again"]);
    expect(hiddenPage1?.items[0]?.hiddenAt).toBeInstanceOf(Date);
    expect(await hiddenComments(orgId, ana)).toBeNull();

    const suspended = await suspendedParticipants(orgId, owner);
    expect(suspended?.items.map((b) => [b.user.name, b.reason])).toEqual([["ben", "Advertising twice"]]);
    expect(await suspendedParticipants(orgId, ben)).toBeNull();
    await liftSuspension(moderator, { organisationId: orgId, userId: ben.id });
  });
});

describe("confirmation boxes the server requires", () => {
  it("hiding, suspending, closing and publishing without the ticked box fail with their own messages; ticked they pass", () => {
    expect(issues(ZModerateCommentInput.safeParse({ commentId: "c", action: "HIDE", reason: "" }))).toEqual(["confirm:confirmHide", "reason:reasonRequired"]);
    expect(ZModerateCommentInput.safeParse({ commentId: "c", action: "HIDE", reason: "Spam", confirm: "on" }).success).toBe(true);
    expect(ZModerateCommentInput.safeParse({ commentId: "c", action: "RESTORE", reason: "" }).success).toBe(true);
    expect(issues(ZSuspendParticipantInput.safeParse({ organisationId: "o", userId: "u", suspend: "1", reason: "Spam" }))).toEqual(["confirm:confirmSuspend"]);
    expect(issues(ZSuspendParticipantInput.safeParse({ organisationId: "o", userId: "u", suspend: "1", reason: "", confirm: "on" }))).toEqual(["reason:suspendReasonRequired"]);
    expect(issues(ZDraftTransitionInput.safeParse({ draftId: "d", to: "CLOSED", note: "" }))).toEqual(["confirm:confirmCLOSED"]);
    expect(ZDraftTransitionInput.safeParse({ draftId: "d", to: "CLOSED", note: "", confirm: "on" }).success).toBe(true);
    expect(issues(ZPublishSummary.safeParse({ draftId: "d", runId: "r", note: "" }))).toEqual(["confirm:confirmPublish"]);
    expect(ZPublishSummary.safeParse({ draftId: "d", runId: "r", note: "", confirm: "on" }).success).toBe(true);
  });
});

describe("controls only where they work", () => {
  it("refuses a vote on one's own comment and records nothing; others may vote", async () => {
    const own = await comment(ana, "My own view.");
    await expect(castVote(ana, { commentId: own.id, value: "AGREE" })).rejects.toMatchObject({ code: "ownCommentVote" });
    await expect(castVote(ana, { commentId: own.id, value: "AGREE" })).rejects.toBeInstanceOf(ConflictError);
    expect(await prisma.commentVote.count({ where: { commentId: own.id } })).toBe(0);
    await expect(castVote(ben, { commentId: own.id, value: "AGREE" })).resolves.toMatchObject({ totals: { agree: 1, disagree: 0, pass: 0 } });
  });

  it("follows an open draft, refuses to follow a private or closed one, and always lets a follower stop", async () => {
    await followDraft(ana, draftId, true);
    const privateDraft = await newDraft(false);
    await expect(followDraft(owner, privateDraft, true)).rejects.toMatchObject({ code: "notFollowable" });
    const closing = await newDraft(true);
    await followDraft(ben, closing, true);
    await transitionDraft(owner, { draftId: closing, to: "CLOSED", note: "" });
    await expect(followDraft(ana, closing, true)).rejects.toMatchObject({ code: "notFollowable" });
    await followDraft(ben, closing, false);
    expect(await prisma.draftFollow.findMany({ where: { draftId: { in: [draftId, privateDraft, closing] } }, select: { draftId: true, userId: true } })).toEqual([{ draftId, userId: ana.id }]);
  });
});
