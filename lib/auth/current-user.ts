import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/authz/permissions";
import { authOptions } from "./options";

export type CurrentUser = Actor & {
  email: string;
  name: string | null;
  locale: string | null;
};

/**
 * The signed-in user for this request, re-read from the database: a suspended user, or a session
 * issued before a password reset (sessionVersion bumped), counts as signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      isPlatformAdmin: true,
      suspendedAt: true,
      sessionVersion: true,
      memberships: { select: { organisationId: true, role: true } },
    },
  });
  if (!user || user.suspendedAt || user.sessionVersion !== (session.sv ?? 0)) return null;
  return user;
});
