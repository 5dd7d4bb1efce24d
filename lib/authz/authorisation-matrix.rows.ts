// Rows of the authorisation matrix (authorisation-matrix.integration.test.ts): for each server
// action, who may do it and how to call the use case it runs, with the fixtures they share.
// Server actions resolve the caller from the session and then call exactly these use cases, which
// do the authorisation; the matrix calls them with each kind of caller.
import { randomBytes, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/authz/permissions";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { changePassword } from "@/lib/auth/change-password";
import { registerUser } from "@/lib/auth/register-user";
import { requestPasswordReset, resetPassword } from "@/lib/auth/reset-password";
import { endAllOwnSessions, endOwnSession, startSession } from "@/lib/auth/sessions";
import { verifyEmail } from "@/lib/auth/verify-email";
import { castVote } from "@/lib/comments/cast-vote";
import { recordDeckChoice } from "@/lib/deck/record-choice";
import { createComment } from "@/lib/comments/create-comment";
import { prepareAttachment } from "@/lib/attachments/prepare-attachments";
import { editComment, withdrawComment } from "@/lib/comments/edit-comment";
import { ZCreateCommentInput } from "@/lib/comments/schemas";
import { setPositions } from "@/lib/comments/set-position";
import { prisma } from "@/lib/db/client";
import { createDraft } from "@/lib/drafts/create-draft";
import { openDraft } from "@/lib/drafts/open-draft";
import { ZCreateDraftInput, ZOpenDraftInput } from "@/lib/drafts/schemas";
import { previewDraft } from "@/lib/drafts/preview-draft";
import { setPreModeration } from "@/lib/drafts/set-pre-moderation";
import { setOpenData } from "@/lib/discussion/set-open-data";
import { extendDraft, transitionDraft } from "@/lib/drafts/transition-draft";
import { updateDraft } from "@/lib/drafts/update-draft";
import { flagComment, liftSuspension, moderateComment, setParticipantSuspension } from "@/lib/moderation/moderate-comment";
import { followDraft, updateNotificationSettings } from "@/lib/notifications/preferences";
import { setFollowDelivery } from "@/lib/notifications/follow-delivery";
import { setDisposition } from "@/lib/summaries/dispositions";
import { importPolis } from "@/lib/summaries/import-polis";
import { publishSummary } from "@/lib/summaries/publish";
import { requestAnalysis } from "@/lib/summaries/run-analysis";
import { mergeThemes, moveComment, renameTheme, splitTheme } from "@/lib/summaries/themes";
import { createSurvey, saveSurvey, setSurveyStatus } from "@/lib/surveys/manage-survey";
import { decideHeldResponses } from "@/lib/surveys/review-held";
import { submitResponse } from "@/lib/surveys/submit-response";
import { updateProfile } from "@/lib/users/profile";
import { seedMembership, seedOrganisation, seedUser } from "@/prisma/seed/builders";

export const roles = ["anonymous", "stakeholder", "moderator", "editor", "owner", "admin", "otherOrg"] as const;
export type Role = (typeof roles)[number];

export type Fixtures = {
  actors: Record<Role, Actor | null>;
  orgId: string;
  draft: { id: string; reference: string };
  privateDraft: { id: string; reference: string };
  survey: { id: string; slug: string };
  themeId: string;
  themedCommentId: string;
  /** A fresh unpublished draft, for verbs that change a draft's state. */
  freshDraft: () => Promise<{ id: string; reference: string }>;
  /** A fresh published comment by the stakeholder on the open draft. */
  stakeholderComment: () => Promise<string>;
  apiParams: (visibility: "public" | "private", role: Role) => Record<string, string>;
  apiQuery: (template: string) => string;
  apiBody: (template: string) => unknown;
};

const signedIn: Role[] = ["stakeholder", "moderator", "editor", "owner", "admin", "otherOrg"];
const orgEditors: Role[] = ["editor", "owner", "admin"];
const orgModerators: Role[] = ["moderator", "owner", "admin"];
const summaryManagers: Role[] = ["moderator", "editor", "owner", "admin"];
const everyone: Role[] = [...roles];

const questions = [{ id: "q1", type: "single", required: true, text: { en: "On track?" }, options: [{ id: "yes", label: { en: "Yes" } }, { id: "no", label: { en: "No" } }] }];

export async function setUpFixtures(): Promise<Fixtures> {
  const tag = randomBytes(3).toString("hex");
  const org = await seedOrganisation(prisma, { slug: `matrix-${tag}`, name: `Matrix ${tag}`, description: "", referencePrefix: `MX${tag.toUpperCase()}-RFC` });
  const other = await seedOrganisation(prisma, { slug: `matrix-other-${tag}`, name: `Other ${tag}`, description: "", referencePrefix: `MO${tag.toUpperCase()}-RFC` });
  const person = async (label: string, membership: [string, "OWNER" | "EDITOR" | "MODERATOR"] | null, admin = false): Promise<Actor> => {
    const user = await seedUser(prisma, { email: `${label}-${tag}@example.org`, name: label, stakeholderGroup: "ACADEMIA", country: "BR" });
    if (membership) await seedMembership(prisma, membership[0], user.id, membership[1]);
    if (admin) await prisma.user.update({ where: { id: user.id }, data: { isPlatformAdmin: true } });
    return { id: user.id, isPlatformAdmin: admin, suspendedAt: null, memberships: membership ? [{ organisationId: membership[0], role: membership[1] }] : [] };
  };
  const actors: Record<Role, Actor | null> = {
    anonymous: null,
    stakeholder: await person("stakeholder", null),
    moderator: await person("moderator", [org.id, "MODERATOR"]),
    editor: await person("editor", [org.id, "EDITOR"]),
    owner: await person("owner", [org.id, "OWNER"]),
    admin: await person("admin", null, true),
    otherOrg: await person("other", [other.id, "OWNER"]),
  };
  const owner = actors.owner!;
  const newDraft = async (open: boolean) => {
    const { reference } = await createDraft(owner, ZCreateDraftInput.parse({ organisationId: org.id, title: "Matrix draft", abstract: "", language: "en", body: "# Scope\n\nThis applies to consultations.\n" }));
    const d = await prisma.draft.findUniqueOrThrow({ where: { reference }, select: { id: true, reference: true } });
    if (open) await openDraft(owner, ZOpenDraftInput.parse({ draftId: d.id, closesAt: "2099-01-01T00:00", timeZone: "UTC" }));
    return d;
  };
  const draft = await newDraft(true);
  const privateDraft = await newDraft(false);
  const { id: surveyId, slug } = await createSurvey(actors.editor, { organisationId: org.id, title: "Matrix survey", draftReference: "", permanent: true });
  await saveSurvey(actors.editor, { surveyId, title: "Matrix survey", description: "", allowAnonymous: true, publicResults: false, demographics: [], definition: JSON.stringify(questions) });
  await setSurveyStatus(actors.editor, { surveyId, status: "OPEN" });

  const stakeholderComment = async () =>
    (await createComment(actors.stakeholder, ZCreateCommentInput.parse({ draftId: draft.id, anchor: "p-1.1", kind: "CONCERN", body: `Matrix comment ${randomBytes(4).toString("hex")}` }))).id;
  const themed = await stakeholderComment();
  // Receipts: the themed comment's tracking number, for GET /api/v1/receipts/{trackingNumber}.
  const themedReceipt = (await prisma.comment.findUniqueOrThrow({ where: { id: themed }, select: { trackingNumber: true } })).trackingNumber ?? "";
  const theme = await prisma.theme.create({ data: { draftId: draft.id, keyPhrases: ["matrix"] } });
  await prisma.themeComment.create({ data: { commentId: themed, themeId: theme.id, draftId: draft.id } });
  // Issue 13: an attachment whose id is the themed comment's, so the one `id` path parameter serves
  // both GET /api/v1/attachments/{id} and the comment routes.
  const matrixFile = await prepareAttachment(new TextEncoder().encode("Matrix position paper."), "matrix.txt");
  if ("reason" in matrixFile) throw new Error("matrix attachment refused");
  await prisma.attachment.create({ data: { id: themed, commentId: themed, ...matrixFile, extraction: "NONE" } });

  let voteTarget: string | null = null;
  return {
    actors,
    orgId: org.id,
    draft,
    privateDraft,
    survey: { id: surveyId, slug },
    themeId: theme.id,
    themedCommentId: themed,
    freshDraft: () => newDraft(false),
    stakeholderComment,
    apiParams: (visibility) => ({ ref: visibility === "public" ? draft.reference : privateDraft.reference, n: "0", id: (voteTarget ??= themed), slug, trackingNumber: themedReceipt }),
    apiQuery: (template) => (template.endsWith("/diff") ? "?from=0&to=0" : ""),
    apiBody: (template) =>
      template.endsWith("/comments") ? { kind: "SUPPORT", body: "Matrix support." } : template.endsWith("/votes") ? { value: "AGREE" } : template.endsWith("/responses") ? { answers: { q1: "yes" } } : {},
  };
}

type Row = { allowed: Role[]; run: (fx: Fixtures, actor: Actor | null, role: Role) => Promise<unknown> };

export const rows: Record<string, Row> = {
  // Participation (lib/comments/actions.ts, lib/notifications/actions.ts)
  createCommentAction: { allowed: signedIn, run: (fx, a) => createComment(a, ZCreateCommentInput.parse({ draftId: fx.draft.id, kind: "SUPPORT", body: "Matrix." })) },
  editCommentAction: { allowed: ["stakeholder"], run: async (fx, a) => editComment(a, { commentId: await fx.stakeholderComment(), body: "Edited.", proposedText: null }) },
  withdrawCommentAction: { allowed: ["stakeholder"], run: async (fx, a) => withdrawComment(a, await fx.stakeholderComment()) },
  voteAction: { allowed: signedIn, run: async (fx, a) => castVote(a, { commentId: await fx.stakeholderComment(), value: "AGREE" }) },
  // Voting deck (lib/deck/actions.ts): a vote through castVote, so the same rule as voteAction.
  deckChoiceAction: { allowed: signedIn, run: async (fx, a) => recordDeckChoice(a, { commentId: await fx.stakeholderComment(), choice: "AGREE", skipped: [] }) },
  flagCommentAction: { allowed: signedIn, run: async (fx, a) => flagComment(a, { commentId: await fx.stakeholderComment(), reason: "Off topic here." }) },
  positionsAction: { allowed: signedIn, run: (fx, a) => setPositions(a, fx.draft.id, [{ section: "", value: "SUPPORT" }]) },
  followAction: { allowed: signedIn, run: (fx, a) => followDraft(a, fx.draft.id, true) },
  // Digests: the caller's own follow only (they follow first).
  followDeliveryAction: { allowed: signedIn, run: async (fx, a) => { await followDraft(a, fx.draft.id, true); await setFollowDelivery(a, { draftId: fx.draft.id, delivery: "DAILY" }); } },
  notificationSettingsAction: { allowed: signedIn, run: (_fx, a) => updateNotificationSettings(a, { notifyReplies: true, notifyVersions: true, notifyClosing: false }) },
  // Moderation (lib/moderation/actions.ts)
  moderateCommentAction: { allowed: orgModerators, run: async (fx, a) => moderateComment(a, { commentId: await fx.stakeholderComment(), action: "HIDE", reason: "Breaks the code of conduct." }) },
  suspendParticipantAction: { allowed: orgModerators, run: (fx, a) => setParticipantSuspension(a, { organisationId: fx.orgId, userId: fx.actors.otherOrg!.id, suspend: false, reason: "" }) },
  // Idempotent: lifting a suspension that is not there is allowed (and logs nothing) for moderators.
  liftSuspensionAction: { allowed: orgModerators, run: (fx, a) => liftSuspension(a, { organisationId: fx.orgId, userId: fx.actors.otherOrg!.id }) },
  // Drafts
  createDraftAction: { allowed: orgEditors, run: (fx, a) => createDraft(a, ZCreateDraftInput.parse({ organisationId: fx.orgId, title: "Another", abstract: "", language: "en", body: "# A\n\nText.\n" })) },
  updateDraftAction: { allowed: orgEditors, run: (fx, a) => updateDraft(a, { draftId: fx.privateDraft.id, title: "Matrix draft", abstract: "", language: "en", topics: "", authors: "", body: "# Scope\n\nThis applies.\n", changeNote: "", publish: false } as never) },
  openDraftAction: { allowed: orgEditors, run: (fx, a) => openDraft(a, ZOpenDraftInput.parse({ draftId: fx.draft.id, closesAt: "2099-01-01T00:00", timeZone: "UTC" })) },
  extendDraftAction: { allowed: orgEditors, run: (fx, a) => extendDraft(a, { draftId: fx.draft.id, closesAt: "2099-02-01T00:00", timeZone: "UTC", note: "More time." } as never) },
  transitionDraftAction: { allowed: orgEditors, run: async (fx, a) => transitionDraft(a, { draftId: (await fx.freshDraft()).id, to: "WITHDRAWN", note: "" } as never) },
  // Any organisation where they may draft: the other organisation's owner too.
  previewDraftAction: { allowed: ["editor", "owner", "admin", "otherOrg"], run: async (_fx, a) => previewDraft(a, { body: "# Scope\n\nText." }) },
  preModerationAction: { allowed: orgEditors, run: (fx, a) => setPreModeration(a, fx.draft.id, false) },
  // Open data (lib/discussion)
  openDataAction: { allowed: orgEditors, run: (fx, a) => setOpenData(a, { draftId: fx.draft.id, openData: false, dataLicence: null }) },
  // Summaries
  requestAnalysisAction: { allowed: summaryManagers, run: (fx, a) => requestAnalysis(a, fx.privateDraft.id) },
  renameThemeAction: { allowed: summaryManagers, run: (fx, a) => renameTheme(a, { themeId: fx.themeId, label: "Matrix theme" }) },
  mergeThemesAction: { allowed: summaryManagers, run: (fx, a) => mergeThemes(a, { themeId: "gone", intoThemeId: fx.themeId }) },
  splitThemeAction: { allowed: summaryManagers, run: (fx, a) => splitTheme(a, { themeId: fx.themeId, size: 999 }) },
  moveCommentAction: { allowed: summaryManagers, run: (fx, a) => moveComment(a, { commentId: fx.themedCommentId, themeId: fx.themeId }) },
  dispositionAction: { allowed: summaryManagers, run: (fx, a) => setDisposition(a, { draftId: fx.draft.id, themeId: fx.themeId, commentId: "", value: "NOTED", response: "", changedAt: "" }) },
  publishSummaryAction: { allowed: summaryManagers, run: (fx, a) => publishSummary(a, { draftId: fx.draft.id, runId: "none", note: "" }) },
  importPolisAction: { allowed: summaryManagers, run: (fx, a) => importPolis(a, { draftId: fx.privateDraft.id, commentsCsv: "", votesCsv: "" }) },
  // Surveys
  createSurveyAction: { allowed: orgEditors, run: (fx, a) => createSurvey(a, { organisationId: fx.orgId, title: "Another survey", draftReference: "", permanent: true }) },
  saveSurveyAction: { allowed: orgEditors, run: (fx, a) => saveSurvey(a, { surveyId: fx.survey.id, title: "Matrix survey", description: "", allowAnonymous: true, publicResults: false, demographics: [], definition: JSON.stringify(questions) }) },
  surveyStatusAction: { allowed: orgEditors, run: (fx, a) => setSurveyStatus(a, { surveyId: fx.survey.id, status: "OPEN" }) },
  reviewHeldAction: { allowed: ["moderator", "editor", "owner", "admin"], run: (fx, a) => decideHeldResponses(a, { surveyId: fx.survey.id, decision: "reject", responseId: "" }) },
  submitSurveyAction: {
    allowed: everyone,
    run: (fx, a) => submitResponse(a, { slug: fx.survey.slug, idempotencyKey: randomBytes(8).toString("hex"), answers: { q1: "yes" }, deviceToken: randomUUID(), clientAddress: null }),
  },
  // The language switcher stores the caller's own choice in their own cookie: nothing to authorise.
  setLocale: { allowed: everyone, run: async () => undefined },
  // Accounts (anyone may ask; the token or the email decides)
  registerAction: { allowed: everyone, run: () => registerUser({ email: `new-${randomBytes(4).toString("hex")}@example.org`, name: "New", password: "a long passphrase here", confirmPassword: "a long passphrase here" } as never, "en") },
  requestPasswordResetAction: { allowed: everyone, run: () => requestPasswordReset(`nobody-${randomBytes(4).toString("hex")}@example.org`, "en") },
  resetPasswordAction: { allowed: everyone, run: () => resetPassword("not-a-real-token-0123456789", "a long passphrase here") },
  confirmEmailAction: { allowed: everyone, run: () => verifyEmail("not-a-real-token-0123456789") },
  updateProfileAction: { allowed: signedIn, run: (_fx, a) => updateProfile(a, a?.id ?? "nobody", { name: "Renamed", stakeholderGroup: "ACADEMIA", country: "BR", affiliation: "", speaksForOrganisation: false } as never) },
  createApiTokenAction: { allowed: signedIn, run: (_fx, a) => createApiToken(a, "matrix") },
  revokeApiTokenAction: {
    allowed: signedIn,
    run: async (_fx, a) => {
      if (!a) return revokeApiToken(a, "none");
      const { id } = await createApiToken(a, "to revoke");
      return revokeApiToken(a, id);
    },
  },
  // Sessions and password (lib/auth/actions.ts): only the account's own.
  changePasswordAction: {
    allowed: signedIn,
    run: (_fx, a) =>
      changePassword(a ? { ...a, email: `${a.id}@matrix.invalid`, name: null, locale: null, sessionId: "none" } : null, {
        currentPassword: "not the current password",
        password: "a long passphrase here",
        confirmPassword: "a long passphrase here",
      }),
  },
  endSessionAction: {
    allowed: signedIn,
    run: async (_fx, a) => {
      if (!a) return endOwnSession(a, "none");
      return endOwnSession(a, await startSession(a.id, null));
    },
  },
  endAllSessionsAction: { allowed: signedIn, run: (_fx, a) => endAllOwnSessions(a) },
};
