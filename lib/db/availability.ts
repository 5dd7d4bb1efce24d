import { isDatabaseUnavailable } from "./errors";

// Shared through globalThis: the server entry (lib/server/serve.ts) and Next's bundled server code
// load separate copies of this module in one process.
const key = Symbol.for("parley.databaseUnavailableAt");
const state = globalThis as unknown as { [key]?: number };

/**
 * Records the outcome of a database operation: an error that means "database unavailable or too
 * slow" (isDatabaseUnavailable) marks the database down as of now; any success clears the mark.
 * Called by the shared Prisma client (lib/db/client.ts) for every operation.
 */
export function noteDatabaseOutcome(error?: unknown): void {
  if (error === undefined) {
    if (state[key] !== undefined) delete state[key];
  } else if (isDatabaseUnavailable(error)) state[key] = Date.now();
}

/**
 * Whether an operation failed for lack of the database within the last `withinMs` milliseconds
 * (default 10 000) with no success since. The server entry uses it to answer a page that failed
 * while the database is gone with 503 + Retry-After instead of 500.
 */
export function databaseRecentlyUnavailable(withinMs = 10_000): boolean {
  const at = state[key];
  return at !== undefined && Date.now() - at < withinMs;
}
