import "server-only";
import { prisma } from "@/lib/db/client";
import { FieldError, UnauthenticatedError } from "@/lib/errors";
import type { CurrentUser } from "./current-user";
import { hashPassword, verifyPassword } from "./password";
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from "./rate-limit";
import type { TChangePasswordInput } from "./schemas";
import { endAllSessions } from "./sessions";

/**
 * Sets a new password for the signed-in user and ends every other session of the account (this
 * browser stays signed in), in one transaction. A wrong current password counts as a failed
 * sign-in, so this form cannot be used to guess passwords past the sign-in limit.
 *
 * @returns how many other sessions were ended.
 * @throws UnauthenticatedError; FieldError("currentPassword", "currentPasswordWrong");
 *   RateLimitedError when the account's failed attempts are used up.
 */
export async function changePassword(actor: CurrentUser | null, input: TChangePasswordInput, address: string | null = null): Promise<number> {
  if (!actor) throw new UnauthenticatedError();
  await assertSignInAllowed(actor.email, address);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordFailedSignIn(actor.email, address);
    throw new FieldError("currentPassword", "currentPasswordWrong");
  }
  const passwordHash = await hashPassword(input.password);
  const ended = await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    return endAllSessions(actor.id, { except: actor.sessionId, db: tx });
  });
  await clearFailedSignIns(actor.email);
  return ended;
}
