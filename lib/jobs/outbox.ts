import "server-only";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authEmailKinds, renderAuthEmail, type AuthEmailKind } from "@/lib/mail/auth-emails";
import { sendMail, type Mail } from "@/lib/mail/send-mail";
import { notificationKinds, renderNotification, type NotificationKind } from "@/lib/notifications/send-notification";
import { onTransaction, QUEUES, queueWriter } from "./boss";

/**
 * The email outbox. Each email is a row ("OutboxEmail": content, status, attempts, last error) and a
 * job in the "email" queue (lib/jobs/boss.ts), both written in the transaction of the event that
 * causes it, so an email exists exactly when its event committed. Workers of any number of processes
 * take one job at a time, send the row's email and mark it sent; a job whose worker was killed mid-send
 * expires after OUTBOX_LEASE_SECONDS and is sent again: that one message is the only possible
 * duplicate (a row already SENT is never sent again). A failed send is retried by the queue with
 * exponential backoff; after OUTBOX_MAX_ATTEMPTS the row is DEAD, listed for the organisation's
 * owners (lib/jobs/dead-letters.ts).
 */

type Db = Prisma.TransactionClient | typeof prisma;
const isRoot = (db: Db): db is typeof prisma => db === prisma;
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
  // The row and its job commit together: outside a transaction, this opens one.
  if (isRoot(db)) return db.$transaction((tx) => enqueueEmail(tx, email));
  const row = await db.outboxEmail.create({
    select: { id: true },
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
  await queueDeliveries(db, [row.id]);
}

/**
 * The delivery jobs of these outbox rows, in `db`'s transaction: retries, backoff and expiry per env.
 * Every statement that writes "OutboxEmail" rows itself (set-wise INSERT … SELECT) must call this in
 * the same transaction with the ids it wrote, or the rows are never sent.
 */
export async function queueDeliveries(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const job = {
    name: QUEUES.email,
    retryLimit: env.OUTBOX_MAX_ATTEMPTS - 1,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: env.OUTBOX_LEASE_SECONDS,
    deadLetter: QUEUES.emailDead,
  };
  await queueWriter().insert(
    ids.map((id) => ({ ...job, data: { id } })),
    { db: onTransaction(db) } as object,
  );
}

/**
 * Queues one email per follower of the draft who wants this kind (versions or closing), not suspended
 * and not on a daily/weekly digest for it (except "closed"): one INSERT … SELECT. @returns the number queued
 */
export async function enqueueFollowerEmails(db: Db, draftId: string, kind: "newVersion" | "closingSoon" | "closed", values: Record<string, string> = {}): Promise<number> {
  if (isRoot(db)) return db.$transaction((tx) => enqueueFollowerEmails(tx, draftId, kind, values));
  const draft = await db.draft.findUnique({ where: { id: draftId }, select: { reference: true, title: true, organisationId: true } });
  if (!draft) return 0;
  const all = JSON.stringify({ path: `/drafts/${encodeURIComponent(draft.reference)}`, title: draft.title, reference: draft.reference, ...values });
  const now = new Date();
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "OutboxEmail" (id, kind, "to", "userId", locale, "values", "organisationId", "draftId", "runAt", "createdAt")
    SELECT 'ob_' || replace(gen_random_uuid()::text, '-', ''), ${kind}, u.email, u.id, u.locale, ${all}::jsonb, ${draft.organisationId}, ${draftId}, ${now}, ${now}
    FROM "DraftFollow" f JOIN "User" u ON u.id = f."userId"
    WHERE f."draftId" = ${draftId} AND u."suspendedAt" IS NULL
      -- Digests (lib/notifications/digests.ts): daily/weekly followers get a digest item instead.
      AND (f.delivery = 'IMMEDIATE' OR ${kind} = 'closed')
      AND (CASE WHEN ${kind} = 'newVersion' THEN u."notifyVersions" ELSE u."notifyClosing" END)
    RETURNING id`;
  await queueDeliveries(db, rows.map((r) => r.id));
  return rows.length;
}

type Claimed = { id: string; kind: string; to: string; userId: string | null; locale: string | null; values: Record<string, string>; attempts: number };

async function render(email: Claimed): Promise<Mail> {
  if ((authEmailKinds as readonly string[]).includes(email.kind)) return renderAuthEmail(email.kind as AuthEmailKind, email.to, email.values.url ?? "", email.locale);
  if ((notificationKinds as readonly string[]).includes(email.kind)) {
    const { path = "/", ...values } = email.values;
    return renderNotification({ user: { id: email.userId ?? "", email: email.to, locale: email.locale }, kind: email.kind as NotificationKind, path, values });
  }
  throw new Error(`unknown email kind ${email.kind}`);
}

/**
 * Sends one outbox email for its delivery job and records the outcome. `lastAttempt` is the job's
 * last try (the queue retries a thrown error with backoff until then).
 * @returns "sent"; "skipped" when the row was already sent or given up (a job retried after its
 *   worker died after sending); "dead" when the last attempt failed
 * @throws the send's error when the queue should retry
 */
export async function deliverEmail(id: string, lastAttempt: boolean): Promise<"sent" | "skipped" | "dead"> {
  const [email] = await prisma.$queryRaw<Claimed[]>`
    UPDATE "OutboxEmail" SET attempts = attempts + 1, "lockedUntil" = now() + make_interval(secs => ${env.OUTBOX_LEASE_SECONDS})
    WHERE id = ${id} AND status = 'PENDING'
    RETURNING id, kind, "to", "userId", locale, "values", attempts`;
  if (!email) return "skipped";
  try {
    await sendMail(await render(email));
  } catch (error) {
    const message = String((error as Error)?.message ?? error).slice(0, 500);
    await prisma.outboxEmail.update({ where: { id }, data: lastAttempt ? { status: "DEAD", lockedUntil: null, lastError: message } : { lockedUntil: null, lastError: message } });
    console.warn(`[outbox] ${email.kind} email ${id} failed (attempt ${email.attempts}${lastAttempt ? ", giving up" : ""}): ${message}`);
    if (lastAttempt) return "dead";
    throw error;
  }
  const secret = (authEmailKinds as readonly string[]).includes(email.kind);
  await prisma.outboxEmail.update({ where: { id }, data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastError: null, ...(secret ? { values: {} } : {}) } });
  return "sent";
}

/**
 * A delivery job the queue gave up on without a final failed send (its last worker was killed):
 * the row, if still pending, is listed as undeliverable.
 */
export async function giveUpEmail(id: string): Promise<void> {
  await prisma.outboxEmail.updateMany({ where: { id, status: "PENDING" }, data: { status: "DEAD", lockedUntil: null, lastError: "interrupted too many times" } });
}

const wakers = new Set<() => void>();

/** Lets this process's email worker be woken (lib/jobs/worker.ts). @returns a function that removes it */
export function onWakeOutbox(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

/**
 * Asks this process's email worker to fetch now rather than at its next poll (call after the commit
 * that queued emails). The emails are queued already: without a worker here, any other process's
 * worker sends them. Never throws.
 */
export function wakeOutbox(): void {
  for (const wake of wakers) wake();
}
