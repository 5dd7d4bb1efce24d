import "server-only";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";

export const DEAD_LETTERS_PAGE_SIZE = 50;

/**
 * Emails about the organisation's consultations that could not be delivered after every retry,
 * newest first, for its owners (org.viewAuditLog). The recipient's address is shown, the link is not.
 * @returns { items, total, pageSize } for page `page` (1-based)
 */
export async function deadLetters(actor: Actor | null, organisationId: string, page = 1) {
  assertCan(actor, "org.viewAuditLog", { organisationId });
  const where = { organisationId, status: "DEAD" as const };
  const [items, total] = await Promise.all([
    prisma.outboxEmail.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * DEAD_LETTERS_PAGE_SIZE,
      take: DEAD_LETTERS_PAGE_SIZE,
      select: { id: true, kind: true, to: true, attempts: true, lastError: true, createdAt: true },
    }),
    prisma.outboxEmail.count({ where }),
  ]);
  return { items, total, pageSize: DEAD_LETTERS_PAGE_SIZE };
}
