import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { onTransaction, QUEUES, queueWriter } from "@/lib/jobs/boss";
import { extractText } from "./extract-text";
import type { AttachmentContentType } from "./rules";
import { attachmentStorage } from "./storage";

/**
 * Text extraction as durable work: one job per file in the "attachments.extract" queue
 * (lib/jobs/boss.ts), sent in the transaction that inserts the PENDING attachment, so a file has a
 * job exactly when its comment committed. A worker of any process takes one job at a time, reads the
 * file's text and stores it with its search vector (`parley_simple`: accent-folded, no stemming,
 * whatever the file's language). A file that cannot be read (damaged, over the time limit, missing
 * from storage) is FAILED at once: trying again would not change it. A storage error is retried by the
 * queue with backoff, and so is a job whose worker died (its expiry passes); after the last try the
 * file is FAILED, by the last attempt itself or, when that one was interrupted, from the dead-letter
 * queue ("attachments.extract.dead").
 */

/** Longest one extraction may take before the file is marked FAILED (ms). */
export const EXTRACTION_TIME_LIMIT_MS = 20_000;

/** Each job's queue options: tries = 1 + retryLimit; retries after 10–20 s, 20–40 s, 40–80 s; a worker silent for 120 s is presumed dead. */
export const EXTRACTION_JOB = { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 120, deadLetter: QUEUES.extractionDead } as const;

/**
 * Queues the extraction job of each of these attachments, in `tx` (the transaction that inserted
 * them: the jobs commit or roll back with the rows). Every insert of a PENDING attachment must call it.
 */
export async function queueExtractions(tx: Prisma.TransactionClient, attachmentIds: string[]): Promise<void> {
  if (attachmentIds.length === 0) return;
  await queueWriter().insert(
    attachmentIds.map((attachmentId) => ({ name: QUEUES.extraction, ...EXTRACTION_JOB, data: { attachmentId } })),
    { db: onTransaction(tx) } as object,
  );
}

type Claimed = { id: string; storageKey: string; contentType: string };

const messageOf = (error: unknown) => String((error as Error)?.message ?? error);

/**
 * Extracts one attachment's text for its job. `lastAttempt` is the job's last try (the queue retries a
 * thrown error with backoff until then).
 * @returns "done" (text and search vector stored; null text for an empty file); "failed" (marked
 *   FAILED with the error); "skipped" when the file is not PENDING (already done, or gone)
 * @throws the storage's error when the queue should retry
 */
export async function extractAttachment(attachmentId: string, lastAttempt: boolean): Promise<"done" | "failed" | "skipped"> {
  const [file] = await prisma.$queryRaw<Claimed[]>`
    UPDATE "Attachment" SET "extractionAttempts" = "extractionAttempts" + 1
    WHERE id = ${attachmentId} AND extraction = 'PENDING'
    RETURNING id, "storageKey", "contentType"`;
  if (!file) return "skipped";
  let bytes: Uint8Array | null;
  try {
    bytes = await attachmentStorage().get(file.storageKey);
  } catch (error) {
    // The storage may be back later (S3 unreachable): the queue tries again, unless this was the last try.
    if (lastAttempt) return fail(file.id, messageOf(error));
    console.warn(`[attachments] reading ${file.id} failed, to be retried: ${messageOf(error)}`);
    throw error;
  }
  if (!bytes) return fail(file.id, "file missing from storage");
  let text: string | null;
  try {
    text = await withTimeLimit(extractText(file.contentType as AttachmentContentType, bytes), EXTRACTION_TIME_LIMIT_MS);
  } catch (error) {
    return fail(file.id, messageOf(error));
  }
  await prisma.$executeRaw`
    UPDATE "Attachment" SET extraction = 'DONE', "extractedText" = ${text}, "extractionError" = NULL,
      "searchVector" = CASE WHEN ${text}::text IS NULL THEN NULL ELSE to_tsvector('parley_simple', ${text}::text) END
    WHERE id = ${file.id} AND extraction = 'PENDING'`;
  return "done";
}

/** A job the queue gave up on without a final try that recorded its outcome (its last worker died): the file, if still pending, is FAILED. */
export async function giveUpExtraction(attachmentId: string): Promise<void> {
  await prisma.attachment.updateMany({ where: { id: attachmentId, extraction: "PENDING" }, data: { extraction: "FAILED", extractionError: "interrupted too many times" } });
}

async function fail(id: string, message: string): Promise<"failed"> {
  await prisma.attachment.updateMany({ where: { id, extraction: "PENDING" }, data: { extraction: "FAILED", extractionError: message.slice(0, 500) } });
  return "failed";
}

function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`extraction took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

const wakers = new Set<() => void>();

/** Lets this process's extraction worker be woken (lib/jobs/worker.ts). @returns a function that removes it */
export function onWakeExtraction(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

/**
 * Asks this process's extraction worker to fetch now rather than at its next poll (call after the
 * commit that queued files). The jobs are queued already: without a worker here, any other process's
 * worker takes them. Never throws.
 */
export function wakeExtraction(): void {
  for (const wake of wakers) wake();
}
