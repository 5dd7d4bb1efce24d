import "server-only";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authEmailKinds, renderAuthEmail, type AuthEmailKind } from "@/lib/mail/auth-emails";
import { sendMail, type Mail } from "@/lib/mail/send-mail";
import { notificationKinds, renderNotification, type NotificationKind } from "@/lib/notifications/send-notification";

/**
 * The email outbox (table "OutboxEmail"). Emails are rows written in the transaction of the event that
 * causes them; workers claim one row at a time (FOR UPDATE SKIP LOCKED, so any number of processes
 * share the work), send it, and mark it sent. A worker killed mid-send leaves its row claimed until
 * the lease (OUTBOX_LEASE_SECONDS) runs out, then another worker sends it again: that one message is
 * the only possible duplicate. A failed send is retried with exponential backoff and, after
 * OUTBOX_MAX_ATTEMPTS, kept as DEAD for the organisation's owners (lib/jobs/dead-letters.ts).
 */

type Db = Prisma.TransactionClient | typeof prisma;
export type EmailKind = AuthEmailKind | NotificationKind;

export type NewOutboxEmail = {
  kind: EmailKind;
  to: string;
  userId?: string | null;
  locale?: string | null;
  /** Template values; notifications need `path` (the page's path on this site). */
  values: Record<string, string>;
  organisationId?: string | null;
  draftId?: string | null;
};

/** Queues one email (in `db`'s transaction when given one). */
export async function enqueueEmail(db: Db, email: NewOutboxEmail): Promise<void> {
  await db.outboxEmail.create({
    data: {
      kind: email.kind,
      to: email.to,
      userId: email.userId ?? null,
      locale: email.locale ?? null,
      values: email.values,
      organisationId: email.organisationId ?? null,
      draftId: email.draftId ?? null,
    },
  });
}

/**
 * Queues one email per follower of the draft who wants this kind (versions or closing), not suspended
 * and not on a daily/weekly digest for it (except "closed"): one INSERT … SELECT. @returns the number queued
 */
export async function enqueueFollowerEmails(db: Db, draftId: string, kind: "newVersion" | "closingSoon" | "closed", values: Record<string, string> = {}): Promise<number> {
  const draft = await db.draft.findUnique({ where: { id: draftId }, select: { reference: true, title: true, organisationId: true } });
  if (!draft) return 0;
  const all = JSON.stringify({ path: `/drafts/${encodeURIComponent(draft.reference)}`, title: draft.title, reference: draft.reference, ...values });
  const now = new Date();
  return db.$executeRaw`
    INSERT INTO "OutboxEmail" (id, kind, "to", "userId", locale, "values", "organisationId", "draftId", "runAt", "createdAt")
    SELECT 'ob_' || replace(gen_random_uuid()::text, '-', ''), ${kind}, u.email, u.id, u.locale, ${all}::jsonb, ${draft.organisationId}, ${draftId}, ${now}, ${now}
    FROM "DraftFollow" f JOIN "User" u ON u.id = f."userId"
    WHERE f."draftId" = ${draftId} AND u."suspendedAt" IS NULL
      -- Digests (lib/notifications/digests.ts): daily/weekly followers get a digest item instead.
      AND (f.delivery = 'IMMEDIATE' OR ${kind} = 'closed')
      AND (CASE WHEN ${kind} = 'newVersion' THEN u."notifyVersions" ELSE u."notifyClosing" END)`;
}

type Claimed = { id: string; kind: string; to: string; userId: string | null; locale: string | null; values: Record<string, string>; attempts: number };

/** Claims the next due email for this worker (or null when none is due). */
export async function claimNextEmail(now = new Date()): Promise<Claimed | null> {
  const leaseEnd = new Date(now.getTime() + env.OUTBOX_LEASE_SECONDS * 1000);
  const [row] = await prisma.$queryRaw<Claimed[]>`
    UPDATE "OutboxEmail" SET "lockedUntil" = ${leaseEnd}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM "OutboxEmail"
      WHERE status = 'PENDING' AND "runAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "runAt", id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, "to", "userId", locale, "values", attempts`;
  return row ?? null;
}

/** The delay before attempt n + 1 after n failures: 30 s doubling up to 1 h, ±20 % jitter (ms). */
export function backoffMs(failures: number, random = Math.random()): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, failures - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random));
}

async function render(email: Claimed): Promise<Mail> {
  if ((authEmailKinds as readonly string[]).includes(email.kind)) return renderAuthEmail(email.kind as AuthEmailKind, email.to, email.values.url ?? "", email.locale);
  if ((notificationKinds as readonly string[]).includes(email.kind)) {
    const { path = "/", ...values } = email.values;
    return renderNotification({ user: { id: email.userId ?? "", email: email.to, locale: email.locale }, kind: email.kind as NotificationKind, path, values });
  }
  throw new Error(`unknown email kind ${email.kind}`);
}

/** Sends one claimed email and records the outcome: sent, retry later, or dead after the last attempt. */
export async function deliver(email: Claimed): Promise<"sent" | "retry" | "dead"> {
  if (email.attempts > env.OUTBOX_MAX_ATTEMPTS) {
    await prisma.outboxEmail.update({ where: { id: email.id }, data: { status: "DEAD", lockedUntil: null, lastError: "interrupted too many times" } });
    return "dead";
  }
  try {
    await sendMail(await render(email));
  } catch (error) {
    const message = String((error as Error)?.message ?? error).slice(0, 500);
    const dead = email.attempts >= env.OUTBOX_MAX_ATTEMPTS;
    await prisma.outboxEmail.update({
      where: { id: email.id },
      data: dead ? { status: "DEAD", lockedUntil: null, lastError: message } : { runAt: new Date(Date.now() + backoffMs(email.attempts)), lockedUntil: null, lastError: message },
    });
    console.warn(`[outbox] ${email.kind} email ${email.id} failed (attempt ${email.attempts}${dead ? ", giving up" : ""}): ${message}`);
    return dead ? "dead" : "retry";
  }
  const secret = (authEmailKinds as readonly string[]).includes(email.kind);
  await prisma.outboxEmail.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null, ...(secret ? { values: {} } : {}) } });
  return "sent";
}

/**
 * Sends every email that is due, `parallel` at a time (one by default: a process killed mid-send
 * then interrupts exactly one message), until none is left.
 * @returns how many were sent
 */
export async function drainOutbox(parallel = 1): Promise<number> {
  let sent = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (;;) {
        const email = await claimNextEmail();
        if (!email) return;
        if ((await deliver(email)) === "sent") sent++;
      }
    }),
  );
  return sent;
}

let draining: Promise<void> | null = null;
let again = false;

/**
 * Starts sending due emails in this process now (call after the commit that queued them); the
 * periodic worker catches anything this misses. Never throws.
 */
export function wakeOutbox(): void {
  if (!env.DATABASE_URL) return;
  if (draining) {
    again = true;
    return;
  }
  draining = (async () => {
    do {
      again = false;
      await drainOutbox();
    } while (again);
  })()
    .catch((error) => console.error("[outbox] sending failed", error))
    .finally(() => {
      draining = null;
    });
}
