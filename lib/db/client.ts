import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseMode, env } from "@/lib/env";
import { noteDatabaseOutcome } from "./availability";

function createPool(): pg.Pool {
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set. Start Parley with `npm start` (it starts the embedded database) " +
        "or set DATABASE_URL to a PostgreSQL server.",
    );
  }
  // The embedded PGlite server multiplexes one backend; statements from several connections can
  // interleave mid-protocol, so the app keeps a single connection to it.
  const max = env.DATABASE_POOL_MAX ?? (databaseMode === "embedded" ? 1 : 10);
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max, ...connectionLimits() });
  // An idle connection that fails (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  return pool;
}

function createClient(pool: pg.Pool): PrismaClient {
  const adapter = new PrismaPg(pool);
  // Every operation reports whether the database answered, so a page that fails during an outage
  // is answered 503 + Retry-After by the server entry (lib/db/availability.ts), not 500.
  return new PrismaClient({ adapter }).$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          const result = await query(args);
          noteDatabaseOutcome();
          return result;
        } catch (error) {
          noteDatabaseOutcome(error);
          throw error;
        }
      },
    },
  }) as unknown as PrismaClient;
}

/**
 * Bounds on database time for every pooled connection (node-postgres sends the two timeouts as
 * startup parameters, so they hold for every statement on the connection): a statement running longer
 * than DATABASE_STATEMENT_TIMEOUT_MS is cancelled (SQLSTATE 57014), one waiting on a lock longer than
 * DATABASE_LOCK_TIMEOUT_MS fails (55P03), and waiting for a connection is bounded by
 * DATABASE_POOL_TIMEOUT_MS. lib/db/errors.ts classifies all three as "database unavailable" (503).
 */
export function connectionLimits() {
  return {
    connectionTimeoutMillis: env.DATABASE_POOL_TIMEOUT_MS,
    statement_timeout: env.DATABASE_STATEMENT_TIMEOUT_MS,
    lock_timeout: env.DATABASE_LOCK_TIMEOUT_MS,
    // A transaction left idle (its request gone) releases its locks instead of holding them.
    idle_in_transaction_session_timeout: Math.max(env.DATABASE_STATEMENT_TIMEOUT_MS, 10_000) * 2,
  };
}

// One client per process: Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { parleyPrisma?: PrismaClient; parleyPool?: pg.Pool };

function pool(): pg.Pool {
  return (globalForPrisma.parleyPool ??= createPool());
}

function client(): PrismaClient {
  return (globalForPrisma.parleyPrisma ??= createClient(pool()));
}

/**
 * One SQL statement on the pool under the shared Prisma client (the same connections, limits and
 * outage bookkeeping), without Prisma's query engine: for a hot path that is a single raw statement
 * already (e.g. an anonymous survey answer, lib/surveys/submit-response.ts), where Prisma's
 * per-query work costs more than the statement. Values are sent as node-postgres parameters; rows
 * come back as node-postgres parses them (int4 → number, int8/numeric → string, timestamptz → Date).
 * @param statement a Prisma.sql template (its PostgreSQL text and values are used)
 * @throws the node-postgres error (SQLSTATE in `code`, e.g. 23505, 57014)
 */
export async function rawStatement<T>(statement: { text: string; values: unknown[] }): Promise<T[]> {
  try {
    const result = await pool().query(statement.text, statement.values);
    noteDatabaseOutcome();
    return result.rows as T[];
  } catch (error) {
    noteDatabaseOutcome(error);
    throw error;
  }
}

/**
 * The shared client, created on first use rather than at import: `next build` imports every
 * route without a database, and only a request needs one.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
