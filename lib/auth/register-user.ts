import "server-only";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { sendAuthEmail } from "@/lib/mail/auth-emails";
import { consumeAuthMail, consumeRegistration } from "./rate-limit";
import { hashPassword } from "./password";
import type { TRegisterInput } from "./schemas";
import { issueAuthToken } from "./tokens";

export function appUrl(path: string): string {
  return new URL(path, env.NEXTAUTH_URL ?? "http://localhost:3000").toString();
}

/**
 * Creates an unverified account and emails a verification link. Safe to retry: a second
 * registration for an unverified email re-sends the link; for a verified account it sends nothing,
 * and the response is the same either way so it does not reveal who has an account.
 * @throws RateLimitedError past the registrations-per-address or emails-per-recipient/address limit.
 */
export async function registerUser(input: TRegisterInput, locale: string, address: string | null = null): Promise<void> {
  await consumeRegistration(address);
  await consumeAuthMail("register", input.email, address);
  const passwordHash = await hashPassword(input.password);
  const token = await prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, emailVerified: true } });
    if (existing?.emailVerified) return null;
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { name: input.name, passwordHash, locale } })
      : await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, locale } });
    return issueAuthToken(tx, user.id, "VERIFY_EMAIL");
  });
  if (token) await sendAuthEmail("verifyEmail", input.email, appUrl(`/verify-email?token=${token}`), locale);
}
