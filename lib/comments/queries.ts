import "server-only";
import { can, type Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentKind, CommentStatus, StakeholderGroup, VoteValue } from "@/lib/generated/prisma/enums";
import { attachmentsByComment, type AttachmentSummary } from "@/lib/attachments/queries";
import { renderCommentMarkdown } from "./render-comment";
import type { TCommentListQuery } from "./schemas";

/** Published comments (and replies) per paragraph anchor, counted in SQL. "" is the whole draft. */
export async function commentCountsByAnchor(draftId: string): Promise<Record<string, number>> {
  const rows = await prisma.$queryRaw<{ anchor: string | null; n: number }[]>`
    SELECT anchor, count(*)::int AS n FROM "Comment"
    WHERE "draftId" = ${draftId} AND status = 'PUBLISHED'
    GROUP BY anchor`;
  return Object.fromEntries(rows.map((r) => [r.anchor ?? "", r.n]));
}

export type CommentView = {
  id: string;
  kind: CommentKind | null;
  status: CommentStatus;
  anchor: string | null;
  quote: string | null;
  versionNumber: number;
  bodyHtml: string;
  body: string;
  proposedText: string | null;
  originalText: string | null;
  official: boolean;
  moderationNote: string | null;
  createdAt: Date;
  editedAt: Date | null;
  author: { name: string | null; group: StakeholderGroup | null; country: string | null; affiliation: string | null; anonymous: boolean; isViewer: boolean; userId: string | null };
  totals: { agree: number; disagree: number; pass: number };
  byGroup: Array<{ group: StakeholderGroup | null; agree: number; disagree: number; pass: number }>;
  viewerVote: VoteValue | null;
  replyCount: number;
  replies: CommentView[];
  /** Issue 13: the comment's files (none shown for a hidden comment, except to moderators). */
  attachments: AttachmentSummary[];
};

const commentSelect = {
  id: true,
  kind: true,
  status: true,
  anchor: true,
  quote: true,
  versionNumber: true,
  body: true,
  proposedText: true,
  originalText: true,
  official: true,
  anonymous: true,
  moderationNote: true,
  createdAt: true,
  editedAt: true,
  agreeCount: true,
  disagreeCount: true,
  passCount: true,
  replyCount: true,
  parentId: true,
  authorId: true,
  author: { select: { name: true, stakeholderGroup: true, country: true, affiliation: true } },
} as const;

type Row = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

/**
 * One page of a paragraph's comments (anchor) or the general ones (anchor null), newest first, with
 * their replies, vote totals by stakeholder group and the viewer's own votes: four queries whatever
 * the page size. Pending comments are shown to their author and the moderators only; hidden ones
 * as a placeholder with the moderator's reason; an anonymous author's name only to moderators.
 */
export async function listThread(draft: { id: string; organisationId: string }, anchor: string | null, viewer: Actor | null, page = 1, pageSize = 20) {
  const moderator = can(viewer, "moderation.act", { organisationId: draft.organisationId });
  const visible: Prisma.CommentWhereInput = moderator
    ? { status: { in: ["PUBLISHED", "PENDING", "HIDDEN", "WITHDRAWN"] } }
    : { OR: [{ status: { in: ["PUBLISHED", "HIDDEN", "WITHDRAWN"] } }, ...(viewer ? [{ status: "PENDING" as const, authorId: viewer.id }] : [])] };
  const where: Prisma.CommentWhereInput = { draftId: draft.id, anchor, parentId: null, ...visible };
  const [top, total] = await Promise.all([
    prisma.comment.findMany({ where, select: commentSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize }),
    prisma.comment.count({ where }),
  ]);
  const ids = top.map((c) => c.id);
  const replies = ids.length
    ? await prisma.comment.findMany({ where: { parentId: { in: ids }, ...visible }, select: commentSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 2000 })
    : [];
  const all = [...top, ...replies];
  const allIds = all.map((c) => c.id);
  const [breakdown, mine, files] = await Promise.all([
    allIds.length
      ? prisma.$queryRaw<{ commentId: string; group: StakeholderGroup | null; agree: number; disagree: number; pass: number }[]>`
          SELECT v."commentId", u."stakeholderGroup" AS "group",
                 count(*) FILTER (WHERE v.value = 'AGREE')::int AS agree,
                 count(*) FILTER (WHERE v.value = 'DISAGREE')::int AS disagree,
                 count(*) FILTER (WHERE v.value = 'PASS')::int AS pass
          FROM "CommentVote" v JOIN "User" u ON u.id = v."userId"
          WHERE v."commentId" IN (${Prisma.join(allIds)})
          GROUP BY v."commentId", u."stakeholderGroup"`
      : Promise.resolve([]),
    viewer && allIds.length ? prisma.commentVote.findMany({ where: { userId: viewer.id, commentId: { in: allIds } }, select: { commentId: true, value: true } }) : Promise.resolve([]),
    attachmentsByComment(allIds),
  ]);
  const viewerVotes = new Map(mine.map((v) => [v.commentId, v.value]));
  const toView = (c: Row): CommentView => {
    const showName = !c.anonymous || moderator || c.authorId === viewer?.id;
    return {
      id: c.id,
      kind: c.kind,
      status: c.status,
      anchor: c.anchor,
      quote: c.quote,
      versionNumber: c.versionNumber,
      body: c.status === "HIDDEN" && !moderator ? "" : c.body,
      bodyHtml: c.status === "HIDDEN" && !moderator ? "" : renderCommentMarkdown(c.body),
      proposedText: c.proposedText,
      originalText: c.originalText,
      official: c.official,
      moderationNote: c.moderationNote,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      author: {
        name: showName ? c.author.name : null,
        group: c.author.stakeholderGroup,
        country: showName ? c.author.country : null,
        affiliation: showName ? c.author.affiliation : null,
        anonymous: c.anonymous,
        isViewer: c.authorId === viewer?.id,
        userId: moderator ? c.authorId : null,
      },
      totals: { agree: c.agreeCount, disagree: c.disagreeCount, pass: c.passCount },
      byGroup: breakdown.filter((b) => b.commentId === c.id).map(({ group, agree, disagree, pass }) => ({ group, agree, disagree, pass })),
      viewerVote: viewerVotes.get(c.id) ?? null,
      replyCount: c.replyCount,
      replies: [],
      attachments: (c.status === "HIDDEN" || c.status === "WITHDRAWN") && !moderator ? [] : (files.get(c.id) ?? []),
    };
  };
  const views = top.map(toView);
  const byId = new Map(views.map((v) => [v.id, v]));
  for (const r of replies) byId.get(r.parentId!)?.replies.push(toView(r));
  return { items: views, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), moderator };
}

