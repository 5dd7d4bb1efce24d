import { env } from "@/lib/env";
import { DatabaseUnavailableError } from "@/lib/errors";

/**
 * DatabaseUnavailableError (lib/errors.ts) is what the API edge (lib/http/error-map.ts) answers with
 * 503 + Retry-After; isDatabaseUnavailable() below recognises the raw errors that mean the same.
 */
export { DatabaseUnavailableError };

/** Seconds a client should wait before retrying (DATABASE_RETRY_AFTER_SECONDS). */
export function databaseRetryAfterSeconds(): number {
  return env.DATABASE_RETRY_AFTER_SECONDS;
}

// Prisma: P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the
// connection, P2024 timed out fetching a connection from the pool, P2028 could not start a
// transaction in time (pool). PostgreSQL (SQLSTATE): 57014 query_canceled (statement_timeout),
// 55P03 lock_not_available (lock_timeout), 25P03 idle_in_transaction_session_timeout, 57P01-57P03
// shutdown / crash / cannot connect now, 53300 too_many_connections, 53400 configuration_limit_exceeded,
// class 08 connection exceptions. Node: refused, reset, timed out sockets.
const prismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const sqlStates = new Set(["57014", "55P03", "25P03", "57P01", "57P02", "57P03", "53300", "53400", "08000", "08001", "08003", "08004", "08006", "08P01"]);
const adapterKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
const nodeCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
const messages = [/timeout exceeded when trying to connect/i, /Connection terminated/i, /Can't reach database server/i, /Unable to start a transaction in the given time/i, /Client has encountered a connection error/i];

/**
 * Whether `error` means the database is unavailable or too slow right now (so the right answer is
 * 503 + Retry-After, not 500). Looks through Prisma's wrappers (meta.driverAdapterError.cause),
 * node-postgres errors and Error.cause chains, up to a few levels deep.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (!value || typeof value !== "object" || seen.has(value) || depth > 6) return false;
    seen.add(value);
    const e = value as { name?: unknown; code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; meta?: unknown; cause?: unknown; driverAdapterError?: unknown };
    if (e instanceof DatabaseUnavailableError || e.name === "PrismaClientInitializationError") return true;
    for (const code of [e.code, e.originalCode]) {
      if (typeof code === "string" && (prismaCodes.has(code) || sqlStates.has(code) || nodeCodes.has(code))) return true;
    }
    if (typeof e.kind === "string" && adapterKinds.has(e.kind)) return true;
    if (typeof e.message === "string" && messages.some((m) => m.test(e.message as string))) return true;
    return visit(e.meta, depth + 1) || visit(e.driverAdapterError, depth + 1) || visit(e.cause, depth + 1);
  };
  return visit(error, 0);
}
