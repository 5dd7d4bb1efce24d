// The anonymous reading cache: rendered HTML of the public reading pages, kept in this process's
// memory for a few seconds and served to signed-out readers without running React again. It is the
// "micro-cache" a reverse proxy would keep, placed in the server entry so every deployment has it.
//
// Correctness:
// - only GET requests without a session cookie, for an allow-list of public paths, are looked up or
//   stored; a response is stored only if it is a 200 HTML page that sets no cookie, so nothing
//   personal can enter the cache;
// - the key is (negotiated locale, path and query): the same page in Arabic and in French are two
//   entries, and so are two search queries;
// - any successful write (server action, API write) in ANY process invalidates: in this process
//   directly, in the others through PostgreSQL LISTEN/NOTIFY (lib/server/invalidation.ts), and so
//   do the scheduler's openings and closings (lib/drafts/apply-scheduled-transitions.ts). An entry
//   survives an invalidation only while younger than `minAgeMs` (1 s), so a flood of writes cannot
//   turn every read into a render: at most one render per page per `minAgeMs` per process;
// - while this process is listening for those notifications, an unchanged page is kept up to
//   `listeningTtlMs` (5 min): it is re-rendered when something changed, not on a timer (what ISR
//   with tag revalidation does). When it is not listening (embedded mode, a lost connection), an
//   entry lives at most `ttlMs` (10 s: the bound on how stale comment counts may be). Reconnecting
//   invalidates everything, since notifications may have been missed;
// - a render that started before an invalidation is stored with its start time, so it is treated
//   as stale by the same rule;
// - concurrent misses for one key share one render (single flight), so an expiry under load costs
//   one render, not one per waiting reader.
import type { IncomingMessage, ServerResponse, OutgoingHttpHeaders } from "node:http";
import { gzipSync } from "node:zlib";
import { negotiateLocale } from "../i18n/negotiate";
import { localeCookie } from "../i18n/config";

export type CacheEntry = { storedAt: number; headers: OutgoingHttpHeaders; body: Buffer; gzip: Buffer | null };

export type ReadingCacheOptions = { ttlMs: number; listeningTtlMs?: number; minAgeMs: number; maxEntries: number; maxBytes: number };

