import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/authz/permissions";
import { authOptions } from "./options";
import { touchSession } from "./sessions";

export type CurrentUser = Actor & {
  email: string;
  name: string | null;
  locale: string | null;
  /** The UserSession behind this request's cookie. */
  sessionId: string;
};

/**
 * The signed-in user for this request. The session cookie names a UserSession row; that row and
 * its user are read in one query, and a revoked, missing or idle-expired session, or a suspended
 * user, counts as signed out (pages, server actions and the API all come through here).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const sessionId = session?.sid;
  const userId = session?.user?.id;
  if (!sessionId || !userId) return null;
  const row = await prisma.userSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      revokedAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          locale: true,
          isPlatformAdmin: true,
          suspendedAt: true,
          memberships: { select: { organisationId: true, role: true } },
        },
      },
    },
  });
  if (!row || row.revokedAt || row.userId !== userId || row.user.suspendedAt) return null;
  if (Date.now() - row.lastSeenAt.getTime() > env.SESSION_MAX_AGE_SECONDS * 1000) return null;
  await touchSession(sessionId, row.lastSeenAt);
  return { ...row.user, sessionId };
});
