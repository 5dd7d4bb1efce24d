import "server-only";
import { prisma } from "@/lib/db/client";
import { consumeAuthToken } from "./tokens";

export type VerifyResult = "verified" | "invalid" | "expired";

export async function verifyEmail(token: string): Promise<VerifyResult> {
  return prisma.$transaction(async (tx) => {
    const result = await consumeAuthToken(tx, token, "VERIFY_EMAIL");
    if (!result.ok) return result.reason;
    await tx.user.update({ where: { id: result.userId }, data: { emailVerified: new Date() } });
    return "verified";
  });
}
