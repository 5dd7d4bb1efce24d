import "server-only";
import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueExtractions } from "./extraction-jobs";
import { cleanFilename, type AttachmentContentType } from "./rules";
import { sniffAttachment } from "./sniff";
import { attachmentStorage, storageKeyFor } from "./storage";

/** A checked file whose bytes are already in storage, ready to be recorded with its comment. */
export type PreparedAttachment = { storageKey: string; filename: string; contentType: AttachmentContentType; size: number; sha256: string };

/** Why a file was refused: "type" (not an accepted type by its bytes) or "size" (over ATTACHMENT_MAX_BYTES, or empty). */
export type RefusedFile = { filename: string; reason: "type" | "size" };

/**
 * Checks one file from its bytes and, if accepted, stores it (content-addressed: storing the same
 * bytes again is harmless, so nothing needs undoing when the comment then fails).
 * @param bytes the whole file; @param name the uploader's file name (cleaned, only shown, never trusted).
 * @returns the prepared attachment, or why it is refused.
 */
export async function prepareAttachment(bytes: Uint8Array, name: string): Promise<PreparedAttachment | RefusedFile> {
  const filename = cleanFilename(name);
  if (bytes.byteLength === 0 || bytes.byteLength > env.ATTACHMENT_MAX_BYTES) return { filename, reason: "size" };
  const contentType = await sniffAttachment(bytes);
  if (!contentType) return { filename, reason: "type" };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = storageKeyFor(sha256);
  await attachmentStorage().put(storageKey, bytes, contentType);
  return { storageKey, filename, contentType, size: bytes.byteLength, sha256 };
}

export function isRefused(file: PreparedAttachment | RefusedFile): file is RefusedFile {
  return "reason" in file;
}

/**
 * Checks every file first and stores them only when all are accepted, so a refused file leaves
 * nothing behind. @returns the prepared files, or the first refusal.
 */
export async function prepareAttachments(files: Array<{ bytes: Uint8Array; name: string }>): Promise<{ ok: PreparedAttachment[] } | { refused: RefusedFile }> {
  for (const f of files) {
    if (f.bytes.byteLength === 0 || f.bytes.byteLength > env.ATTACHMENT_MAX_BYTES) return { refused: { filename: cleanFilename(f.name), reason: "size" } };
    if (!(await sniffAttachment(f.bytes))) return { refused: { filename: cleanFilename(f.name), reason: "type" } };
  }
  const ok: PreparedAttachment[] = [];
  for (const f of files) {
    const prepared = await prepareAttachment(f.bytes, f.name);
    if (isRefused(prepared)) return { refused: prepared };
    ok.push(prepared);
  }
  return { ok };
}

/**
 * Records prepared files on a comment, in the comment's transaction. Images need no text
 * extraction; the others are PENDING, each with its extraction job queued in this same transaction
 * (extraction-jobs.ts). @returns the new attachments' ids, in the files' order.
 */
export async function recordAttachments(tx: Prisma.TransactionClient, commentId: string, files: PreparedAttachment[], idempotencyKey: string | null = null): Promise<string[]> {
  const ids: string[] = [];
  const pending: string[] = [];
  for (const f of files) {
    const row = await tx.attachment.create({
      data: { commentId, ...f, idempotencyKey, extraction: f.contentType.startsWith("image/") ? "NONE" : "PENDING" },
      select: { id: true, extraction: true },
    });
    ids.push(row.id);
    if (row.extraction === "PENDING") pending.push(row.id);
  }
  await queueExtractions(tx, pending);
  return ids;
}
