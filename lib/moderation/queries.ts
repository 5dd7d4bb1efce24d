import "server-only";
import { can, type Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";

/** The moderation queue of an organisation: comments waiting for approval, and flagged ones. */
export async function moderationQueue(organisationId: string, actor: Actor | null, page = 1, pageSize = 25) {
  if (!can(actor, "moderation.act", { organisationId })) return null;
  const where = { draft: { organisationId }, OR: [{ status: "PENDING" as const }, { status: "PUBLISHED" as const, flagCount: { gt: 0 } }] };
  const [items, total] = await Promise.all([
    prisma.comment.findMany({
      where,
      select: {
        id: true,
        status: true,
        body: true,
        anchor: true,
        flagCount: true,
        anonymous: true,
        createdAt: true,
        authorId: true,
        author: { select: { name: true, email: true } },
        draft: { select: { reference: true, title: true } },
        flags: { where: { resolvedAt: null }, select: { reason: true }, take: 5 },
      },
      orderBy: [{ flagCount: "desc" }, { createdAt: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    prisma.comment.count({ where }),
  ]);
  const bans = await prisma.organisationBan.findMany({ where: { organisationId, userId: { in: items.map((i) => i.authorId) } }, select: { userId: true } });
  const banned = new Set(bans.map((b) => b.userId));
  return { items: items.map((i) => ({ ...i, authorBanned: banned.has(i.authorId) })), total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The audit log, newest first: visible to the organisation's owners. */
export async function moderationLog(organisationId: string, actor: Actor | null, page = 1, pageSize = 50) {
  if (!can(actor, "org.viewAuditLog", { organisationId })) return null;
  const [rows, total] = await Promise.all([
    prisma.moderationAction.findMany({
      where: { organisationId },
      select: { id: true, action: true, reason: true, createdAt: true, actorId: true, targetUserId: true, comment: { select: { id: true, body: true, draft: { select: { reference: true } } } } },
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    prisma.moderationAction.count({ where: { organisationId } }),
  ]);
  const userIds = [...new Set(rows.flatMap((r) => [r.actorId, r.targetUserId]).filter((x): x is string => Boolean(x)))];
  const users = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } });
  const names = new Map(users.map((u) => [u.id, u.name ?? u.email]));
  return {
    items: rows.map((r) => ({ ...r, actorName: names.get(r.actorId) ?? "?", targetName: r.targetUserId ? (names.get(r.targetUserId) ?? "?") : null })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
