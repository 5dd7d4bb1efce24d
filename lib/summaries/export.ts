import "server-only";
import { prisma } from "@/lib/db/client";
import { writeCsv } from "@/lib/csv/write-csv";
import { publicBaseUrl } from "@/lib/api/base-url";
import { attachmentsByComment } from "@/lib/attachments/queries";

/**
 * Every top-level comment with its theme, campaign and disposition, as CSV (one row per comment),
 * written by the shared writer (UTF-8 BOM, every text cell formula-neutralised).
 */
export async function commentsCsv(draftId: string): Promise<string> {
  const rows = await prisma.$queryRaw<{ id: string; createdAt: Date; anchor: string | null; kind: string | null; group: string | null; country: string | null; body: string; theme: string | null; campaign: string | null; disposition: string | null; response: string | null; agree: number; disagree: number; pass: number }[]>`
    SELECT c.id, c."createdAt", c.anchor, c.kind::text AS kind, u."stakeholderGroup"::text AS "group", u.country, c.body,
      coalesce(t."customLabel", t."suggestedLabel", array_to_string(t."keyPhrases", ' · ')) AS theme, m."campaignId" AS campaign,
      coalesce(d.value, cd.value, td.value)::text AS disposition, coalesce(d.response, cd.response, td.response) AS response,
      c."agreeCount" AS agree, c."disagreeCount" AS disagree, c."passCount" AS pass
    FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
    LEFT JOIN "ThemeComment" m ON m."commentId" = c.id LEFT JOIN "Theme" t ON t.id = m."themeId"
    LEFT JOIN "Disposition" d ON d."commentId" = c.id LEFT JOIN "Disposition" cd ON cd."commentId" = m."campaignId"
    LEFT JOIN "Disposition" td ON td."themeId" = m."themeId"
    WHERE c."draftId" = ${draftId} AND c."parentId" IS NULL AND c.status = 'PUBLISHED' ORDER BY c."createdAt", c.id`;
  // Issue 13: each comment's files (names, types, sizes in bytes, download URLs; " | "-separated).
  const files = await attachmentsByComment(rows.map((r) => r.id));
  const base = publicBaseUrl();
  const fileCells = (id: string) => {
    const list = files.get(id) ?? [];
    return [list.map((a) => a.filename).join(" | "), list.map((a) => a.contentType).join(" | "), list.map((a) => a.size).join(" | "), list.map((a) => base + a.url).join(" | ")];
  };
  return writeCsv(
    ["comment_id", "created_at", "paragraph", "kind", "stakeholder_group", "country", "text", "theme", "campaign_of", "disposition", "response", "agree", "disagree", "pass", "attachment_names", "attachment_types", "attachment_sizes", "attachment_urls"],
    rows.map((r) => [r.id, r.createdAt.toISOString(), r.anchor ?? "", r.kind ?? "", r.group ?? "", r.country ?? "", r.body, r.theme ?? "", r.campaign ?? "", r.disposition ?? "", r.response ?? "", r.agree, r.disagree, r.pass, ...fileCells(r.id)]),
  );
}

/**
 * The draft's comments and votes in the Pol.is export format (comments.csv, votes.csv), so other tools
 * can read them. Pol.is ids are integers: comments are numbered in order of writing (an imported
 * comment keeps its Pol.is id), participants in order of first appearance. Written by the shared CSV
 * writer like every export: a comment body starting with = + - @ is prefixed with ' (Pol.is's own
 * reader and ours read the BOM).
 */
export async function polisExport(draftId: string): Promise<{ comments: string; votes: string }> {
  const comments = await prisma.$queryRaw<{ id: string; externalId: string | null; authorId: string; createdAt: Date; status: string; body: string; agree: number; disagree: number }[]>`
    SELECT id, "externalId", "authorId", "createdAt", status::text AS status, body, "agreeCount" AS agree, "disagreeCount" AS disagree
    FROM "Comment" WHERE "draftId" = ${draftId} AND "parentId" IS NULL AND status IN ('PUBLISHED', 'HIDDEN') ORDER BY "createdAt", id`;
  const votes = await prisma.$queryRaw<{ commentId: string; userId: string; value: string; at: Date }[]>`
    SELECT v."commentId", v."userId", v.value::text AS value, v."updatedAt" AS at FROM "CommentVote" v JOIN "Comment" c ON c.id = v."commentId"
    WHERE c."draftId" = ${draftId} AND c."parentId" IS NULL AND c.status IN ('PUBLISHED', 'HIDDEN') ORDER BY v."updatedAt", v."commentId", v."userId"`;
  const used = new Set(comments.map((c) => c.externalId).filter((x): x is string => !!x && /^\d+$/.test(x)).map(Number));
  let next = 0;
  const commentNumber = new Map<string, number>();
  for (const c of comments) {
    if (c.externalId && /^\d+$/.test(c.externalId)) commentNumber.set(c.id, Number(c.externalId));
    else {
      while (used.has(next)) next++;
      used.add(next);
      commentNumber.set(c.id, next);
    }
  }
  const participant = new Map<string, number>();
  const pid = (u: string) => {
    if (!participant.has(u)) participant.set(u, participant.size);
    return participant.get(u)!;
  };
  const events = [...comments.map((c) => ({ at: c.createdAt, u: c.authorId })), ...votes.map((v) => ({ at: v.at, u: v.userId }))].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const e of events) pid(e.u);
  const datetime = (d: Date) => d.toUTCString();
  return {
    comments: writeCsv(
      ["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"],
      comments.map((c) => [c.createdAt.getTime(), datetime(c.createdAt), commentNumber.get(c.id)!, pid(c.authorId), c.agree, c.disagree, c.status === "HIDDEN" ? -1 : 1, c.body]),
    ),
    votes: writeCsv(
      ["timestamp", "datetime", "comment-id", "voter-id", "vote"],
      votes.map((v) => [v.at.getTime(), datetime(v.at), commentNumber.get(v.commentId)!, pid(v.userId), v.value === "AGREE" ? 1 : v.value === "DISAGREE" ? -1 : 0]),
    ),
  };
}
