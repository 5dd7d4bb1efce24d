"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/safe-action";
import { castVote } from "./cast-vote";
import { createComment } from "./create-comment";
import { editComment, withdrawComment } from "./edit-comment";
import { flagComment } from "@/lib/moderation/moderate-comment";
import { ZCommentIdInput, ZCreateCommentInput, ZEditCommentInput, ZFlagInput, ZPositionsForm, ZVoteInput, positionsFromForm } from "./schemas";
import { setPositions } from "./set-position";
import { attachmentsFromForm } from "@/lib/attachments/form-files";

// Every participation form posts here; each use case checks the rules (signed in, not suspended,
// draft open, limits) itself, and the page re-renders with the new state.
const refresh = () => revalidatePath("/drafts/[ref]", "layout");

export const createCommentAction = formAction(ZCreateCommentInput, { auth: "required" }, async (input, { user, formData }) => {
  const files = await attachmentsFromForm(formData, user.id);
  if ("fieldErrors" in files) return { status: "error", fieldErrors: files.fieldErrors, values: files.values };
  const created = await createComment(user, input, files.ok);
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

/** The position form: "position" (overall) and "position:<section>" fields; empty clears. */
export const positionsAction = formAction(ZPositionsForm, { auth: "required" }, async (input, { user }) => {
  await setPositions(user, input.draftId, positionsFromForm(input));
  refresh();
  return { status: "success", message: "positionSaved" };
});
