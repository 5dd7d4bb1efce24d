import "server-only";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueDeliveries, wakeOutbox } from "@/lib/jobs/outbox";
import { digestBoundaries } from "./digest-schedule";

/**
 * Digests (issue 13, part 7). A follower chooses, per draft, immediate emails or a daily / weekly
 * digest (DraftFollow.delivery). For digest followers an event records a DigestItem row instead of
 * queuing an email, in the event's own transaction; runDigests later turns each follow's pending
 * items into one email. Due moments: lib/notifications/digest-schedule.ts.
 */

type Db = Prisma.TransactionClient;
export type DigestItemKind = "newVersion" | "reply" | "officialReply" | "closingSoon";

/**
 * Records one digest item for every digest follower of the draft who wants this kind of news
 * (newVersion: notifyVersions; closingSoon: notifyClosing), not suspended: one INSERT … SELECT.
 * Immediate followers get their email from enqueueFollowerEmails instead. Call in the event's transaction.
 * @returns the number of items recorded
 */
export async function recordFollowerDigestItems(tx: Db, draftId: string, kind: "newVersion" | "closingSoon", values: Record<string, string> = {}): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO "DigestItem" (id, "draftId", "userId", kind, "values", "createdAt")
    SELECT 'di_' || replace(gen_random_uuid()::text, '-', ''), f."draftId", f."userId", ${kind}, ${JSON.stringify(values)}::jsonb, now()
    FROM "DraftFollow" f JOIN "User" u ON u.id = f."userId"
    WHERE f."draftId" = ${draftId} AND f.delivery <> 'IMMEDIATE' AND u."suspendedAt" IS NULL
      AND (CASE WHEN ${kind} = 'newVersion' THEN u."notifyVersions" ELSE u."notifyClosing" END)`;
}

/**
 * An official reply (a comment the organisation posts officially) becomes a digest item for every
 * digest follower who wants version news (notifyVersions), except its author and the author of the
 * comment it answers (who gets a "reply" item or email instead). One INSERT … SELECT.
 * Immediate followers get no email for it (unchanged behaviour).
 */
export async function recordOfficialReplyItems(tx: Db, commentId: string): Promise<number> {
  const c = await tx.comment.findUnique({
    where: { id: commentId },
    select: { draftId: true, authorId: true, anchor: true, body: true, parent: { select: { id: true, authorId: true } }, draft: { select: { reference: true } } },
  });
  if (!c) return 0;
  const path = `/drafts/${encodeURIComponent(c.draft.reference)}/p/${c.anchor ?? "general"}#comment-${c.parent?.id ?? commentId}`;
  const values = JSON.stringify({ path, excerpt: c.body.slice(0, 300) });
  const parentAuthor = c.parent?.authorId ?? c.authorId;
  return tx.$executeRaw`
    INSERT INTO "DigestItem" (id, "draftId", "userId", kind, "values", "createdAt")
    SELECT 'di_' || replace(gen_random_uuid()::text, '-', ''), f."draftId", f."userId", 'officialReply', ${values}::jsonb, now()
    FROM "DraftFollow" f JOIN "User" u ON u.id = f."userId"
    WHERE f."draftId" = ${c.draftId} AND f.delivery <> 'IMMEDIATE' AND u."suspendedAt" IS NULL AND u."notifyVersions"
      AND f."userId" <> ${c.authorId} AND f."userId" <> ${parentAuthor}`;
}

/**
 * The reply to a digest follower's comment, as an item of their digest for that draft.
 * @returns false when the user does not follow the draft by digest (send the email instead)
 */
export async function recordReplyItem(tx: Db, { draftId, userId, values }: { draftId: string; userId: string; values: Record<string, string> }): Promise<boolean> {
  const recorded = await tx.$executeRaw`
    INSERT INTO "DigestItem" (id, "draftId", "userId", kind, "values", "createdAt")
    SELECT 'di_' || replace(gen_random_uuid()::text, '-', ''), f."draftId", f."userId", 'reply', ${JSON.stringify(values)}::jsonb, now()
    FROM "DraftFollow" f WHERE f."draftId" = ${draftId} AND f."userId" = ${userId} AND f.delivery <> 'IMMEDIATE'`;
  return recorded > 0;
}

