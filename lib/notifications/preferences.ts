import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { canReadDraft, isFollowable } from "@/lib/drafts/visibility";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

/**
 * Follow (email on new versions and before closing) or stop following a draft.
 *
 * @throws UnauthenticatedError; NotFoundError when the actor may not read the draft;
 * ConflictError("notFollowable") when following a draft that is private, closed, final or withdrawn.
 */
export async function followDraft(actor: Actor | null, draftId: string, follow: boolean) {
  if (!actor) throw new UnauthenticatedError();
  const draft = await prisma.draft.findUnique({ where: { id: draftId }, select: { id: true, status: true, closesAt: true, organisationId: true } });
  if (!draft || !canReadDraft(actor, draft)) throw new NotFoundError();
  // Following is for drafts that will still change or open: not a private working copy, not a closed,
  // final or withdrawn one. Stopping is always possible.
  if (follow && !isFollowable(draft)) throw new ConflictError("notFollowable");
  if (follow) {
    await prisma.draftFollow.upsert({ where: { draftId_userId: { draftId, userId: actor.id } }, create: { draftId, userId: actor.id }, update: {} });
  } else {
    await prisma.draftFollow.deleteMany({ where: { draftId, userId: actor.id } });
  }
}

export async function isFollowing(draftId: string, actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  return (await prisma.draftFollow.count({ where: { draftId, userId: actor.id } })) > 0;
}

export type NotificationSettings = { notifyReplies: boolean; notifyVersions: boolean; notifyClosing: boolean };

export async function getNotificationSettings(userId: string) {
  return prisma.user.findUnique({ where: { id: userId }, select: { notifyReplies: true, notifyVersions: true, notifyClosing: true, follows: { select: { delivery: true, draft: { select: { id: true, reference: true, title: true } } }, take: 200 } } });
}

export async function updateNotificationSettings(actor: Actor | null, settings: NotificationSettings) {
  if (!actor) throw new UnauthenticatedError();
  await prisma.user.update({ where: { id: actor.id }, data: settings });
}

/** One-click unsubscribe from an email link: turns every notification email off. */
export async function unsubscribeWithToken(userId: string, token: string): Promise<boolean> {
  if (!verifyUnsubscribeToken(userId, token)) return false;
  const updated = await prisma.user.updateMany({ where: { id: userId }, data: { notifyReplies: false, notifyVersions: false, notifyClosing: false } });
  return updated.count === 1;
}
