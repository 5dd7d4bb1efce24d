import "server-only";
import { prisma } from "@/lib/db/client";

/** An attachment as lists show it (comment JSON, the thread, exports). `size` in bytes. */
export type AttachmentSummary = { id: string; filename: string; contentType: string; size: number; url: string };

/** The download path of an attachment (the app's own route, which checks visibility). */
export function attachmentPath(id: string): string {
  return `/api/v1/attachments/${encodeURIComponent(id)}`;
}

/**
 * The attachments of many comments in one query, oldest first per comment.
 * @returns a map from comment id to its attachments (comments without any are absent).
 */
export async function attachmentsByComment(commentIds: string[]): Promise<Map<string, AttachmentSummary[]>> {
  const out = new Map<string, AttachmentSummary[]>();
  if (commentIds.length === 0) return out;
  const rows = await prisma.attachment.findMany({
    where: { commentId: { in: commentIds } },
    select: { id: true, commentId: true, filename: true, contentType: true, size: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  for (const { commentId, ...a } of rows) {
    const list = out.get(commentId) ?? [];
    list.push({ ...a, url: attachmentPath(a.id) });
    out.set(commentId, list);
  }
  return out;
}

/**
 * The text read from each comment's attachments, for moderators and the analysis (never public):
 * one query. @returns comment id → [{filename, text}] for the attachments whose text is known.
 */
export async function attachmentTextsByComment(commentIds: string[]): Promise<Map<string, Array<{ filename: string; text: string }>>> {
  const out = new Map<string, Array<{ filename: string; text: string }>>();
  if (commentIds.length === 0) return out;
  const rows = await prisma.attachment.findMany({
    where: { commentId: { in: commentIds }, extraction: "DONE", extractedText: { not: null } },
    select: { commentId: true, filename: true, extractedText: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  for (const r of rows) {
    if (!r.extractedText) continue;
    const list = out.get(r.commentId) ?? [];
    list.push({ filename: r.filename, text: r.extractedText });
    out.set(r.commentId, list);
  }
  return out;
}
