import "server-only";
import { prisma } from "@/lib/db/client";

const PAGE_SIZE = 20;

/** Consultations currently open for comment, closing soonest first. */
export async function listOpenDrafts(page = 1) {
  const now = new Date();
  const where = {
    status: "OPEN" as const,
    OR: [{ closesAt: null }, { closesAt: { gt: now } }],
  };
  const [items, total] = await Promise.all([
    prisma.draft.findMany({
      where,
      select: {
        reference: true,
        title: true,
        abstract: true,
        language: true,
        opensAt: true,
        closesAt: true,
        organisation: { select: { slug: true, name: true } },
      },
      orderBy: [{ closesAt: { sort: "asc", nulls: "last" } }, { reference: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    prisma.draft.count({ where }),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** A public draft by reference; private (DRAFT status) ones only for the organisation. */
export async function getDraftSummary(reference: string) {
  return prisma.draft.findUnique({
    where: { reference },
    select: {
      id: true,
      reference: true,
      title: true,
      abstract: true,
      status: true,
      language: true,
      opensAt: true,
      closesAt: true,
      organisationId: true,
      organisation: { select: { slug: true, name: true } },
    },
  });
}
