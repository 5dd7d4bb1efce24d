"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { moderateComment, setParticipantSuspension } from "@/lib/moderation/moderate-comment";
import { formAction } from "@/lib/safe-action";

const refresh = () => {
  revalidatePath("/drafts/[ref]", "layout");
  revalidatePath("/organisations/[slug]", "layout");
};

export const moderateCommentAction = formAction(
  z.object({ commentId: z.string().min(1), action: z.enum(["APPROVE", "HIDE", "RESTORE", "DISMISS_FLAGS"]), reason: z.string().max(500, { error: "tooLong500" }).default("") }),
  { auth: "required" },
  async (input, { user }) => {
    await moderateComment(user, input);
    refresh();
    return { status: "success", message: `moderation.${input.action}`, values: undefined };
  },
);

export const suspendParticipantAction = formAction(
  z.object({ organisationId: z.string().min(1), userId: z.string().min(1), suspend: z.enum(["1", "0"]), reason: z.string().max(500, { error: "tooLong500" }).default("") }),
  { auth: "required" },
  async (input, { user }) => {
    await setParticipantSuspension(user, { ...input, suspend: input.suspend === "1" });
    refresh();
    return { status: "success", message: input.suspend === "1" ? "moderation.SUSPEND" : "moderation.UNSUSPEND", values: undefined };
  },
);
