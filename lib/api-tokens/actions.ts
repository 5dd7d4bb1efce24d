"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/safe-action";
import { createApiToken, revokeApiToken } from "./api-tokens";
import { ZCreateApiTokenInput, ZRevokeApiTokenInput } from "./schemas";

export const createApiTokenAction = formAction(ZCreateApiTokenInput, { auth: "required" }, async (input, { user }) => {
  const { token } = await createApiToken(user, input.name);
  revalidatePath("/profile");
  return { status: "success", message: "tokenCreated", data: { token }, values: undefined };
});

export const revokeApiTokenAction = formAction(ZRevokeApiTokenInput, { auth: "required" }, async (input, { user }) => {
  await revokeApiToken(user, input.tokenId);
  revalidatePath("/profile");
  return { status: "success", message: "tokenRevoked" };
});
