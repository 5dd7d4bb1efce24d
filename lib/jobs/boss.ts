import "server-only";
import PgBoss from "pg-boss";
import { prisma } from "@/lib/db/client";
import { databaseMode, env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The job queue: pg-boss 10 on our own database (schema "pgboss", created by the Prisma migration
 * 20261130123800_job_queue so that it exists before any transaction queues a job). Jobs that follow
 * an event are inserted in that event's transaction through `onTransaction(tx)`; workers of every
 * process fetch them with FOR UPDATE SKIP LOCKED; a job whose worker died is failed by pg-boss's
 * maintenance once its expiry passes and retried with backoff, then moved to its dead-letter queue.
 */

/** Queues that business transactions write to (created by the migration; others at start). */
export const QUEUES = {
  email: "email",
  emailDead: "email.dead",
  analysis: "analysis",
  /** One job per attachment whose text is to be read (20261130170000_attachment_jobs). */
  extraction: "attachments.extract",
  extractionDead: "attachments.extract.dead",
} as const;

type Sql = { executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };
type Db = Prisma.TransactionClient | typeof prisma;

/** Prisma returns int8 as bigint and numeric as Decimal; pg-boss expects what node-postgres gives. */
function plain(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  for (const row of rows)
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === "bigint") row[key] = Number(value);
      else if (value && typeof value === "object" && "toNumber" in value && typeof value.toNumber === "function") row[key] = value.toNumber();
    }
  return rows;
}

const args = (values: unknown[] = []) => values.map((v) => (v === undefined ? null : v));

/**
 * pg-boss's `db` option running its SQL on a Prisma client or transaction: a job sent with
 * `{ db: onTransaction(tx) }` is committed, or rolled back, with the event that caused it.
 */
export function onTransaction(db: Db): Sql {
  return { executeSql: async (text, values) => ({ rows: plain(await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...args(values))) }) };
}

/**
 * pg-boss's whole database access on Prisma's connection, for the embedded database (PGlite serves
 * one backend, so the app keeps one connection to it). pg-boss's maintenance statements come as one
 * "BEGIN; …; COMMIT;" script: they run here as one Prisma transaction, statement by statement.
 * (Checked by running the worker on PGlite: jobs fetched, sent, expired and retried.)
 */
function onPrisma(): Sql {
  return {
    async executeSql(text, values) {
      // Prisma cannot read regclass or void columns (pg-boss's "is it installed" check, its queue
      // functions): read as text, same meaning.
      text = text.replace(/to_regclass\(('[^']*')\)/g, "to_regclass($1)::text").replace(/^SELECT (\w+\.(?:create|delete)_queue\([$0-9, ]+\))$/, "SELECT $1::text");
      // Fetched jobs come back as JSON: the columns of pg-boss's fetch (UPDATE … RETURNING with
      // CTEs) are not all types Prisma reads back from PGlite.
      if (/RETURNING j\./.test(text)) {
        const rows = await prisma.$queryRawUnsafe<{ r: string }[]>(`WITH fetched AS (${text}) SELECT row_to_json(fetched)::text AS r FROM fetched`, ...args(values));
        return { rows: rows.map((row) => JSON.parse(row.r) as Record<string, unknown>) };
      }
      if (values?.length || !/^\s*BEGIN;/.test(text)) return onTransaction(prisma).executeSql(text, values);
      if (text.includes("$$")) throw new Error("pg-boss schema changes run through the Prisma migrations in embedded mode");
      const statements = text
        .split(/;\s*\n/)
        .map((s) => s.trim().replace(/;$/, ""))
        .filter((s) => s && s !== "BEGIN" && s !== "COMMIT");
      // Their results are not read (expire, archive, drop), and the advisory lock returns void.
      await prisma.$transaction(async (tx) => {
        for (const statement of statements) await tx.$executeRawUnsafe(statement);
      });
      return { rows: [] };
    },
  };
}

/** Maintenance (expiring jobs of dead workers, retries, archiving) runs this often, in one process at a time. */
function maintenanceSeconds() {
  return env.JOBS_MAINTENANCE_SECONDS;
}

function options(): PgBoss.ConstructorOptions {
  const common = {
    schema: "pgboss",
    maintenanceIntervalSeconds: maintenanceSeconds(),
    archiveCompletedAfterSeconds: 3_600,
    archiveFailedAfterSeconds: 7 * 86_400,
    deleteAfterDays: 7,
    cronMonitorIntervalSeconds: 10,
  };
  if (databaseMode === "embedded") return { ...common, db: onPrisma(), migrate: false };
  return { ...common, connectionString: env.DATABASE_URL, max: 3, application_name: "parley-jobs" };
}

const g = globalThis as unknown as { parleyQueueWriter?: PgBoss };

/** A pg-boss instance that is never started: it only renders jobs into a caller's transaction. */
export function queueWriter(): PgBoss {
  g.parleyQueueWriter ??= new PgBoss({ schema: "pgboss", db: onTransaction(prisma) });
  return g.parleyQueueWriter;
}

/** A started pg-boss for this process's workers (its connections, maintenance and schedules). */
export async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss(options());
  // An "error" event without a listener would end the process; a lost connection is retried by the pool.
  boss.on("error", (error) => console.error("[jobs] queue error:", (error as Error)?.message ?? error));
  await boss.start();
  return boss;
}
