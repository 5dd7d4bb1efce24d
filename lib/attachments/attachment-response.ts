import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { contentDisposition, downloadAttachment } from "./download-attachment";

/**
 * The download answer: always a download (Content-Disposition: attachment), never sniffed by the
 * browser (nosniff), and sandboxed with no permissions should it be opened anyway. Never cached by
 * shared caches: a comment hidden later must stop serving its files.
 * @throws NotFoundError when `actor` may not see it (see downloadAttachment).
 */
export async function attachmentResponse(actor: Actor | null, id: string): Promise<Response> {
  const file = await downloadAttachment(actor, id);
  return new Response(file.bytes as unknown as BodyInit, {
    status: 200,
    headers: {
      "content-type": file.contentType === "text/plain" ? "text/plain; charset=utf-8" : file.contentType,
      "content-length": String(file.bytes.byteLength),
      "content-disposition": contentDisposition(file.filename),
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'",
      "cache-control": "private, no-store",
      "cross-origin-resource-policy": "same-origin",
      etag: `"${file.sha256}"`,
    },
  });
}
