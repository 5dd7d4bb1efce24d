import "server-only";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { extractText } from "./extract-text";
import type { AttachmentContentType } from "./rules";
import { attachmentStorage } from "./storage";

/** How long a worker owns an attachment it is reading; a worker killed mid-way frees it after this (ms). */
const LEASE_MS = 60_000;
/** Longest one extraction may take before the file is marked FAILED (ms). */
export const EXTRACTION_TIME_LIMIT_MS = 20_000;
/** Claims before a file that keeps interrupting its worker is given up. */
const MAX_ATTEMPTS = 3;

type Claimed = { id: string; storageKey: string; contentType: string; extractionAttempts: number };

/**
 * Text extraction as durable work: attachments are inserted PENDING in their comment's transaction,
 * and any worker claims the oldest one (FOR UPDATE SKIP LOCKED under a lease, as the outbox does),
 * reads its text and stores it with its search vector (`parley_simple`: accent-folded, no stemming,
 * whatever the file's language). @returns null when nothing is due, else the outcome.
 */
export async function processNextExtraction(now = new Date()): Promise<"done" | "failed" | null> {
  const [job] = await prisma.$queryRaw<Claimed[]>`
    UPDATE "Attachment" SET "extractionLockedUntil" = ${new Date(now.getTime() + LEASE_MS)}, "extractionAttempts" = "extractionAttempts" + 1
    WHERE id = (
      SELECT id FROM "Attachment"
      WHERE extraction = 'PENDING' AND ("extractionLockedUntil" IS NULL OR "extractionLockedUntil" < ${now})
      ORDER BY "createdAt", id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id, "storageKey", "contentType", "extractionAttempts"`;
  if (!job) return null;
  if (job.extractionAttempts > MAX_ATTEMPTS) return fail(job.id, "interrupted too many times");
  let text: string | null;
  try {
    const bytes = await attachmentStorage().get(job.storageKey);
    if (!bytes) return fail(job.id, "file missing from storage");
    text = await withTimeLimit(extractText(job.contentType as AttachmentContentType, bytes), EXTRACTION_TIME_LIMIT_MS);
  } catch (error) {
    return fail(job.id, String((error as Error)?.message ?? error));
  }
  await prisma.$executeRaw`
    UPDATE "Attachment" SET extraction = 'DONE', "extractedText" = ${text}, "extractionError" = NULL, "extractionLockedUntil" = NULL,
      "searchVector" = CASE WHEN ${text}::text IS NULL THEN NULL ELSE to_tsvector('parley_simple', ${text}::text) END
    WHERE id = ${job.id}`;
  return "done";
}

async function fail(id: string, message: string): Promise<"failed"> {
  await prisma.attachment.update({ where: { id }, data: { extraction: "FAILED", extractionError: message.slice(0, 500), extractionLockedUntil: null } });
  return "failed";
}

function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`extraction took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** Extracts every pending attachment, one at a time. @returns how many were processed. */
export async function drainExtractions(): Promise<number> {
  let n = 0;
  while ((await processNextExtraction()) !== null) n++;
  return n;
}

let draining: Promise<void> | null = null;
let again = false;

/**
 * Starts extracting pending attachments in this process now (call after the commit that added
 * them); the periodic worker (lib/jobs/worker.ts) picks up anything this misses. Never throws.
 */
export function wakeExtraction(): void {
  if (!env.DATABASE_URL) return;
  if (draining) {
    again = true;
    return;
  }
  draining = (async () => {
    do {
      again = false;
      await drainExtractions();
    } while (again);
  })()
    .catch((error) => console.error("[attachments] extraction failed", error))
    .finally(() => {
      draining = null;
    });
}
