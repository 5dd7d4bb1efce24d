import "server-only";
import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/authz/permissions";
import { hashToken } from "@/lib/auth/tokens";
import { getCurrentUser } from "@/lib/auth/current-user";
import { prisma } from "@/lib/db/client";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";

/** Personal API tokens: shown once at creation, stored as a hash, revocable. */
export async function createApiToken(actor: Actor | null, name: string): Promise<{ id: string; token: string }> {
  if (!actor) throw new UnauthenticatedError();
  const token = `prl_${randomBytes(24).toString("base64url")}`;
  const row = await prisma.apiToken.create({ data: { userId: actor.id, name, tokenHash: hashToken(token) }, select: { id: true } });
  return { id: row.id, token };
}

export async function revokeApiToken(actor: Actor | null, tokenId: string) {
  if (!actor) throw new UnauthenticatedError();
  const updated = await prisma.apiToken.updateMany({ where: { id: tokenId, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (updated.count === 0) throw new NotFoundError();
}

export async function listApiTokens(userId: string) {
  return prisma.apiToken.findMany({ where: { userId, revokedAt: null }, select: { id: true, name: true, createdAt: true, lastUsedAt: true }, orderBy: { createdAt: "desc" }, take: 50 });
}

/**
 * Who is calling the public API: a personal token in `Authorization: Bearer`, or else the session
 * cookie. A suspended user, or a revoked or unknown token, is nobody.
 */
export async function apiActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!bearer) {
    // No session cookie at all: an anonymous caller, without the cost of decoding a session.
    if (!/(?:^|;\s*)(?:__Secure-)?next-auth\.session-token/.test(request.headers.get("cookie") ?? "")) return null;
    return getCurrentUser();
  }
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(bearer) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, isPlatformAdmin: true, suspendedAt: true, memberships: { select: { organisationId: true, role: true } } } } },
  });
  if (!row || row.revokedAt || row.user.suspendedAt) return null;
  // Record use at most once a minute per token.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return row.user;
}
