import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { AuthTokenPurpose } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export const tokenLifetimeMs: Record<AuthTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 60 * 60 * 1000,
  RESET_PASSWORD: 60 * 60 * 1000,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Issues a single-use token; only its hash is stored, the raw value goes in the emailed link. */
export async function issueAuthToken(
  tx: Prisma.TransactionClient,
  userId: string,
  purpose: AuthTokenPurpose,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  // Older unused tokens for the same purpose stop working: only the newest link counts.
  await tx.authToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  await tx.authToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + tokenLifetimeMs[purpose]) },
  });
  return token;
}

export type ConsumeResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "expired" };

/** Marks a token used, atomically, so a link works exactly once. */
export async function consumeAuthToken(
  tx: Prisma.TransactionClient,
  token: string,
  purpose: AuthTokenPurpose,
): Promise<ConsumeResult> {
  const row = await tx.authToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== purpose || row.usedAt) return { ok: false, reason: "invalid" };
  if (row.expiresAt.getTime() < Date.now()) return { ok: false, reason: "expired" };
  const claimed = await tx.authToken.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) return { ok: false, reason: "invalid" };
  return { ok: true, userId: row.userId };
}
