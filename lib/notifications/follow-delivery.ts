import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { FollowDelivery, TFollowDeliveryInput } from "./schemas";
import { verifyUnfollowToken } from "./unsubscribe-token";

/**
 * Digests: a follower chooses immediate emails or a daily / weekly digest for one draft they
 * follow. Only the actor's own follow is changed (the update is scoped to their user id).
 * Pending digest items stay and go out with the next digest (or at once when switching to immediate).
 * @throws UnauthenticatedError; NotFoundError when the actor does not follow the draft
 */
export async function setFollowDelivery(actor: Actor | null, input: TFollowDeliveryInput): Promise<void> {
  if (!actor) throw new UnauthenticatedError();
  const updated = await prisma.draftFollow.updateMany({ where: { draftId: input.draftId, userId: actor.id }, data: { delivery: input.delivery } });
  if (updated.count === 0) throw new NotFoundError();
}

/** The actor's delivery choice for the draft, or null when they do not follow it. */
export async function getFollowDelivery(draftId: string, actor: Actor | null): Promise<FollowDelivery | null> {
  if (!actor) return null;
  const follow = await prisma.draftFollow.findUnique({ where: { draftId_userId: { draftId, userId: actor.id } }, select: { delivery: true } });
  return follow?.delivery ?? null;
}

/**
 * The one-click link in a digest email: stops following that draft (its pending digest items go
 * with the follow). No sign-in needed; the token is bound to the user and the draft.
 * @returns false when the token is wrong; true otherwise (also when already unfollowed)
 */
export async function unfollowWithToken(userId: string, draftId: string, token: string): Promise<boolean> {
  if (!verifyUnfollowToken(userId, draftId, token)) return false;
  await prisma.draftFollow.deleteMany({ where: { draftId, userId } });
  return true;
}
