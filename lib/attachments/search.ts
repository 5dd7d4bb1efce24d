import "server-only";
import { prisma } from "@/lib/db/client";

/**
 * The comments whose attachments' extracted text matches a search (websearch syntax, accent-folded,
 * through the GIN index on "Attachment"."searchVector"), limited to `commentIds` candidates when given.
 * @returns comment ids, at most `limit`.
 */
export async function commentIdsWithAttachmentText(search: string, limit = 1000): Promise<string[]> {
  const q = search.trim();
  if (!q) return [];
  const rows = await prisma.$queryRaw<{ commentId: string }[]>`
    SELECT DISTINCT "commentId" FROM "Attachment"
    WHERE "searchVector" @@ websearch_to_tsquery('parley_simple', ${q})
    LIMIT ${limit}`;
  return rows.map((r) => r.commentId);
}
