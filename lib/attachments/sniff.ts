import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { attachmentTypes, type AttachmentContentType } from "./rules";

/**
 * The type of a file from its bytes alone (never its name or the browser's claim), if it is one
 * Parley accepts: PDF, DOCX, ODT, PNG, JPEG by their signatures (file-type; DOCX and ODT are both
 * zip containers, told apart by their entries — `[Content_Types].xml` + `word/` for DOCX, the
 * stored `mimetype` entry for ODT — so a macro-enabled DOCM, an XLSX or any other zip is refused),
 * or TXT: no known signature, valid UTF-8, and no control characters but tab, line feed, form feed
 * and carriage return.
 * @returns the MIME type, or null for anything else (executables, archives, HTML, SVG, …).
 */
export async function sniffAttachment(bytes: Uint8Array): Promise<AttachmentContentType | null> {
  if (bytes.byteLength === 0) return null;
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return detected.mime in attachmentTypes && detected.mime !== "text/plain" ? (detected.mime as AttachmentContentType) : null;
  return isPlainText(bytes) ? "text/plain" : null;
}

// Markup is refused as "text": a browser told to open it would render it.
const markup = /^\s*<(?:!doctype|html|svg|\?xml|script)/i;

/** True for valid UTF-8 (a leading BOM allowed) without NUL or other binary control characters. */
export function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return false;
  }
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  return !markup.test(text.slice(0, 200));
}
