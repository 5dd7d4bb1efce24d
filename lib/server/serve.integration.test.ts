// The server entry's listener, driven with real HTTP requests over loopback. The framework handler
// is replaced by a small handler whose requests we can hold open, so the admission states (full,
// queued, abandoned) are reached deterministically.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { applyScheduledTransitions } from "@/lib/drafts/apply-scheduled-transitions";
import { prisma } from "@/lib/db/client";
import { seedOrganisation } from "@/prisma/seed/builders";
import { startInvalidation } from "./invalidation";
import { createParleyListener, type ParleyServerOptions } from "./serve";

type Reply = { status: number; headers: IncomingMessage["headers"]; body: string };

let server: Server | null = null;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(null));
  server = null;
});

/** Starts the listener around `handler` and returns its base URL. */
async function start(handler: ParleyServerOptions["handler"], overrides: Partial<ParleyServerOptions> = {}) {
  const parley = createParleyListener({
    handler,
    admission: { maxInFlight: 2, maxQueue: 2, queueTimeoutMs: 5_000, retryAfterSeconds: 3 },
    cache: null,
    trustProxy: 0,
    ...overrides,
  });
  server = createServer(parley.listener);
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return { parley, port: (server.address() as AddressInfo).port };
}

function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; signal?: AbortSignal } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers, agent: false, signal: options.signal }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error("condition not reached");
}

/** A handler that holds every request until `release()`, recording the paths it started. */
function heldHandler() {
  const started: string[] = [];
  const waiting: Array<() => void> = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    started.push(req.url ?? "");
    const reply = () => res.writeHead(200, { "content-type": "text/plain" }).end(`ok ${req.url}`);
    if (req.url?.startsWith("/api/health")) return reply();
    waiting.push(reply);
  };
  return { handler, started, release: () => waiting.splice(0).forEach((f) => f()) };
}

describe("admission control", () => {
  it("queues up to the bound, refuses the excess at once with 503 + Retry-After, and serves the queue when slots free", async () => {
    const held = heldHandler();
    const { parley, port } = await start(held.handler);
    const admitted = [send(port, "/a1"), send(port, "/a2")];
    await until(() => parley.admission.stats().inFlight === 2);
    const queued = [send(port, "/q1"), send(port, "/q2")];
    await until(() => parley.admission.stats().queued === 2);

    const page = await send(port, "/excess");
    expect(page.status).toBe(503);
    expect(page.headers["retry-after"]).toBe("3");
    expect(page.body).toBe("The server is busy. Please retry in 3 s.\n");
    const api = await send(port, "/api/v1/drafts");
    expect(api.status).toBe(503);
    expect(api.headers["retry-after"]).toBe("3");
    expect(JSON.parse(api.body)).toEqual({ error: { code: "overloaded", message: "The server is busy. Retry in 3 s." } });

    // Health is answered while the process is full.
    const health = await send(port, "/api/health/ready");
    expect(health.status).toBe(200);

    held.release();
    expect((await Promise.all(admitted)).map((r) => r.status)).toEqual([200, 200]);
    await until(() => parley.admission.stats().inFlight === 2);
    held.release();
    expect((await Promise.all(queued)).map((r) => r.body)).toEqual(["ok /q1", "ok /q2"]);
    expect(held.started).not.toContain("/excess");
    expect(parley.admission.stats()).toMatchObject({ inFlight: 0, queued: 0, refused: 2 });
  });

  it("refuses a queued request that was not started by the queue deadline", async () => {
    const held = heldHandler();
    const { parley, port } = await start(held.handler, { admission: { maxInFlight: 1, maxQueue: 4, queueTimeoutMs: 100, retryAfterSeconds: 1 } });
    const first = send(port, "/first");
    await until(() => parley.admission.stats().inFlight === 1);
    const late = await send(port, "/late");
    expect(late.status).toBe(503);
    expect(late.headers["retry-after"]).toBe("1");
    held.release();
    expect((await first).status).toBe(200);
    expect(held.started).toEqual(["/first"]);
  });

  it("drops a queued request whose client went away without ever starting it", async () => {
    const held = heldHandler();
    const { parley, port } = await start(held.handler);
    const admitted = [send(port, "/a1"), send(port, "/a2")];
    await until(() => parley.admission.stats().inFlight === 2);
    const abort = new AbortController();
    const gone = send(port, "/gone", { signal: abort.signal }).catch((e: Error) => e.name);
    await until(() => parley.admission.stats().queued === 1);
    abort.abort();
    expect(await gone).toBe("AbortError");
    await until(() => parley.admission.stats().queued === 0);
    const next = send(port, "/next");
    await until(() => parley.admission.stats().queued === 1);
    held.release();
    await Promise.all(admitted);
    await until(() => held.started.includes("/next"));
    held.release();
    expect((await next).status).toBe(200);
    expect(held.started).toEqual(["/a1", "/a2", "/next"]);
    expect(parley.admission.stats().abandoned).toBe(1);
  });
});

