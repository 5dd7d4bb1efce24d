import "server-only";
import { endAllSessions } from "@/lib/auth/sessions";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";

/**
 * Platform suspension: the account can no longer sign in or take part, and every session it has
 * is ended in the same transaction (lifting the suspension later does not bring them back).
 * Idempotent: suspending a suspended account keeps the first date and reason.
 *
 * @throws ForbiddenError unless the actor may "user.suspend" (platform admins); NotFoundError.
 */
export async function suspendUser(actor: Actor | null, userId: string, reason: string | null): Promise<void> {
  assertCan(actor, "user.suspend", { userId });
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { suspendedAt: true } });
    if (!user) throw new NotFoundError();
    if (!user.suspendedAt) {
      await tx.user.update({ where: { id: userId }, data: { suspendedAt: new Date(), suspendedReason: reason, sessionVersion: { increment: 1 } } });
    }
    await endAllSessions(userId, { db: tx });
  });
}
