// The demo content `npm start` shows on a fresh embedded database. Written by the Parley team.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { seedDraft, seedMembership, seedOrganisation, seedUser } from "./builders";

export const demoPassword = "parley-demo-2026";

export const demoAccounts = {
  admin: "admin@parley.example",
  owner: "owner@parley.example",
  editor: "editor@parley.example",
  moderator: "moderator@parley.example",
  stakeholder: "stakeholder@parley.example",
} as const;

const day = 24 * 60 * 60 * 1000;

export async function seedDemo(db: PrismaClient): Promise<void> {
  // Demo content is only created once; a person's later edits to it are left alone.
  if (await db.organisation.findUnique({ where: { slug: "global-digital-policy-forum" }, select: { id: true } })) return;

  const forum = await seedOrganisation(db, {
    slug: "global-digital-policy-forum",
    name: "Global Digital Policy Forum",
    description:
      "An intergovernmental forum that drafts voluntary guidance on digital public infrastructure, data governance and online participation.",
    referencePrefix: "GDPF-RFC",
    website: "https://parley.example/gdpf",
  });
  const institute = await seedOrganisation(db, {
    slug: "open-standards-institute",
    name: "Open Standards Institute",
    description: "A standards body for interoperable public-sector data formats.",
    referencePrefix: "OSI-RFC",
  });

  const [admin, owner, editor, moderator] = await Promise.all([
    seedUser(db, { email: demoAccounts.admin, name: "Platform Administrator", password: demoPassword, isPlatformAdmin: true, stakeholderGroup: "TECHNICAL_COMMUNITY" }),
    seedUser(db, { email: demoAccounts.owner, name: "Amina Diallo", password: demoPassword, stakeholderGroup: "INTERGOVERNMENTAL", country: "SN", affiliation: "Global Digital Policy Forum" }),
    seedUser(db, { email: demoAccounts.editor, name: "Lucas Moreau", password: demoPassword, stakeholderGroup: "INTERGOVERNMENTAL", country: "FR", affiliation: "Global Digital Policy Forum" }),
    seedUser(db, { email: demoAccounts.moderator, name: "Mei Chen", password: demoPassword, stakeholderGroup: "INTERGOVERNMENTAL", country: "SG", affiliation: "Global Digital Policy Forum" }),
    seedUser(db, { email: demoAccounts.stakeholder, name: "Carlos Ruiz", password: demoPassword, stakeholderGroup: "CIVIL_SOCIETY", country: "MX", affiliation: "Red por la Participación Digital" }),
  ]);
  void admin;
  await seedMembership(db, forum.id, owner.id, "OWNER");
  await seedMembership(db, forum.id, editor.id, "EDITOR");
  await seedMembership(db, forum.id, moderator.id, "MODERATOR");
  await seedMembership(db, institute.id, owner.id, "OWNER");

  const now = Date.now();
  await seedDraft(db, {
    organisationId: forum.id,
    reference: "GDPF-RFC-2026-004",
    title: "Guidance on meaningful public participation in digital policy-making",
    abstract:
      "This draft sets out principles and practical steps for governments and intergovernmental bodies that consult the public online: who to reach, how to design a fair consultation, how to weigh responses, and how to report back on what was done with them.",
    status: "OPEN",
    opensAt: new Date(now - 7 * day),
    closesAt: new Date(now + 45 * day),
  });
  await seedDraft(db, {
    organisationId: forum.id,
    reference: "GDPF-RFC-2026-005",
    title: "Principles for trustworthy digital identity in cross-border public services",
    abstract:
      "A short set of principles for digital identity schemes used across borders: consent, minimal disclosure, inclusion of people without documents, redress, and the governance of trust frameworks.",
    status: "OPEN",
    opensAt: new Date(now - 2 * day),
    closesAt: new Date(now + 30 * day),
  });
  await seedDraft(db, {
    organisationId: institute.id,
    reference: "OSI-RFC-2026-001",
    title: "A common format for publishing consultation responses as open data",
    abstract: "A data format so that the responses to a public consultation can be published, compared and reused across platforms.",
    status: "OPEN",
    opensAt: new Date(now - 1 * day),
    closesAt: new Date(now + 60 * day),
  });
  await seedDraft(db, {
    organisationId: forum.id,
    reference: "GDPF-RFC-2026-006",
    title: "Internal working draft: accessibility of consultation platforms",
    abstract: "Not yet published; visible only to the forum's members.",
    status: "DRAFT",
  });
}