export function readingCacheOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ReadingCacheOptions {
  const num = (name: string, fallback: number) => {
    const raw = env[name];
    const value = raw === undefined || raw === "" ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0 (got "${raw}")`);
    return value;
  };
  return {
    ttlMs: num("READING_CACHE_TTL_MS", 10_000),
    listeningTtlMs: num("READING_CACHE_LISTENING_TTL_MS", 300_000),
    minAgeMs: num("READING_CACHE_MIN_AGE_MS", 1_000),
    maxEntries: num("READING_CACHE_MAX_ENTRIES", 2_000),
    maxBytes: num("READING_CACHE_MAX_BYTES", 128 * 1024 * 1024),
  };
}

/** The public pages served from the cache to anonymous readers (path without the query). */
const cacheablePaths = [
  /^\/$/,
  /^\/drafts$/,
  /^\/drafts\/[^/]+$/,
  /^\/drafts\/[^/]+\/versions\/\d+$/,
  /^\/drafts\/[^/]+\/diff$/,
  /^\/drafts\/[^/]+\/summary$/,
  /^\/drafts\/[^/]+\/summary\/themes\/[^/]+$/,
  /^\/organisations$/,
  /^\/organisations\/[^/]+$/,
];

/** True when the request carries a next-auth session cookie (any name variant or chunk). */
export function hasSession(cookieHeader: string | undefined): boolean {
  return Boolean(cookieHeader && /(?:^|;\s*)(?:__Secure-|__Host-)?next-auth\.session-token(?:\.\d+)?=/.test(cookieHeader));
}

function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/**
 * The cache key of an anonymous document request for a cacheable page, or null: not a GET, signed
 * in, a React Server Components/prefetch/action request, or a path outside the allow-list.
 */
export function cacheKey(req: IncomingMessage): string | null {
  if (req.method !== "GET") return null;
  const h = req.headers;
  if (h.rsc || h["next-action"] || h["next-router-prefetch"] || h["next-router-state-tree"] || h.purpose === "prefetch") return null;
  if (hasSession(h.cookie)) return null;
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  if (q >= 0 && url.includes("_rsc=")) return null;
  if (!cacheablePaths.some((re) => re.test(pathname))) return null;
  const acceptLanguage = typeof h["accept-language"] === "string" ? h["accept-language"] : null;
  const locale = negotiateLocale(cookieValue(h.cookie, localeCookie), acceptLanguage);
  return `${locale} ${url}`;
}

const hopByHop = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "date", "content-encoding"]);

export function createReadingCache(options: ReadingCacheOptions) {
  const entries = new Map<string, CacheEntry>();
  const pending = new Map<string, Promise<CacheEntry | null>>();
  let bytes = 0;
  let invalidatedAt = 0;
  let listening = false;
  const stats = { hits: 0, misses: 0, stores: 0, invalidations: 0 };

  function fresh(entry: CacheEntry, now: number) {
    const age = now - entry.storedAt;
    const ttl = listening ? Math.max(options.ttlMs, options.listeningTtlMs ?? options.ttlMs) : options.ttlMs;
    return age < ttl && (entry.storedAt > invalidatedAt || age < options.minAgeMs);
  }

  function drop(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length + (entry.gzip?.length ?? 0);
  }

  function store(key: string, entry: CacheEntry) {
    drop(key);
    entries.set(key, entry);
    bytes += entry.body.length + (entry.gzip?.length ?? 0);
    // Oldest first: Map iteration order is insertion order (a hit does not refresh it: FIFO is
    // enough when every entry expires within seconds).
    for (const oldest of entries.keys()) {
      if (entries.size <= options.maxEntries && bytes <= options.maxBytes) break;
      drop(oldest);
    }
    stats.stores++;
  }

  function get(key: string): CacheEntry | null {
    const entry = entries.get(key);
    if (!entry) return null;
    if (fresh(entry, Date.now())) return entry;
    drop(key);
    return null;
  }

  /** Sends a stored page; gzip when the client accepts it. */
  function send(req: IncomingMessage, res: ServerResponse, entry: CacheEntry) {
    stats.hits++;
    const gzip = entry.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? "")) ? entry.gzip : null;
    const body = gzip ?? entry.body;
    const headers: OutgoingHttpHeaders = { ...entry.headers, "content-length": body.length, "x-parley-cache": "hit", age: String(Math.floor((Date.now() - entry.storedAt) / 1000)) };
    if (gzip) headers["content-encoding"] = "gzip";
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /**
   * Runs `render` (the framework's handler) on this response while copying what it writes; stores
   * the copy when it is a cacheable page. Other requests for the same key wait for this render.
   */
  function capture(key: string, req: IncomingMessage, res: ServerResponse, render: () => void): void {
    stats.misses++;
    const began = Date.now();
    // The copy is stored uncompressed (and gzipped once here), so ask the framework for identity.
    delete req.headers["accept-encoding"];
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const collect = (chunk: unknown, encoding: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array));
    };
    let settle!: (entry: CacheEntry | null) => void;
    const shared = new Promise<CacheEntry | null>((resolve) => (settle = resolve));
    pending.set(key, shared);
    const finish = (entry: CacheEntry | null) => {
      if (pending.get(key) === shared) pending.delete(key);
      settle(entry);
    };
    // Headers passed to writeHead bypass getHeaders(); move them onto the response first.
    let rawHeaders = false;
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      const headers = rest.find((a) => typeof a === "object" && a !== null);
      const message = rest.find((a) => typeof a === "string");
      if (Array.isArray(headers)) rawHeaders = true;
      else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string);
      return Array.isArray(headers) ? writeHead(status, ...rest) : message === undefined ? writeHead(status) : writeHead(status, message);
    }) as typeof res.writeHead;
    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      collect(chunk, encoding);
      return write(chunk, encoding, cb);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      collect(chunk, encoding);
      return end(chunk, encoding, cb);
    }) as typeof res.end;
    res.once("finish", () => {
      const type = String(res.getHeader("content-type") ?? "");
      if (rawHeaders || res.statusCode !== 200 || !type.startsWith("text/html") || res.getHeader("set-cookie") !== undefined || res.getHeader("content-encoding") !== undefined) return finish(null);
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(res.getHeaders())) if (!hopByHop.has(name) && value !== undefined) headers[name] = value;
      const body = Buffer.concat(chunks);
      const entry: CacheEntry = { storedAt: began, headers, body, gzip: body.length > 1024 ? gzipSync(body, { level: 6 }) : null };
      if (fresh(entry, Date.now())) store(key, entry);
      finish(entry);
    });
    res.once("close", () => finish(null));
    render();
  }

  return {
    get,
    send,
    capture,
    /** The render in progress for this key, if any: wait for it instead of rendering again. */
    pending: (key: string) => pending.get(key) ?? null,
    /** Marks every entry stale (kept at most `minAgeMs` from its render). */
    invalidate() {
      invalidatedAt = Date.now();
      stats.invalidations++;
    },
    /**
     * Whether invalidations from every process reach this one (the LISTEN connection is up): then
     * unchanged pages are kept up to `listeningTtlMs`, else `ttlMs`. Losing it counts as a change.
     */
    setListening(value: boolean) {
      if (listening && !value) invalidatedAt = Date.now();
      listening = value;
    },
    stats: () => ({ entries: entries.size, bytes, listening, ...stats }),
  };
}

export type ReadingCache = ReturnType<typeof createReadingCache>;