const BATCH = 200;

/**
 * The periodic digest job. For every follow with pending items that are due (daily follows: items
 * recorded before today's DIGEST_HOUR_UTC; weekly: before this week's Monday at that hour; a follow
 * switched back to immediate: at once), queues one "digest" email per (user, draft) listing all its
 * pending items, and marks them sent, in the same statement (one transaction per batch of 200
 * follows). Follows are claimed FOR UPDATE SKIP LOCKED and items only taken while unsent, so
 * concurrent or repeated runs never queue an item twice, and a crash loses nothing (the outbox
 * then sends the emails). Suspended users' items are marked sent without an email.
 * @returns the number of digest emails queued
 */
export async function runDigests(now: Date = new Date()): Promise<number> {
  const { daily, weekly } = digestBoundaries(now, env.DIGEST_HOUR_UTC);
  // The outbox sends from the wall clock, whatever moment `now` stands for.
  const queuedAt = new Date();
  let queued = 0;
  for (;;) {
    // The batch's emails and their delivery jobs commit together (lib/jobs/outbox.ts).
    const row = await prisma.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ claimed: number; emails: string[] }[]>`
      WITH due AS (
        SELECT f."draftId", f."userId", f.delivery FROM "DraftFollow" f
        WHERE EXISTS (
          SELECT 1 FROM "DigestItem" i
          WHERE i."draftId" = f."draftId" AND i."userId" = f."userId" AND i."sentAt" IS NULL
            AND (f.delivery = 'IMMEDIATE' OR (f.delivery = 'DAILY' AND i."createdAt" < ${daily}) OR (f.delivery = 'WEEKLY' AND i."createdAt" < ${weekly})))
        LIMIT ${BATCH}
        FOR UPDATE OF f SKIP LOCKED
      ), items AS (
        UPDATE "DigestItem" i SET "sentAt" = ${now} FROM due
        WHERE i."draftId" = due."draftId" AND i."userId" = due."userId" AND i."sentAt" IS NULL
        RETURNING i."draftId", i."userId", i.kind, i."values", i."createdAt", due.delivery
      ), followed AS (
        UPDATE "DraftFollow" f SET "lastDigestAt" = ${now} FROM due
        WHERE f."draftId" = due."draftId" AND f."userId" = due."userId"
      ), emails AS (
        INSERT INTO "OutboxEmail" (id, kind, "to", "userId", locale, "values", "organisationId", "draftId", "runAt", "createdAt")
        SELECT 'ob_' || replace(gen_random_uuid()::text, '-', ''), 'digest', u.email, u.id, u.locale,
          jsonb_build_object(
            'path', '/drafts/' || d.reference, 'title', d.title, 'reference', d.reference, 'draftId', d.id,
            'frequency', min(items.delivery::text),
            'items', (jsonb_agg(jsonb_build_object('kind', items.kind, 'at', items."createdAt", 'values', items."values") ORDER BY items."createdAt"))::text),
          d."organisationId", d.id, ${queuedAt}, ${queuedAt}
        FROM items JOIN "User" u ON u.id = items."userId" JOIN "Draft" d ON d.id = items."draftId"
        WHERE u."suspendedAt" IS NULL
        GROUP BY u.id, d.id
        RETURNING id
      )
      SELECT (SELECT count(*) FROM due)::int AS claimed, array(SELECT id FROM emails) AS emails`;
    await queueDeliveries(tx, row?.emails ?? []);
    return row;
    });
    queued += row?.emails.length ?? 0;
    if (!row || row.claimed < BATCH) break;
  }
  if (queued) wakeOutbox();
  return queued;
}
