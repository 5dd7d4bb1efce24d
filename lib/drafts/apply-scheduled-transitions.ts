import "server-only";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { readingCacheChannel } from "@/lib/server/invalidation";

/**
 * Opens upcoming drafts whose opening time has come and closes open ones whose closing time has
 * passed, recording each change on the timeline with no actor (it happened by itself). One
 * statement per direction, so concurrent runs (several app processes) never double-record. A change
 * is announced to every process's reading cache (NOTIFY), as a request's write would be.
 */
export async function applyScheduledTransitions(now = new Date()): Promise<{ opened: number; closed: number }> {
  const [opened, closed] = await prisma.$transaction([
    prisma.$executeRaw`
      WITH changed AS (
        UPDATE "Draft" SET status = 'OPEN', "updatedAt" = ${now}
        WHERE status = 'SCHEDULED' AND "opensAt" <= ${now}
        RETURNING id)
      INSERT INTO "DraftEvent" (id, "draftId", type, "fromStatus", "toStatus", "createdAt")
      SELECT 'evt_' || md5(random()::text || id), id, 'OPENED', 'SCHEDULED', 'OPEN', ${now} FROM changed`,
    prisma.$executeRaw`
      WITH changed AS (
        UPDATE "Draft" SET status = 'CLOSED', "updatedAt" = ${now}
        WHERE status = 'OPEN' AND "closesAt" <= ${now}
        RETURNING id)
      INSERT INTO "DraftEvent" (id, "draftId", type, "fromStatus", "toStatus", "createdAt")
      SELECT 'evt_' || md5(random()::text || id), id, 'CLOSED', 'OPEN', 'CLOSED', ${now} FROM changed`,
  ]);
  // Readers' cached pages must show the change (lib/server/reading-cache.ts): tell every process.
  if (opened + closed > 0) await prisma.$executeRaw`SELECT pg_notify(${readingCacheChannel}, 'scheduled-transition')`;
  return { opened, closed };
}

let last = 0;
/** Cheap guard for read paths: at most one run per process every few seconds. */
export async function applyScheduledTransitionsThrottled(intervalMs = 5_000): Promise<void> {
  const now = Date.now();
  if (now - last < intervalMs || !env.DATABASE_URL) return; // no database while `next build` prerenders
  last = now;
  try {
    await applyScheduledTransitions();
  } catch (error) {
    console.error("[drafts] scheduled transitions failed", error);
  }
}
