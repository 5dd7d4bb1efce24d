import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueFollowerEmails, wakeOutbox } from "@/lib/jobs/outbox";
import { recordFollowerDigestItems } from "./digests";

/**
 * Queues one email to everyone following a draft who wants this kind of email, and records a digest
 * item instead for those on a daily or weekly digest ("closed" is always immediate): one
 * INSERT … SELECT each, however many followers. Call inside the transaction of the change that causes it.
 * @returns the number of emails queued
 */
export async function notifyFollowers(tx: Prisma.TransactionClient, draftId: string, kind: "newVersion" | "closingSoon" | "closed", values: Record<string, string> = {}): Promise<number> {
  if (kind !== "closed") await recordFollowerDigestItems(tx, draftId, kind, values);
  return enqueueFollowerEmails(tx, draftId, kind, values);
}

/**
 * Closing reminders: 48 hours before the end, and when it has closed. Each is recorded once per draft
 * (DraftReminder) in the same transaction as its emails are queued, so a crash either leaves both or
 * neither; the outbox worker sends them.
 * @returns the number of drafts reminded about
 */
export async function sendClosingReminders(now = new Date()): Promise<number> {
  const count = await prisma.$transaction(async (tx) => {
    const soon = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "DraftReminder" ("draftId", kind, "sentAt")
      SELECT id, 'closing-48h', ${now} FROM "Draft"
      WHERE status = 'OPEN' AND "closesAt" > ${now} AND "closesAt" <= ${new Date(now.getTime() + 48 * 3600_000)}
      ON CONFLICT DO NOTHING RETURNING "draftId" AS id`;
    const closed = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "DraftReminder" ("draftId", kind, "sentAt")
      SELECT id, 'closed', ${now} FROM "Draft"
      WHERE status = 'CLOSED' AND "closesAt" > ${new Date(now.getTime() - 7 * 24 * 3600_000)}
      ON CONFLICT DO NOTHING RETURNING "draftId" AS id`;
    for (const d of soon) await notifyFollowers(tx, d.id, "closingSoon");
    for (const d of closed) await notifyFollowers(tx, d.id, "closed");
    return soon.length + closed.length;
  });
  if (count) wakeOutbox();
  return count;
}
