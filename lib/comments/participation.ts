import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { canReadDraft, isOpenForComment } from "@/lib/drafts/visibility";
import { AppError, ConflictError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type ParticipationDraft = {
  id: string;
  organisationId: string;
  status: Parameters<typeof isOpenForComment>[0]["status"];
  closesAt: Date | null;
  currentVersion: number | null;
  preModeration: boolean;
};

/** Loads a draft for commenting or voting; a draft the actor may not read does not exist. */
export async function loadDraftForParticipation(tx: Prisma.TransactionClient, draftId: string, actor: Actor | null): Promise<ParticipationDraft> {
  const draft = await tx.draft.findUnique({
    where: { id: draftId },
    select: { id: true, organisationId: true, status: true, closesAt: true, currentVersion: true, preModeration: true },
  });
  if (!draft || !canReadDraft(actor, draft)) throw new NotFoundError();
  return draft;
}

/**
 * The rules for taking part: signed in, not suspended (by the platform, or by this organisation's
 * moderators), and the draft open for comment. Returns the actor, known to be signed in.
 */
export async function assertCanParticipate(tx: Prisma.TransactionClient, actor: Actor | null, draft: ParticipationDraft, now = new Date()): Promise<Actor> {
  const participant = await assertNotSuspended(tx, actor, draft.organisationId);
  if (!isOpenForComment(draft, now)) throw new ConflictError("draftNotOpen");
  return participant;
}

/**
 * Every participation verb in an organisation's consultations (comment, reply, edit, withdraw,
 * vote, position, flag, survey answer) first passes here: signed in, not suspended by the platform,
 * not suspended by this organisation's moderators.
 *
 * @throws UnauthenticatedError (401); AppError("suspended" | "bannedFromOrganisation") (403).
 */
export async function assertNotSuspended(tx: Prisma.TransactionClient, actor: Actor | null, organisationId: string): Promise<Actor> {
  if (!actor) throw new UnauthenticatedError();
  if (actor.suspendedAt) throw new AppError("suspended");
  const ban = await tx.organisationBan.findUnique({ where: { organisationId_userId: { organisationId, userId: actor.id } }, select: { userId: true } });
  if (ban) throw new AppError("bannedFromOrganisation");
  return actor;
}

/**
 * Whether the reader may not take part in this organisation's consultations (platform suspension or
 * the organisation's own), so pages show a notice instead of the forms. A read, for display only:
 * every verb checks `assertNotSuspended` itself.
 *
 * @returns "suspended" (platform), "banned" (this organisation), or null (may take part, or signed out).
 */
export async function participationBlock(actor: Actor | null, organisationId: string): Promise<"suspended" | "banned" | null> {
  if (!actor) return null;
  if (actor.suspendedAt) return "suspended";
  const ban = await prisma.organisationBan.findUnique({ where: { organisationId_userId: { organisationId, userId: actor.id } }, select: { userId: true } });
  return ban ? "banned" : null;
}
