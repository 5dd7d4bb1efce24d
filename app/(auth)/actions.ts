"use server";

import { getLocale } from "next-intl/server";
import { registerUser } from "@/lib/auth/register-user";
import { requestPasswordReset, resetPassword } from "@/lib/auth/reset-password";
import { ZRegisterInput, ZRequestPasswordResetInput, ZResetPasswordInput } from "@/lib/auth/schemas";
import { formAction } from "@/lib/safe-action";

export const registerAction = formAction(ZRegisterInput, { auth: "optional" }, async (input) => {
  await registerUser(input, await getLocale());
});

export const requestPasswordResetAction = formAction(ZRequestPasswordResetInput, { auth: "optional" }, async (input) => {
  await requestPasswordReset(input.email, await getLocale());
});

export const resetPasswordAction = formAction(ZResetPasswordInput, { auth: "optional" }, async (input) => {
  const result = await resetPassword(input.token, input.password);
  return result === "reset" ? { status: "success" } : { status: "error", formError: result };
});
