"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { castVote } from "@/lib/comments/cast-vote";
import { createComment } from "@/lib/comments/create-comment";
import { editComment, withdrawComment } from "@/lib/comments/edit-comment";
import { ZCommentIdInput, ZCreateCommentInput, ZEditCommentInput, ZFlagInput, ZVoteInput, positionValues } from "@/lib/comments/schemas";
import { setPositions } from "@/lib/comments/set-position";
import { flagComment } from "@/lib/moderation/moderate-comment";
import { followDraft, updateNotificationSettings } from "@/lib/notifications/preferences";
import { formAction } from "@/lib/safe-action";

// Every participation form posts here; each use case checks the rules (signed in, not suspended,
// draft open) itself, and the page re-renders with the new state.
const refresh = () => revalidatePath("/drafts/[ref]", "layout");

export const createCommentAction = formAction(ZCreateCommentInput, { auth: "required" }, async (input, { user }) => {
  const created = await createComment(user, input);
  refresh();
  return { status: "success", message: created.status === "PENDING" ? "commentPending" : input.parentId ? "replyPosted" : "commentPosted", values: undefined };
});

export const editCommentAction = formAction(ZEditCommentInput, { auth: "required" }, async (input, { user }) => {
  await editComment(user, input);
  refresh();
  return { status: "success", message: "commentEdited", values: undefined };
});

export const withdrawCommentAction = formAction(ZCommentIdInput, { auth: "required" }, async (input, { user }) => {
  await withdrawComment(user, input.commentId);
  refresh();
  return { status: "success", message: "commentWithdrawn" };
});

export const voteAction = formAction(ZVoteInput, { auth: "required" }, async (input, { user }) => {
  await castVote(user, input);
  refresh();
  return { status: "success", message: "voteRecorded" };
});

export const flagCommentAction = formAction(ZFlagInput, { auth: "required" }, async (input, { user }) => {
  await flagComment(user, input);
  refresh();
  return { status: "success", message: "flagRecorded", values: undefined };
});

const ZPositionsForm = z.object({ draftId: z.string().min(1) }).catchall(z.string());

/** The position form: "position" (overall) and "position:<section>" fields; empty clears. */
export const positionsAction = formAction(ZPositionsForm, { auth: "required" }, async (input, { user }) => {
  const entries = Object.entries(input).filter(([k]) => k === "position" || k.startsWith("position:"));
  const positions = entries.map(([k, v]) => ({
    section: k === "position" ? "" : k.slice("position:".length),
    value: (positionValues as readonly string[]).includes(v) ? (v as (typeof positionValues)[number]) : null,
  }));
  await setPositions(user, input.draftId, positions.filter((p) => /^(?:[0-9]+(?:\.[0-9]+)*)?$/.test(p.section)));
  refresh();
  return { status: "success", message: "positionSaved" };
});

export const followAction = formAction(z.object({ draftId: z.string().min(1), follow: z.enum(["1", "0"]) }), { auth: "required" }, async (input, { user }) => {
  await followDraft(user, input.draftId, input.follow === "1");
  refresh();
  return { status: "success", message: input.follow === "1" ? "following" : "unfollowed" };
});

const flag = z.union([z.literal("on"), z.literal("")]).optional().transform((v) => v === "on");
export const notificationSettingsAction = formAction(
  z.object({ notifyReplies: flag, notifyVersions: flag, notifyClosing: flag }),
  { auth: "required" },
  async (input, { user }) => {
    await updateNotificationSettings(user, input);
    revalidatePath("/notifications");
    return { status: "success", message: "settingsSaved", values: undefined };
  },
);
