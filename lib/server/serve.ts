// Parley's HTTP server entry (run by `npm start` through lib/cli/start.mjs, by the e2e server and by
// the benchmarks): Node's http server around Next's request handler, adding three things Next does
// not do itself:
// 1. the client address, from the socket (or TRUST_PROXY hops of X-Forwarded-For), handed to the
//    app in `x-parley-client-address` after deleting any copy the client sent;
// 2. admission control (lib/server/admission.ts): a bound on work in flight, fast 503s beyond it;
// 3. the anonymous reading cache (lib/server/reading-cache.ts), with invalidation across processes
//    (lib/server/invalidation.ts).
//
// Usage: node --import tsx lib/server/serve.ts [--dev]   (PORT, HOSTNAME from the environment)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { databaseRecentlyUnavailable } from "../db/availability";
import { guardRequest } from "../http/request-guard";
import { API_CONTENT_SECURITY_POLICY } from "../http/security-headers.mjs";
import { createAdmission, admissionOptionsFromEnv, type AdmissionOptions } from "./admission";
import { setClientAddress, trustedHops } from "./forwarded";
import { startInvalidation, type Invalidation } from "./invalidation";
import { cacheKey, createReadingCache, readingCacheOptionsFromEnv, type ReadingCacheOptions } from "./reading-cache";

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type ParleyServerOptions = {
  /** Next's request handler (or any handler with the same contract). */
  handler: Handler;
  admission: AdmissionOptions;
  cache: ReadingCacheOptions | null;
  trustProxy: number;
  /** The public origin (NEXTAUTH_URL): https turns on HSTS and the Secure flag on every cookie. */
  publicUrl?: string;
  /** Retry-After (seconds) on a page that failed during a database outage (DATABASE_RETRY_AFTER_SECONDS, default 5). */
  databaseRetryAfterSeconds?: number;
  /** Longest wait, ms, for another request's render of the same cached page (default 2000). */
  cacheWaitMs?: number;
  /** Called after a successful write request, to tell other processes (NOTIFY). */
  onWrite?: () => void;
};

const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * True for a form or server-action POST to a page whose Origin is another site (or "null"). Next
 * would refuse it too, but with a 500; the API (/api/) has its own rules (tokens, CORS).
 */
export function isCrossOriginPagePost(req: IncomingMessage, publicUrl: string | undefined): boolean {
  if (req.method !== "POST" || (req.url ?? "/").startsWith("/api/")) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  const allowed = new Set<string>();
  if (req.headers.host) allowed.add(req.headers.host);
  const forwarded = req.headers["x-forwarded-host"];
  if (typeof forwarded === "string") allowed.add(forwarded.split(",")[0]!.trim());
  if (publicUrl) allowed.add(new URL(publicUrl).host);
  return !allowed.has(host);
}

/** Adds `Secure` to every cookie this response sets (HTTPS deployments). */
function secureCookies(res: ServerResponse) {
  const fix = (value: unknown) => {
    const one = (c: string) => (/;\s*secure\s*(;|$)/i.test(c) ? c : `${c}; Secure`);
    return Array.isArray(value) ? value.map((c) => one(String(c))) : typeof value === "string" ? one(value) : value;
  };
  const setHeader = res.setHeader.bind(res);
  res.setHeader = ((name: string, value: number | string | readonly string[]) => setHeader(name, name.toLowerCase() === "set-cookie" ? (fix(value) as string[]) : value)) as typeof res.setHeader;
  const appendHeader = res.appendHeader.bind(res);
  res.appendHeader = ((name: string, value: string | readonly string[]) => appendHeader(name, name.toLowerCase() === "set-cookie" ? (fix(value) as string[]) : value)) as typeof res.appendHeader;
}

/**
 * A response that fails with a 5xx while the database is unreachable or timing out (a page whose
 * render hit the outage) is a 503 with Retry-After and no-store, not a 500: the calm error page is
 * the same, but clients and proxies learn it is temporary. The API edge sets 503 itself.
 */
function outageIsUnavailable(res: ServerResponse, retryAfterSeconds: number) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    if (statusCode >= 500 && statusCode !== 503 && databaseRecentlyUnavailable()) {
      statusCode = 503;
      res.statusCode = 503;
      res.setHeader("retry-after", String(retryAfterSeconds));
      res.setHeader("cache-control", "no-store");
    }
    return writeHead(statusCode, ...rest);
  }) as typeof res.writeHead;
}

/**
 * The bad-bytes guard (lib/http/request-guard.ts) for API requests, here rather than in Next's proxy
 * (proxy.ts, whose matcher leaves /api/ out): the proxy does nothing else for the API, and running
 * it costs every API call a middleware pass (a notable share of a cheap write's CPU time).
 * @returns the 400 to send, or null to let the request through.
 */
function badApiRequest(req: IncomingMessage): Response | null {
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://localhost");
  } catch {
    url = new URL("http://localhost/api/%");
  }
  const get = (name: string) => {
    const value = req.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  };
  return guardRequest(url, { get } as Headers);
}