describe("adaptive admission", () => {
  it("admits less while CPU-bound work makes the event loop late, and more again once it is not", async () => {
    // Each request of the first phase holds the thread in five 15 ms slices (a render, interleaved
    // with the others in flight); of the second it waits 150 ms without holding it (a database
    // round trip).
    let mode: "cpu" | "io" = "cpu";
    const handler = async (_req: IncomingMessage, res: ServerResponse) => {
      if (mode === "cpu") {
        for (let slice = 0; slice < 5; slice++) {
          const until = performance.now() + 15;
          while (performance.now() < until);
          await new Promise((r) => setImmediate(r));
        }
        res.writeHead(200).end("cpu");
      } else setTimeout(() => res.writeHead(200).end("io"), 150);
    };
    const { parley, port } = await start(handler, { admission: { maxInFlight: 4, minInFlight: 1, targetLagMs: 20, maxQueue: 0, queueTimeoutMs: 50, retryAfterSeconds: 2 } });
    const loadFor = async (ms: number) => {
      const end = Date.now() + ms;
      const replies: Reply[] = [];
      await Promise.all(
        Array.from({ length: 12 }, async () => {
          while (Date.now() < end) replies.push(await send(port, "/page"));
        }),
      );
      return replies;
    };
    let lowest = parley.admission.stats().limit;
    const watch = setInterval(() => (lowest = Math.min(lowest, parley.admission.stats().limit)), 10);
    const cpu = await loadFor(1_500);
    clearInterval(watch);
    expect(lowest).toBeLessThanOrEqual(2);
    const refused = cpu.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.headers["retry-after"] === "2")).toBe(true);
    expect(cpu.some((r) => r.status === 200)).toBe(true);

    mode = "io";
    const io = await loadFor(2_500);
    // No lag: the bound climbs back while the gate is full.
    expect(parley.admission.stats().limit).toBeGreaterThanOrEqual(3);
    expect(io.filter((r) => r.status === 200).length).toBeGreaterThan(0);
  });
});

