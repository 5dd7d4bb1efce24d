"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { verifyEmail } from "@/lib/auth/verify-email";

const ZConfirmEmailInput = z.object({ token: z.string().min(20).max(200) });

/** Idempotent from the user's side: a second press finds the token used and says so. */
export async function confirmEmailAction(formData: FormData): Promise<void> {
  const parsed = ZConfirmEmailInput.safeParse({ token: formData.get("token") });
  const result = parsed.success ? await verifyEmail(parsed.data.token) : "invalid";
  redirect(result === "verified" ? "/signin?verified=1" : `/verify-email?error=${result}`);
}
