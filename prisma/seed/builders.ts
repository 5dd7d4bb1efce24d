// Seed builders shared by the demo seed and the e2e fixtures. Each is idempotent (upsert on a
// natural key), so running the seed twice leaves the same data.
import { hashPassword } from "../../lib/auth/password";
import type { DraftStatus, OrgRole, PrismaClient, StakeholderGroup } from "../../lib/generated/prisma/client";

export type SeedUser = {
  email: string;
  name: string;
  password?: string;
  verified?: boolean;
  stakeholderGroup?: StakeholderGroup;
  country?: string;
  affiliation?: string;
  isPlatformAdmin?: boolean;
  suspended?: boolean;
};

export async function seedUser(db: PrismaClient, user: SeedUser) {
  const data = {
    name: user.name,
    passwordHash: user.password ? await hashPassword(user.password) : null,
    emailVerified: user.verified === false ? null : new Date(),
    stakeholderGroup: user.stakeholderGroup ?? null,
    country: user.country ?? null,
    affiliation: user.affiliation ?? null,
    isPlatformAdmin: user.isPlatformAdmin ?? false,
    suspendedAt: user.suspended ? new Date() : null,
  };
  return db.user.upsert({ where: { email: user.email.toLowerCase() }, create: { email: user.email.toLowerCase(), ...data }, update: data });
}

export type SeedOrganisation = { slug: string; name: string; description: string; referencePrefix: string; website?: string };

export async function seedOrganisation(db: PrismaClient, org: SeedOrganisation) {
  return db.organisation.upsert({ where: { slug: org.slug }, create: org, update: org });
}

export async function seedMembership(db: PrismaClient, organisationId: string, userId: string, role: OrgRole) {
  return db.membership.upsert({
    where: { organisationId_userId: { organisationId, userId } },
    create: { organisationId, userId, role },
    update: { role },
  });
}

export type SeedDraft = {
  organisationId: string;
  reference: string;
  title: string;
  abstract: string;
  status: DraftStatus;
  language?: string;
  opensAt?: Date | null;
  closesAt?: Date | null;
  topics?: string[];
  authors?: string[];
  body?: string;
  timeZone?: string;
};

export async function seedDraft(db: PrismaClient, draft: SeedDraft) {
  return db.draft.upsert({ where: { reference: draft.reference }, create: draft, update: draft, select: { id: true, reference: true } });
}