async function sendRefusal(refused: Response, res: ServerResponse) {
  const body = await refused.text();
  res.writeHead(refused.status, { ...Object.fromEntries(refused.headers), ...apiSecurityHeaders, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

// What next.config.js adds to API responses (the guard's 400 no longer passes through Next).
const apiSecurityHeaders = { "content-security-policy": API_CONTENT_SECURITY_POLICY, "x-content-type-options": "nosniff" };

/**
 * Writes no cached page shows: answers to a survey (its API and its public form, `/s/{slug}` and
 * the embedded form). No page of the reading cache shows survey answers or their counts, so a viral
 * survey does not re-render every reading page once a second.
 */
function leavesCachedPagesUnchanged(url: string): boolean {
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  return /^\/api\/v1\/surveys\/[^/]+\/responses$/.test(pathname) || /^\/s\/[^/]+(?:\/embed)?\/?$/.test(pathname);
}

/** Paths always served, whatever the load: health/readiness and the build's static files. */
function alwaysAdmitted(url: string): boolean {
  return url.startsWith("/api/health") || url.startsWith("/_next/static/");
}

/**
 * The request listener with client address, reading cache and admission control around `handler`.
 * Exposed separately from `main` so tests drive it with real HTTP requests.
 */
export function createParleyListener(options: ParleyServerOptions) {
  const admission = createAdmission(options.admission);
  const cache = options.cache ? createReadingCache(options.cache) : null;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve(options.handler(req, res)).catch((error: unknown) => {
      console.error("[parley] request failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end();
    });
  };

  const https = options.publicUrl?.startsWith("https://") ?? false;

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    setClientAddress(req, options.trustProxy);
    outageIsUnavailable(res, options.databaseRetryAfterSeconds ?? 5);
    if (https) {
      res.setHeader("strict-transport-security", "max-age=63072000; includeSubDomains");
      secureCookies(res);
    }
    const url = req.url ?? "/";
    if (isCrossOriginPagePost(req, options.publicUrl)) {
      const body = "Cross-site form submissions are not accepted. Reload the page on this site and try again.\n";
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    if (url.startsWith("/api/")) {
      const refused = badApiRequest(req);
      if (refused) return void sendRefusal(refused, res);
    }
    if (alwaysAdmitted(url)) return handle(req, res);

    if (writeMethods.has(req.method ?? "GET") && !leavesCachedPagesUnchanged(url)) {
      // Any successful write may change what anonymous readers see: invalidate here and elsewhere.
      res.once("finish", () => {
        if (res.statusCode < 400) {
          cache?.invalidate();
          options.onWrite?.();
        }
      });
    }

    const key = cache ? cacheKey(req) : null;
    if (cache && key) {
      const hit = cache.get(key);
      if (hit) return cache.send(req, res, hit);
      const pending = cache.pending(key);
      if (pending) {
        // Wait for the render in progress, but not without bound: a render stuck on the database
        // must not hold every reader of the page (they get 503 + Retry-After instead).
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), options.cacheWaitMs ?? 2_000)));
        void Promise.race([pending, timeout]).then((entry) => {
          clearTimeout(timer);
          if (res.destroyed) return;
          if (entry === "timeout") admission.refuse(req, res);
          else if (entry) cache.send(req, res, entry);
          else admission.admit(req, res, () => handle(req, res));
        });
        return;
      }
      return admission.admit(req, res, () => {
        // Another request may have stored it while this one waited in the queue.
        const stored = cache.get(key);
        if (stored) return cache.send(req, res, stored);
        cache.capture(key, req, res, () => handle(req, res));
      });
    }
    admission.admit(req, res, () => handle(req, res));
  };

  return { listener, admission, cache };
}

/** Starts the server: Next (production build, or `--dev`), the listener, cross-process invalidation. */
async function main() {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME || undefined;
  const dir = path.resolve(import.meta.dirname, "../..");
  const nextModule = (await import("next")) as unknown as { default: (o: object) => { prepare(): Promise<void>; getRequestHandler(): Handler } };
  const app = nextModule.default({ dev, dir, port, hostname });
  await app.prepare();

  let invalidation: Invalidation | null = null;
  const cacheOptions = dev || process.env.READING_CACHE === "0" ? null : readingCacheOptionsFromEnv();
  const parley = createParleyListener({
    handler: app.getRequestHandler(),
    admission: admissionOptionsFromEnv(),
    cache: cacheOptions,
    trustProxy: trustedHops(process.env.TRUST_PROXY),
    publicUrl: process.env.NEXTAUTH_URL,
    databaseRetryAfterSeconds: Number(process.env.DATABASE_RETRY_AFTER_SECONDS ?? 5) || 5,
    onWrite: () => invalidation?.notify(),
  });
  if (parley.cache && process.env.DATABASE_URL && process.env.PARLEY_DB_MODE !== "embedded") {
    const cache = parley.cache;
    invalidation = startInvalidation(process.env.DATABASE_URL, () => cache.invalidate(), 200, (listening) => cache.setListening(listening));
  }

  const server: Server = createServer(parley.listener);
  // Idle keep-alive sockets must not hold memory after a burst.
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  if (process.env.ADMISSION_LOG === "1") {
    // Diagnostics: the admission gate (bound, work in flight, the event loop's delay it adapts to), every second, on stderr.
    setInterval(() => console.error(`[admission] ${JSON.stringify(parley.admission.stats())}`), 1000).unref();
  }
  server.listen(port, hostname, () => console.log(`[parley] listening on http://${hostname ?? "localhost"}:${port}${dev ? " (development)" : ""}`));

  const shutdown = () => {
    void invalidation?.close();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 3_000).unref();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error("[parley] the server could not start:", error);
    process.exit(1);
  });
}
