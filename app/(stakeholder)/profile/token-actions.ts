"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { formAction } from "@/lib/safe-action";

export const createApiTokenAction = formAction(
  z.object({ name: z.string().trim().min(1, { error: "required" }).max(80, { error: "tooLong80" }) }),
  { auth: "required" },
  async (input, { user }) => {
    const { token } = await createApiToken(user, input.name);
    revalidatePath("/profile");
    return { status: "success", message: "tokenCreated", data: { token }, values: undefined };
  },
);

export const revokeApiTokenAction = formAction(z.object({ tokenId: z.string().min(1) }), { auth: "required" }, async (input, { user }) => {
  await revokeApiToken(user, input.tokenId);
  revalidatePath("/profile");
  return { status: "success", message: "tokenRevoked" };
});
