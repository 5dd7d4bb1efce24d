"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { clientAddress } from "@/lib/http/client-address";
import { formAction } from "@/lib/safe-action";
import { changePassword } from "./change-password";
import { registerUser } from "./register-user";
import { requestPasswordReset, resetPassword } from "./reset-password";
import { ZChangePasswordInput, ZConfirmEmailInput, ZEndAllSessionsInput, ZEndSessionInput, ZRegisterInput, ZRequestPasswordResetInput, ZResetPasswordInput } from "./schemas";
import { endAllOwnSessions, endOwnSession } from "./sessions";
import { verifyEmail } from "./verify-email";

async function requestAddress(): Promise<string | null> {
  return clientAddress(await headers());
}

// The session cookie of a browser whose session was just ended here; the server already refuses it.
async function dropSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) if (jar.has(name)) jar.delete(name);
}

export const registerAction = formAction(ZRegisterInput, { auth: "optional" }, async (input) => {
  await registerUser(input, await getLocale(), await requestAddress());
});

export const requestPasswordResetAction = formAction(ZRequestPasswordResetInput, { auth: "optional" }, async (input) => {
  await requestPasswordReset(input.email, await getLocale(), await requestAddress());
});

export const resetPasswordAction = formAction(ZResetPasswordInput, { auth: "optional" }, async (input) => {
  const result = await resetPassword(input.token, input.password);
  return result === "reset" ? { status: "success" } : { status: "error", formError: result };
});

/** Idempotent from the user's side: a second press finds the token used and says so. */
export async function confirmEmailAction(formData: FormData): Promise<void> {
  const parsed = ZConfirmEmailInput.safeParse({ token: formData.get("token") });
  const result = parsed.success ? await verifyEmail(parsed.data.token) : "invalid";
  redirect(result === "verified" ? "/signin?verified=1" : `/verify-email?error=${result}`);
}

/** Profile: new password; every other session of the account ends. */
export const changePasswordAction = formAction(ZChangePasswordInput, { auth: "required" }, async (input, { user }) => {
  await changePassword(user, input, await requestAddress());
  revalidatePath("/profile");
  return { status: "success", message: "passwordChanged", values: undefined };
});

/** Profile: "Sign out" on one session. Ending this browser's own session signs it out here too. */
export const endSessionAction = formAction(ZEndSessionInput, { auth: "required" }, async (input, { user }) => {
  await endOwnSession(user, input.sessionId);
  if (input.sessionId === user.sessionId) {
    await dropSessionCookie();
    redirect("/signin?signedOut=1");
  }
  revalidatePath("/profile");
  return { status: "success", message: "sessionEnded" };
});

/** Profile: "Sign out everywhere", this browser included. */
export const endAllSessionsAction = formAction(ZEndAllSessionsInput, { auth: "required" }, async (_input, { user }) => {
  await endAllOwnSessions(user);
  await dropSessionCookie();
  redirect("/signin?signedOut=1");
});
