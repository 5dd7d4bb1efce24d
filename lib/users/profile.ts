import "server-only";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import type { TProfileInput } from "./schemas";

/** The profile page's data; `hasPassword` says whether the account has a password (never the hash). */
export async function getProfile(userId: string) {
  const row = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      passwordHash: true,
      id: true,
      email: true,
      name: true,
      stakeholderGroup: true,
      country: true,
      affiliation: true,
      speaksForOrganisation: true,
      memberships: {
        select: { role: true, organisation: { select: { slug: true, name: true } } },
        orderBy: { organisation: { name: "asc" } },
      },
    },
  });
  if (!row) return null;
  const { passwordHash, ...profile } = row;
  return { ...profile, hasPassword: passwordHash !== null };
}

/** Idempotent: saving the same profile twice leaves the same row. */
export async function updateProfile(actor: Actor | null, userId: string, input: TProfileInput): Promise<void> {
  assertCan(actor, "profile.edit", { userId });
  await prisma.user.update({
    where: { id: userId },
    data: {
      name: input.name,
      stakeholderGroup: input.stakeholderGroup,
      country: input.country,
      affiliation: input.affiliation,
      speaksForOrganisation: input.speaksForOrganisation,
    },
  });
}
