// Cross-process invalidation of the anonymous reading cache through PostgreSQL LISTEN/NOTIFY: every
// server process listens on one channel; a process that completed a write notifies it. A lost
// notification (database restart, broken connection) cannot go unnoticed: `onListening(false)` tells
// the cache to fall back to its short TTL (10 s), and reconnecting invalidates everything, so nothing
// here needs to be durable.
import { randomUUID } from "node:crypto";
import pg from "pg";

/** The channel every process listens on; a payload other than the listener's own id invalidates. */
export const readingCacheChannel = "parley_reading_cache";
const channel = readingCacheChannel;

export type Invalidation = { notify: () => void; close: () => Promise<void> };

/**
 * Connects a listener on DATABASE_URL and returns `notify` (coalesced: at most one NOTIFY per
 * `coalesceMs`). `onRemote` runs when another process notifies. Reconnects with backoff; never
 * throws into the caller.
 */
export function startInvalidation(connectionString: string, onRemote: () => void, coalesceMs = 200, onListening: (listening: boolean) => void = () => {}): Invalidation {
  const instance = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let retry = 500;

  const connect = async () => {
    if (closed) return;
    // TCP keepalive and a statement timeout: a connection that silently died must end (and be
    // reported as not listening), not leave this process trusting notifications that never come.
    const c = new pg.Client({ connectionString, application_name: "parley-cache-listener", keepAlive: true, statement_timeout: 5_000, query_timeout: 5_000 });
    c.on("error", () => undefined);
    c.on("end", () => {
      if (client === c) {
        client = null;
        onListening(false);
      }
      if (!closed) setTimeout(connect, retry).unref();
      retry = Math.min(retry * 2, 10_000);
    });
    c.on("notification", (message) => {
      if (message.channel === channel && message.payload !== instance) onRemote();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      client = c;
      retry = 500;
      // Anything written while we were not listening: treat as changed.
      onRemote();
      onListening(true);
    } catch {
      await c.end().catch(() => undefined);
    }
  };
  void connect();
  // A heartbeat every 15 s: a failed one ends the connection, which reconnects.
  const heartbeat = setInterval(() => {
    const c = client;
    c?.query("SELECT 1").catch(() => void c.end().catch(() => undefined));
  }, 15_000);
  heartbeat.unref();

  return {
    notify() {
      if (timer || closed) return;
      timer = setTimeout(() => {
        timer = null;
        client?.query("SELECT pg_notify($1, $2)", [channel, instance]).catch(() => undefined);
      }, coalesceMs);
      timer.unref();
    },
    async close() {
      closed = true;
      clearInterval(heartbeat);
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}
