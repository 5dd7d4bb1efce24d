import "server-only";
import { can, type Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { canReadDraft } from "@/lib/drafts/visibility";
import { NotFoundError } from "@/lib/errors";
import { attachmentStorage } from "./storage";

/**
 * An attachment's bytes for `actor`, following its comment's visibility: anyone who may read the
 * draft gets the files of a published comment; a pending comment's files only its author; hidden
 * and withdrawn comments' files nobody but the organisation's moderators. Everything else is 404.
 * @returns the bytes, the sniffed type, the stored (clean) file name and the size in bytes.
 * @throws NotFoundError.
 */
export async function downloadAttachment(actor: Actor | null, id: string) {
  const a = await prisma.attachment.findUnique({
    where: { id },
    select: {
      storageKey: true,
      filename: true,
      contentType: true,
      size: true,
      sha256: true,
      comment: { select: { status: true, authorId: true, draft: { select: { organisationId: true, status: true } } } },
    },
  });
  if (!a) throw new NotFoundError();
  const { comment } = a;
  const moderator = can(actor, "moderation.act", { organisationId: comment.draft.organisationId });
  if (!moderator) {
    if (!canReadDraft(actor, comment.draft)) throw new NotFoundError();
    const ownPending = comment.status === "PENDING" && actor !== null && actor.id === comment.authorId;
    if (comment.status !== "PUBLISHED" && !ownPending) throw new NotFoundError();
  }
  const bytes = await attachmentStorage().get(a.storageKey);
  if (!bytes) throw new NotFoundError();
  return { bytes, filename: a.filename, contentType: a.contentType, size: a.size, sha256: a.sha256, public: comment.status === "PUBLISHED" };
}

/**
 * A Content-Disposition value (RFC 6266): `attachment`, an ASCII fallback `filename` (anything
 * outside printable ASCII, quotes and backslashes replaced by "_") and the exact name as RFC 8187
 * `filename*` in UTF-8.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_") || "attachment";
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
