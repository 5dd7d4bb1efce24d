"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/safe-action";
import { updateProfile } from "./profile";
import { ZProfileInput } from "./schemas";

export const updateProfileAction = formAction(ZProfileInput, { auth: "required" }, async (input, { user }) => {
  await updateProfile(user, user.id, input);
  revalidatePath("/profile");
  return { status: "success", values: undefined };
});
