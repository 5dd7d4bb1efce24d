"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/safe-action";
import { liftSuspension, moderateComment, setParticipantSuspension } from "./moderate-comment";
import { ZLiftSuspensionInput, ZModerateCommentInput, ZSuspendParticipantInput } from "./schemas";

const refresh = () => {
  revalidatePath("/drafts/[ref]", "layout");
  revalidatePath("/organisations/[slug]", "layout");
};

export const moderateCommentAction = formAction(ZModerateCommentInput, { auth: "required" }, async (input, { user }) => {
  await moderateComment(user, input);
  refresh();
  return { status: "success", message: `moderation.${input.action}`, values: undefined };
});

export const suspendParticipantAction = formAction(ZSuspendParticipantInput, { auth: "required" }, async (input, { user }) => {
  await setParticipantSuspension(user, { ...input, suspend: input.suspend === "1" });
  refresh();
  return { status: "success", message: input.suspend === "1" ? "moderation.SUSPEND" : "moderation.UNSUSPEND", values: undefined };
});

/** "Lift the suspension" on the suspended participants' list and in the queue (idempotent). */
export const liftSuspensionAction = formAction(ZLiftSuspensionInput, { auth: "required" }, async (input, { user }) => {
  await liftSuspension(user, input);
  refresh();
  return { status: "success", message: "moderation.UNSUSPEND", values: undefined };
});
