"use server";

import { revalidatePath } from "next/cache";
import { updateProfile } from "@/lib/users/profile";
import { ZProfileInput } from "@/lib/users/schemas";
import { formAction } from "@/lib/safe-action";

export const updateProfileAction = formAction(ZProfileInput, { auth: "required" }, async (input, { user }) => {
  await updateProfile(user, user.id, input);
  revalidatePath("/profile");
  return { status: "success", values: undefined };
});
