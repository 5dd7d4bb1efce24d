import "server-only";
import { can, type Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";

/** Public organisation page data; member list only for those allowed to see it. */
export async function getOrganisationPage(slug: string, actor: Actor | null) {
  const org = await prisma.organisation.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, description: true, website: true, referencePrefix: true },
  });
  if (!org) return null;
  const showMembers = can(actor, "org.viewMembers", { organisationId: org.id });
  const showPrivate = can(actor, "draft.viewPrivate", { organisationId: org.id });
  const [drafts, members] = await Promise.all([
    prisma.draft.findMany({
      where: { organisationId: org.id, ...(showPrivate ? {} : { status: { not: "DRAFT" } }) },
      select: { reference: true, title: true, status: true, closesAt: true },
      orderBy: { updatedAt: "desc" },
      take: 50,
    }),
    showMembers
      ? prisma.membership.findMany({
          where: { organisationId: org.id },
          select: { role: true, user: { select: { name: true, email: true } } },
          orderBy: [{ role: "asc" }, { createdAt: "asc" }],
          take: 200,
        })
      : Promise.resolve(null),
  ]);
  return { org, drafts, members };
}

export async function listOrganisations() {
  return prisma.organisation.findMany({
    select: { slug: true, name: true, description: true, _count: { select: { drafts: { where: { status: { not: "DRAFT" } } } } } },
    orderBy: { name: "asc" },
    take: 100,
  });
}
