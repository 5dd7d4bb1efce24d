/**
 * Whether an error means "the database cannot answer right now" (so the caller should answer 503
 * with Retry-After) rather than a bug: connection refused/reset/terminated, pool exhaustion,
 * statement or lock timeouts, the server shutting down or starting up.
 *
 * Recognises node-postgres errors (SQLSTATE in `code`), Prisma's wrapped driver-adapter errors
 * (`cause`/`meta.driverAdapterError`) and Prisma's P1001/P1002/P1017/P2024 codes.
 */
const unavailableSqlStates = new Set([
  "57014", // query_canceled (statement_timeout)
  "55P03", // lock_not_available (lock_timeout)
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
const unavailableNodeCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
const unavailablePrismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const unavailableMessages = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database server|Client has encountered a connection error|the database system is (starting up|shutting down)|DatabaseNotReachable|SocketTimeout|TooManyConnections/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; name?: unknown };
  if (typeof e.code === "string" && (unavailableSqlStates.has(e.code) || unavailableNodeCodes.has(e.code) || unavailablePrismaCodes.has(e.code))) return true;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.message === "string" && unavailableMessages.test(e.message)) return true;
  const adapter = e.meta?.driverAdapterError as { cause?: { kind?: unknown; originalCode?: unknown } } | undefined;
  const kind = adapter?.cause?.kind;
  if (typeof kind === "string" && /DatabaseNotReachable|SocketTimeout|TooManyConnections|ConnectionClosed|LockTimeout|QueryCanceled/i.test(kind)) return true;
  if (typeof adapter?.cause?.originalCode === "string" && unavailableSqlStates.has(adapter.cause.originalCode)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
