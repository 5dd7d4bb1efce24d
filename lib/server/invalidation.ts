// Cross-process invalidation of the anonymous reading cache through PostgreSQL LISTEN/NOTIFY: every
// server process listens on one channel; a process that completed a write notifies it. A lost
// notification (database restart, broken connection) costs at most the cache's TTL (10 s), the bound
// the cache is built around, so nothing here needs to be durable.
import { randomUUID } from "node:crypto";
import pg from "pg";

const channel = "parley_reading_cache";

export type Invalidation = { notify: () => void; close: () => Promise<void> };

/**
 * Connects a listener on DATABASE_URL and returns `notify` (coalesced: at most one NOTIFY per
 * `coalesceMs`). `onRemote` runs when another process notifies. Reconnects with backoff; never
 * throws into the caller.
 */
export function startInvalidation(connectionString: string, onRemote: () => void, coalesceMs = 200): Invalidation {
  const instance = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let retry = 500;

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString, application_name: "parley-cache-listener" });
    c.on("error", () => undefined);
    c.on("end", () => {
      if (client === c) client = null;
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
    } catch {
      await c.end().catch(() => undefined);
    }
  };
  void connect();

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
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}
