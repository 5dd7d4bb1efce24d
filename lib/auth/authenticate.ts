import "server-only";
import { prisma } from "@/lib/db/client";
import { RateLimitedError } from "@/lib/errors";
import { burnPasswordCheck, verifyPassword } from "./password";
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from "./rate-limit";

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; error: "invalidCredentials" | "emailNotVerified" | "suspended" | "rateLimited" };

/**
 * Email + password check. Failures are limited per account and per client address (so spraying one
 * password across many accounts from one address is limited too).
 * @param address the client's address from lib/http/client-address (null: no per-address limit).
 */
export async function authenticateWithPassword(email: string, password: string, address: string | null = null): Promise<AuthenticateResult> {
  try {
    await assertSignInAllowed(email, address);
  } catch (error) {
    if (error instanceof RateLimitedError) return { ok: false, error: "rateLimited" };
    throw error;
  }
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, emailVerified: true, suspendedAt: true },
  });
  if (!user?.passwordHash) {
    await burnPasswordCheck(password);
    await recordFailedSignIn(email, address);
    return { ok: false, error: "invalidCredentials" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailedSignIn(email, address);
    return { ok: false, error: "invalidCredentials" };
  }
  if (user.suspendedAt) return { ok: false, error: "suspended" };
  if (!user.emailVerified) return { ok: false, error: "emailNotVerified" };
  await clearFailedSignIns(email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
