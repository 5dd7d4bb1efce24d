import "server-only";
import { prisma } from "@/lib/db/client";
import { sendNotification } from "./send-notification";

/**
 * Emails everyone following a draft (who wants this kind of email), in batches, after the change
 * that triggered it has been committed.
 */
export async function notifyFollowers(draftId: string, kind: "newVersion" | "closingSoon" | "closed", values: Record<string, string> = {}) {
  const draft = await prisma.draft.findUnique({ where: { id: draftId }, select: { reference: true, title: true } });
  if (!draft) return;
  const preference = kind === "newVersion" ? { notifyVersions: true } : { notifyClosing: true };
  let cursor: string | undefined;
  for (;;) {
    const batch = await prisma.draftFollow.findMany({
      where: { draftId, user: { ...preference, suspendedAt: null } },
      select: { userId: true, user: { select: { id: true, email: true, locale: true } } },
      orderBy: { userId: "asc" },
      take: 200,
      ...(cursor ? { skip: 1, cursor: { draftId_userId: { draftId, userId: cursor } } } : {}),
    });
    for (const f of batch) {
      await sendNotification({ user: f.user, kind, path: `/drafts/${encodeURIComponent(draft.reference)}`, values: { title: draft.title, reference: draft.reference, ...values } }).catch((error) =>
        console.error("[notifications] email failed", error),
      );
    }
    if (batch.length < 200) break;
    cursor = batch[batch.length - 1]!.userId;
  }
}

/** Closing reminders: 48 hours before the end, and when it has closed. Each is sent once per draft. */
export async function sendClosingReminders(now = new Date()): Promise<number> {
  const soon = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO "DraftReminder" ("draftId", kind, "sentAt")
    SELECT id, 'closing-48h', ${now} FROM "Draft"
    WHERE status = 'OPEN' AND "closesAt" > ${now} AND "closesAt" <= ${new Date(now.getTime() + 48 * 3600_000)}
    ON CONFLICT DO NOTHING RETURNING "draftId" AS id`;
  const closed = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO "DraftReminder" ("draftId", kind, "sentAt")
    SELECT id, 'closed', ${now} FROM "Draft"
    WHERE status = 'CLOSED' AND "closesAt" > ${new Date(now.getTime() - 7 * 24 * 3600_000)}
    ON CONFLICT DO NOTHING RETURNING "draftId" AS id`;
  for (const d of soon) await notifyFollowers(d.id, "closingSoon");
  for (const d of closed) await notifyFollowers(d.id, "closed");
  return soon.length + closed.length;
}
