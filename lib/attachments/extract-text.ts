import "server-only";
import { unzipSync } from "fflate";
import type { AttachmentContentType } from "./rules";

/** Longest text kept from one file (characters); the rest is cut. */
export const MAX_EXTRACTED_CHARS = 200_000;
/** Largest XML part read from a DOCX or ODT, uncompressed (bytes): a bound against zip bombs. */
const MAX_XML_BYTES = 50 * 1024 * 1024;

/**
 * The readable text of an attachment, whitespace tidied, at most MAX_EXTRACTED_CHARS characters.
 * PDF through unpdf (pdf.js, all pages), DOCX from `word/document.xml`, ODT from `content.xml`
 * (both read with fflate, only that one entry inflated), TXT as is.
 * @returns the text ("" when the file has none), or null for images (nothing to extract).
 * @throws for a damaged, encrypted or oversized file.
 */
export async function extractText(contentType: AttachmentContentType, bytes: Uint8Array): Promise<string | null> {
  switch (contentType) {
    case "application/pdf":
      return tidy(await pdfText(bytes));
    case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
      return tidy(docxText(zipEntry(bytes, "word/document.xml")));
    case "application/vnd.oasis.opendocument.text":
      return tidy(odtText(zipEntry(bytes, "content.xml")));
    case "text/plain":
      return tidy(new TextDecoder("utf-8").decode(bytes));
    default:
      return null;
  }
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  // Loaded on demand: pdf.js is large and only the worker needs it.
  const { extractText: pdf, getDocumentProxy } = await import("unpdf");
  const doc = await getDocumentProxy(new Uint8Array(bytes), { disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const { text } = await pdf(doc, { mergePages: false });
    return text.join("\n\n");
  } finally {
    await doc.loadingTask.destroy();
  }
}

function zipEntry(bytes: Uint8Array, name: string): string {
  const files = unzipSync(bytes, { filter: (f) => f.name === name && f.originalSize <= MAX_XML_BYTES });
  const entry = files[name];
  if (!entry) throw new Error(`${name} missing or too large`);
  return new TextDecoder("utf-8").decode(entry);
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return entities[e] ?? whole;
  });
}

/** WordprocessingML: the text runs (w:t), tabs, breaks, and a line per paragraph. */
export function docxText(xml: string): string {
  const body = xml
    .replace(/<w:tab\/>/g, "\t")
    .replace(/<w:(?:br|cr)\b[^>]*\/>/g, "\n")
    .replace(/<\/w:p>/g, "\n")
    .replace(/<w:delText\b[^>]*>[\s\S]*?<\/w:delText>/g, "")
    .replace(/<w:instrText\b[^>]*>[\s\S]*?<\/w:instrText>/g, "");
  let out = "";
  for (const m of body.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|(\n|\t)/g)) out += m[1] !== undefined ? decodeXml(m[1]) : m[2];
  return out;
}

/** OpenDocument text: paragraphs and headings on their own lines, spaces (text:s), tabs, breaks. */
export function odtText(xml: string): string {
  const office = xml.match(/<office:text\b[^>]*>([\s\S]*)<\/office:text>/)?.[1] ?? xml;
  const text = office
    .replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_w, n?: string) => " ".repeat(Math.min(Number(n ?? 1), 100)))
    .replace(/<text:tab\s*\/>/g, "\t")
    .replace(/<text:line-break\s*\/>/g, "\n")
    .replace(/<\/text:(?:p|h)>/g, "\n")
    .replace(/<[^>]*>/g, "");
  return decodeXml(text);
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, MAX_EXTRACTED_CHARS);
}
