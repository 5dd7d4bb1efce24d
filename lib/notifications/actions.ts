"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/safe-action";
import { followDraft, updateNotificationSettings } from "./preferences";
import { setFollowDelivery } from "./follow-delivery";
import { ZFollowDeliveryInput, ZFollowInput, ZNotificationSettingsInput } from "./schemas";

export const followAction = formAction(ZFollowInput, { auth: "required" }, async (input, { user }) => {
  await followDraft(user, input.draftId, input.follow === "1");
  revalidatePath("/drafts/[ref]", "layout");
  return { status: "success", message: input.follow === "1" ? "following" : "unfollowed" };
});

export const notificationSettingsAction = formAction(ZNotificationSettingsInput, { auth: "required" }, async (input, { user }) => {
  await updateNotificationSettings(user, input);
  revalidatePath("/notifications");
  return { status: "success", message: "settingsSaved", values: undefined };
});

/** Digests: immediate emails or a daily / weekly digest for one followed draft (own follows only). */
export const followDeliveryAction = formAction(ZFollowDeliveryInput, { auth: "required" }, async (input, { user }) => {
  await setFollowDelivery(user, input);
  revalidatePath("/drafts/[ref]", "layout");
  revalidatePath("/notifications");
  return { status: "success", message: "deliverySaved" };
});
