import { z } from "zod";

/**
 * What a comment may carry (issue 13): at most three files of these types, each at most
 * ATTACHMENT_MAX_BYTES (lib/env.ts). Safe for client components: no server imports.
 */
export const MAX_ATTACHMENTS_PER_COMMENT = 3;

/** The accepted types, by the MIME type sniffed from the bytes, with the extension they are served under. */
export const attachmentTypes = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.oasis.opendocument.text": "odt",
  "text/plain": "txt",
  "image/png": "png",
  "image/jpeg": "jpg",
} as const;
export type AttachmentContentType = keyof typeof attachmentTypes;

/** The file input's `accept` hint (the server sniffs the bytes whatever the browser sends). */
export const attachmentAccept = ".pdf,.docx,.odt,.txt,.png,.jpg,.jpeg," + Object.keys(attachmentTypes).join(",");

/** The form's name for the file input. */
export const attachmentField = "attachments";

/**
 * The files of a submitted form: how many and how large (the type is checked from the bytes on the
 * server, see sniff.ts). Empty file inputs (a browser sends one nameless empty part) are dropped first.
 * @param maxBytes each file's limit, in bytes.
 */
export function ZAttachmentFiles(maxBytes: number) {
  return z
    .array(z.instanceof(File).refine((f) => f.size <= maxBytes, { error: "attachmentTooLarge" }).refine((f) => f.size > 0, { error: "attachmentEmpty" }))
    .max(MAX_ATTACHMENTS_PER_COMMENT, { error: "attachmentTooMany" });
}

/** The Idempotency-Key-less headers of an API upload: the file's name (RFC 8187 `filename*` not needed: percent-encoded UTF-8). */
export const ZUploadHeaders = z.object({
  "x-filename": z
    .string({ error: "attachmentFilenameRequired" })
    .min(1, { error: "attachmentFilenameRequired" })
    .max(600)
    .transform((v, ctx) => {
      try {
        return decodeURIComponent(v);
      } catch {
        ctx.addIssue({ code: "custom", message: "attachmentFilenameRequired" });
        return z.NEVER;
      }
    }),
});

/**
 * A file name safe to store and show: the last path segment, no control or bidi-override
 * characters, at most 200 characters (extension kept); "attachment" when nothing is left.
 */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim().replace(/^\.+/, "");
  if (!clean) return "attachment";
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf(".");
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : "";
  return clean.slice(0, 200 - ext.length) + ext;
}