describe("client address", () => {
  const echo = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "text/plain" }).end(String(req.headers["x-parley-client-address"]));
  };

  it("is the socket's address; a copy sent by the client is discarded", async () => {
    const { port } = await start(echo);
    const reply = await send(port, "/x", { headers: { "x-parley-client-address": "6.6.6.6", "x-forwarded-for": "7.7.7.7" } });
    expect(reply.body).toBe("127.0.0.1");
  });

  it("with TRUST_PROXY=n, is the entry n hops from the right of X-Forwarded-For", async () => {
    const one = await start(echo, { trustProxy: 1 });
    expect((await send(one.port, "/x", { headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.7" } })).body).toBe("203.0.113.7");
    expect((await send(one.port, "/x", { headers: { "x-forwarded-for": "not-an-address" } })).body).toBe("127.0.0.1");
    server?.closeAllConnections();
    await new Promise((r) => server!.close(r));
    const two = await start(echo, { trustProxy: 2 });
    expect((await send(two.port, "/x", { headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" } })).body).toBe("203.0.113.7");
  });
});

describe("anonymous reading cache", () => {
  function renderingHandler() {
    const renders: string[] = [];
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      renders.push(`${req.headers["accept-language"] ?? ""} ${req.url}`);
      if (req.url === "/drafts/SET-COOKIE") res.setHeader("set-cookie", "device=1");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.write("<!doctype html><p>");
      res.end(`render ${renders.length}</p>`);
    };
    return { handler, renders };
  }
  const cache = { ttlMs: 60_000, minAgeMs: 0, maxEntries: 100, maxBytes: 1 << 20 };

  it("serves an anonymous reader the stored page, per locale; a signed-in reader always gets a render", async () => {
    const r = renderingHandler();
    const { port } = await start(r.handler, { cache });
    const first = await send(port, "/drafts/OECD-1");
    const second = await send(port, "/drafts/OECD-1");
    expect(second.body).toBe(first.body);
    expect(second.headers["x-parley-cache"]).toBe("hit");
    const french = await send(port, "/drafts/OECD-1", { headers: { "accept-language": "fr-FR,fr;q=0.9" } });
    expect(french.body).toBe("<!doctype html><p>render 2</p>");
    const signedIn = await send(port, "/drafts/OECD-1", { headers: { cookie: "next-auth.session-token=abc" } });
    expect(signedIn.body).toBe("<!doctype html><p>render 3</p>");
    expect(signedIn.headers["x-parley-cache"]).toBeUndefined();
    // Pages outside the allow-list and responses setting cookies are never stored.
    await send(port, "/profile");
    expect((await send(port, "/profile")).headers["x-parley-cache"]).toBeUndefined();
    await send(port, "/drafts/SET-COOKIE");
    expect((await send(port, "/drafts/SET-COOKIE")).headers["x-parley-cache"]).toBeUndefined();
    expect(r.renders).toHaveLength(7);
  });

  it("is invalidated by a successful write, and tells the other processes", async () => {
    const r = renderingHandler();
    let notified = 0;
    const { port } = await start(r.handler, { cache, onWrite: () => notified++ });
    await send(port, "/");
    expect((await send(port, "/")).headers["x-parley-cache"]).toBe("hit");
    await send(port, "/drafts/OECD-1/comments", { method: "POST" });
    const after = await send(port, "/");
    expect(after.headers["x-parley-cache"]).toBeUndefined();
    expect(notified).toBe(1);
  });

  it("is not invalidated by survey answers, which no cached page shows", async () => {
    const r = renderingHandler();
    let notified = 0;
    const { port } = await start(r.handler, { cache, onWrite: () => notified++ });
    await send(port, "/");
    for (const path of ["/api/v1/surveys/un75/responses", "/s/un75", "/s/un75/embed"]) {
      await send(port, path, { method: "POST" });
      expect((await send(port, "/")).headers["x-parley-cache"]).toBe("hit");
    }
    expect(notified).toBe(0);
    // A write to the survey itself (its editor) is not an answer.
    await send(port, "/api/v1/surveys/un75", { method: "POST" });
    expect((await send(port, "/")).headers["x-parley-cache"]).toBeUndefined();
    expect(notified).toBe(1);
  });

  it("keeps an unchanged page while it hears every process's changes; a scheduled closing or a lost connection ends that", async () => {
    const r = renderingHandler();
    const short = { ttlMs: 100, listeningTtlMs: 60_000, minAgeMs: 0, maxEntries: 100, maxBytes: 1 << 20 };
    const { parley, port } = await start(r.handler, { cache: short });
    const cache = parley.cache!;
    const invalidation = startInvalidation(process.env.DATABASE_URL!, () => cache.invalidate(), 0, (listening) => cache.setListening(listening));
    try {
      await until(() => cache.stats().listening);
      // Older than ttlMs, nothing changed: still served from the cache, no render. (Other test files
      // write to this database at the same time, and every process hears their changes too: a
      // window in which one arrived says nothing, and is tried again.)
      let served: string | string[] | undefined;
      for (let attempt = 0; attempt < 10; attempt++) {
        const heard = cache.stats().invalidations;
        const rendered = r.renders.length;
        await send(port, "/drafts/OECD-1");
        await new Promise((resolve) => setTimeout(resolve, 250));
        served = (await send(port, "/drafts/OECD-1")).headers["x-parley-cache"];
        if (cache.stats().invalidations !== heard) continue;
        expect(served).toBe("hit");
        expect(r.renders.length - rendered).toBeLessThanOrEqual(1);
        break;
      }
      expect(served).toBe("hit");
      const renders = r.renders.length;

      // The scheduler closes a draft whose time has come (no request involved): every process hears it.
      const org = await seedOrganisation(prisma, { slug: `cache-${Date.now()}`, name: "Cache test", description: "", referencePrefix: "CACHE" });
      await prisma.draft.create({ data: { organisationId: org.id, reference: `CACHE-${Date.now()}`, title: "Closing", status: "OPEN", opensAt: new Date(Date.now() - 60_000), closesAt: new Date(Date.now() - 1_000), body: "Text" } });
      const invalidations = cache.stats().invalidations;
      expect((await applyScheduledTransitions()).closed).toBeGreaterThanOrEqual(1);
      await until(() => cache.stats().invalidations > invalidations);
      expect((await send(port, "/drafts/OECD-1")).headers["x-parley-cache"]).toBeUndefined();
      expect(r.renders.length).toBe(renders + 1);

      // The listening connection is killed: the short TTL applies again.
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'parley-cache-listener' AND datname = current_database()");
      await admin.end();
      await until(() => !cache.stats().listening);
      await send(port, "/drafts/OECD-1");
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect((await send(port, "/drafts/OECD-1")).headers["x-parley-cache"]).toBeUndefined();
    } finally {
      await invalidation.close();
    }
  });

  it("shares one render between concurrent anonymous readers of the same page", async () => {
    const started: string[] = [];
    let release = () => {};
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      started.push(req.url ?? "");
      release = () => res.writeHead(200, { "content-type": "text/html" }).end(`page ${started.length}`);
    };
    const { parley, port } = await start(handler, { cache });
    const readers = Array.from({ length: 5 }, () => send(port, "/drafts/OECD-1"));
    await until(() => started.length === 1);
    // The four others are waiting for the same render, not in the admission queue.
    expect(parley.admission.stats()).toMatchObject({ inFlight: 1, queued: 0 });
    await new Promise((r) => setTimeout(r, 50));
    release();
    const replies = await Promise.all(readers);
    expect(replies.map((x) => x.body)).toEqual(Array(5).fill("page 1"));
    expect(started).toEqual(["/drafts/OECD-1"]);
  });

  it("answers 503 + Retry-After to readers who waited too long for a stuck render", async () => {
    const handler = (_req: IncomingMessage, res: ServerResponse) => {
      res.setHeader("content-type", "text/html");
    };
    const { port } = await start(handler, { cache, cacheWaitMs: 100 });
    void send(port, "/drafts/STUCK").catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const waiting = await send(port, "/drafts/STUCK");
    expect(waiting.status).toBe(503);
    expect(waiting.headers["retry-after"]).toBe("3");
  });
});

describe("edge rules", () => {
  const ok = (_req: IncomingMessage, res: ServerResponse) => {
    res.setHeader("set-cookie", ["NEXT_LOCALE=fr; Path=/", "a=b; Path=/; Secure"]);
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  };

  it("answers a cross-origin form or server-action POST with 403, and lets same-origin ones through", async () => {
    const { port } = await start(ok, { publicUrl: "http://parley.example" });
    const cross = await send(port, "/drafts/OECD-1", { method: "POST", headers: { origin: "https://evil.example", "next-action": "abc" } });
    expect(cross.status).toBe(403);
    expect(cross.body).toContain("Cross-site form submissions are not accepted");
    expect((await send(port, "/drafts/OECD-1", { method: "POST", headers: { origin: "null" } })).status).toBe(403);
    expect((await send(port, "/drafts/OECD-1", { method: "POST", headers: { origin: `http://127.0.0.1:${port}` } })).status).toBe(200);
    expect((await send(port, "/drafts/OECD-1", { method: "POST", headers: { origin: "http://parley.example" } })).status).toBe(200);
  });

  it("refuses bad bytes in an API path or query with a localised JSON 400 before the framework sees them (pages: proxy.ts)", async () => {
    const { port } = await start(ok);
    for (const path of ["/api/v1/drafts/%00", "/api/v1/drafts/%FF", "/api/v1/drafts?q=a%00b"]) {
      const reply = await send(port, path, { headers: { "accept-language": "fr" } });
      expect(reply.status, path).toBe(400);
      expect(reply.headers["content-language"]).toBe("fr");
      expect(reply.headers["content-security-policy"]).toContain("default-src 'none'");
      expect(JSON.parse(reply.body).error.code).toBe("bad_request");
    }
    expect((await send(port, "/api/v1/drafts/OECD-1?q=caf%C3%A9")).status).toBe(200);
    // Pages are left to proxy.ts (which the production build runs for them).
    expect((await send(port, "/drafts/%00")).status).toBe(200);
  });

  it("over HTTPS sends HSTS and marks every cookie Secure", async () => {
    const { port } = await start(ok, { publicUrl: "https://parley.example" });
    const reply = await send(port, "/");
    expect(reply.headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(reply.headers["set-cookie"]).toEqual(["NEXT_LOCALE=fr; Path=/; Secure", "a=b; Path=/; Secure"]);
  });

  it("over HTTP sends no HSTS and leaves cookies as set", async () => {
    const { port } = await start(ok, { publicUrl: "http://parley.example" });
    const reply = await send(port, "/");
    expect(reply.headers["strict-transport-security"]).toBeUndefined();
    expect(reply.headers["set-cookie"]).toEqual(["NEXT_LOCALE=fr; Path=/", "a=b; Path=/; Secure"]);
  });
});
