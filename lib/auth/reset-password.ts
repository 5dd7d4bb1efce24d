import "server-only";
import { prisma } from "@/lib/db/client";
import { sendAuthEmail } from "@/lib/mail/auth-emails";
import { hashPassword } from "./password";
import { clearFailedSignIns, consumeAuthMail } from "./rate-limit";
import { appUrl } from "./register-user";
import { endAllSessions } from "./sessions";
import { consumeAuthToken, issueAuthToken } from "./tokens";

/**
 * Emails a reset link if the account exists; answers the same way if it does not.
 * @throws RateLimitedError past the emails-per-recipient or per-address limit.
 */
export async function requestPasswordReset(email: string, locale: string, address: string | null = null): Promise<void> {
  await consumeAuthMail("reset", email, address);
  const issued = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, locale: true, suspendedAt: true } });
    if (!user || user.suspendedAt) return null;
    return { token: await issueAuthToken(tx, user.id, "RESET_PASSWORD"), locale: user.locale ?? locale };
  });
  if (issued) await sendAuthEmail("resetPassword", email, appUrl(`/reset-password?token=${issued.token}`), issued.locale);
}

export type ResetResult = "reset" | "invalid" | "expired";

/**
 * Sets the new password, marks the email verified (the link proved ownership) and ends every
 * existing session of the account, in one transaction.
 */
export async function resetPassword(token: string, password: string): Promise<ResetResult> {
  const passwordHash = await hashPassword(password);
  const outcome = await prisma.$transaction(async (tx) => {
    const result = await consumeAuthToken(tx, token, "RESET_PASSWORD");
    if (!result.ok) return { result: result.reason } as const;
    const user = await tx.user.update({
      where: { id: result.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, emailVerified: new Date() },
      select: { email: true, emailVerified: true },
    });
    await endAllSessions(result.userId, { db: tx });
    return { result: "reset", email: user.email } as const;
  });
  if (outcome.result === "reset") await clearFailedSignIns(outcome.email);
  return outcome.result;
}
