import "server-only";
import { can, type Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { attachmentTextsByComment } from "@/lib/attachments/queries";
import { commentIdsWithAttachmentText } from "@/lib/attachments/search";

/**
 * The moderation queue of an organisation: comments waiting for approval, and flagged ones, with
 * the text read from their attachments. `search` (issue 13) keeps those whose text or attachments' text match.
 */
export async function moderationQueue(organisationId: string, actor: Actor | null, page = 1, pageSize = 25, search = "") {
  if (!can(actor, "moderation.act", { organisationId })) return null;
  const q = search.trim().slice(0, 200);
  const matching = q ? { OR: [{ body: { contains: q, mode: "insensitive" as const } }, { id: { in: await commentIdsWithAttachmentText(q) } }] } : {};
  const where = { draft: { organisationId }, OR: [{ status: "PENDING" as const }, { status: "PUBLISHED" as const, flagCount: { gt: 0 } }], AND: [matching] };
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
  const [bans, texts] = await Promise.all([
    prisma.organisationBan.findMany({ where: { organisationId, userId: { in: items.map((i) => i.authorId) } }, select: { userId: true } }),
    attachmentTextsByComment(items.map((i) => i.id)),
  ]);
  const banned = new Set(bans.map((b) => b.userId));
  return {
    items: items.map((i) => ({ ...i, authorBanned: banned.has(i.authorId), attachmentTexts: texts.get(i.id) ?? [] })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** Audit-log entries that are moderation decisions: what a moderator (not an owner) may read. */
export const moderationEntryTypes = ["APPROVE", "HIDE", "RESTORE", "DISMISS_FLAGS", "SUSPEND", "UNSUSPEND"] as const;

/**
 * The audit log, newest first. Owners (org.viewAuditLog) see every entry; the organisation's
 * moderators (moderation.act) see the moderation entries (hide, restore, approve, dismiss,
 * suspend, lift). `scope` says which view was returned; null when the actor may see neither.
 */
export async function moderationLog(organisationId: string, actor: Actor | null, page = 1, pageSize = 50) {
  const scope = can(actor, "org.viewAuditLog", { organisationId }) ? "all" : can(actor, "moderation.act", { organisationId }) ? "moderation" : null;
  if (!scope) return null;
  const where = scope === "all" ? { organisationId } : { organisationId, action: { in: [...moderationEntryTypes] } };
  const [rows, total] = await Promise.all([
    prisma.moderationAction.findMany({
      where,
      select: { id: true, action: true, reason: true, createdAt: true, actorId: true, targetUserId: true, comment: { select: { id: true, body: true, draft: { select: { reference: true } } } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    prisma.moderationAction.count({ where }),
  ]);
  const userIds = [...new Set(rows.flatMap((r) => [r.actorId, r.targetUserId]).filter((x): x is string => Boolean(x)))];
  const users = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } });
  const names = new Map(users.map((u) => [u.id, u.name ?? u.email]));
  return {
    scope,
    items: rows.map((r) => ({ ...r, actorName: names.get(r.actorId) ?? "?", targetName: r.targetUserId ? (names.get(r.targetUserId) ?? "?") : null })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/**
 * The organisation's hidden comments, newest comment first, with the public reason and when it was hidden, for its
 * moderators and owners (null for anyone else). One page of `pageSize`.
 */
export async function hiddenComments(organisationId: string, actor: Actor | null, page = 1, pageSize = 25) {
  if (!can(actor, "moderation.act", { organisationId })) return null;
  const where = { draft: { organisationId }, status: "HIDDEN" as const };
  const [items, total] = await Promise.all([
    prisma.comment.findMany({
      where,
      select: {
        id: true,
        body: true,
        anchor: true,
        moderationNote: true,
        createdAt: true,
        author: { select: { name: true, email: true } },
        draft: { select: { reference: true } },
        moderation: { where: { action: "HIDE" }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    prisma.comment.count({ where }),
  ]);
  return {
    items: items.map(({ moderation, ...c }) => ({ ...c, hiddenAt: moderation[0]?.createdAt ?? null })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/**
 * The participants this organisation has suspended, most recent first, with the moderators' reason,
 * for its moderators and owners (null for anyone else). One page of `pageSize`.
 */
export async function suspendedParticipants(organisationId: string, actor: Actor | null, page = 1, pageSize = 25) {
  if (!can(actor, "moderation.act", { organisationId })) return null;
  const where = { organisationId };
  const [items, total] = await Promise.all([
    prisma.organisationBan.findMany({
      where,
      select: { userId: true, reason: true, createdAt: true, user: { select: { name: true, email: true } } },
      orderBy: [{ createdAt: "desc" }, { userId: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    prisma.organisationBan.count({ where }),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
