import "server-only";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { Actor } from "@/lib/authz/permissions";
import { summariseUserAgent } from "./user-agent";

/**
 * Server-side sessions. next-auth keeps its JWT cookie (credentials sign-in needs it), but the JWT
 * only carries a UserSession id; lib/auth/current-user.ts refuses a cookie whose row is revoked,
 * missing or idle past SESSION_MAX_AGE_SECONDS, so signing out (here or from another device),
 * a password change or reset, and a suspension end the session on the server at once.
 */

type Db = Prisma.TransactionClient | typeof prisma;

/** lastSeenAt is written at most this often per session (milliseconds). */
export const lastSeenResolutionMs = 60_000;

/** Records a new signed-in browser. @returns the UserSession id to embed in the JWT. */
export async function startSession(userId: string, userAgentHeader: string | null): Promise<string> {
  const row = await prisma.userSession.create({ data: { userId, userAgent: summariseUserAgent(userAgentHeader) }, select: { id: true } });
  return row.id;
}

/** Ends one session by id (sign-out). Idempotent: ending an ended session changes nothing. */
export async function endSession(sessionId: string): Promise<void> {
  await prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Ends every session of a user, optionally keeping one (the browser that changed the password).
 * @param db a transaction client, so the end happens with the change that caused it.
 * @returns how many sessions were ended.
 */
export async function endAllSessions(userId: string, options: { except?: string; db?: Db } = {}): Promise<number> {
  const db = options.db ?? prisma;
  const result = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(options.except ? { id: { not: options.except } } : {}) },
    data: { revokedAt: new Date() },
  });
  return result.count;
}

/**
 * "Sign out" on one row of the profile's sessions list: only the actor's own sessions.
 * @throws UnauthenticatedError, NotFoundError (not the actor's, or already ended).
 */
export async function endOwnSession(actor: Actor | null, sessionId: string): Promise<void> {
  if (!actor) throw new UnauthenticatedError();
  const result = await prisma.userSession.updateMany({ where: { id: sessionId, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (result.count === 0) throw new NotFoundError();
}

export type ActiveSession = { id: string; userAgent: string | null; createdAt: Date; lastSeenAt: Date };

/** The user's sessions still in force, most recently seen first (at most 50). */
export async function listActiveSessions(userId: string): Promise<ActiveSession[]> {
  return prisma.userSession.findMany({
    where: { userId, revokedAt: null, lastSeenAt: { gte: new Date(Date.now() - env.SESSION_MAX_AGE_SECONDS * 1000) } },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
  });
}

/** Moves lastSeenAt forward when the stored one is older than a minute. */
export async function touchSession(sessionId: string, lastSeenAt: Date): Promise<void> {
  if (Date.now() - lastSeenAt.getTime() < lastSeenResolutionMs) return;
  await prisma.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: new Date() } });
}

/** "Sign out everywhere": ends every session of the actor's account, this one included. @throws UnauthenticatedError */
export async function endAllOwnSessions(actor: Actor | null): Promise<number> {
  if (!actor) throw new UnauthenticatedError();
  return endAllSessions(actor.id);
}