/** Overall and per-section positions: counts per value, from SQL. */
export async function positionDistribution(draftId: string) {
  const rows = await prisma.$queryRaw<{ section: string; value: string; n: number }[]>`
    SELECT section, value::text AS value, count(*)::int AS n FROM "Position" WHERE "draftId" = ${draftId} GROUP BY section, value`;
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.section] ??= {})[r.value] = r.n;
  return out;
}

export async function viewerPositions(draftId: string, viewer: Actor | null): Promise<Record<string, string>> {
  if (!viewer) return {};
  const rows = await prisma.position.findMany({ where: { draftId, userId: viewer.id }, select: { section: true, value: true } });
  return Object.fromEntries(rows.map((r) => [r.section, r.value]));
}

/** Public API listing: published top-level comments and replies, filtered, newest first. */
export async function apiListComments(draftId: string, query: TCommentListQuery) {
  const where: Prisma.CommentWhereInput = {
    draftId,
    status: "PUBLISHED",
    ...(query.anchor ? { anchor: query.anchor === "general" ? null : query.anchor } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.group ? { author: { stakeholderGroup: query.group } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.comment.findMany({ where, select: commentSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    prisma.comment.count({ where }),
  ]);
  const files = await attachmentsByComment(rows.map((c) => c.id));
  return {
    data: rows.map((c) => ({
      id: c.id,
      parentId: c.parentId,
      anchor: c.anchor,
      quote: c.quote,
      versionNumber: c.versionNumber,
      kind: c.kind,
      body: c.body,
      proposedText: c.proposedText,
      official: c.official,
      author: c.anonymous
        ? { name: null, anonymous: true, stakeholderGroup: c.author.stakeholderGroup, country: null, affiliation: null }
        : { name: c.author.name, anonymous: false, stakeholderGroup: c.author.stakeholderGroup, country: c.author.country, affiliation: c.author.affiliation },
      votes: { agree: c.agreeCount, disagree: c.disagreeCount, pass: c.passCount },
      replyCount: c.replyCount,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      attachments: files.get(c.id) ?? [],
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

/**
 * Where a comment appears in its discussion: the paragraph (null: general) and the page of the thread
 * (newest first, 20 per page, as listThread shows it). A reply is found under its parent.
 */
export async function commentLocation(draftId: string, commentId: string, pageSize = 20) {
  const comment = await prisma.comment.findFirst({ where: { id: commentId, draftId }, select: { id: true, parentId: true } });
  if (!comment) return null;
  const topId = comment.parentId ?? comment.id;
  const rows = await prisma.$queryRaw<{ anchor: string | null; newer: number }[]>`
    SELECT c.anchor, (SELECT count(*)::int FROM "Comment" o
       WHERE o."draftId" = c."draftId" AND o.anchor IS NOT DISTINCT FROM c.anchor AND o."parentId" IS NULL
         AND o.status IN ('PUBLISHED', 'HIDDEN', 'WITHDRAWN') AND (o."createdAt", o.id) > (c."createdAt", c.id)) AS newer
    FROM "Comment" c WHERE c.id = ${topId}`;
  const row = rows[0];
  if (!row) return null;
  return { id: comment.id, anchor: row.anchor, page: Math.floor(row.newer / pageSize) + 1 };
}
