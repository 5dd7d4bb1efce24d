// Parley as an operator deploys it: a second production server on the same PostgreSQL database,
// started with `npm start` behind a reverse proxy that terminates HTTPS (TRUST_PROXY=1, an https
// NEXTAUTH_URL), next to the suite's own server (no trusted proxy, plain HTTP). Its database
// connections go through a TCP relay the test can cut, to see what readers get when PostgreSQL is gone.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, connect, type Server, type Socket } from "node:net";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { e2e, statePath } from "./support/config";
import { expect, test } from "./fixtures/users";

const root = path.resolve(import.meta.dirname, "..");
const proxiedPort = e2e.port + 11;
const state = JSON.parse(readFileSync(statePath, "utf8")) as { databaseUrl: string; mode: "postgres" | "embedded" };

let server: ChildProcess | null = null;
let proxied: APIRequestContext;

/** A TCP relay to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
function databaseRelay(target: URL) {
  const sockets = new Set<Socket>();
  let listener: Server | null = null;
  const port = e2e.port + 12;
  const open = () =>
    new Promise<void>((resolve) => {
      listener = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      listener.listen(port, "127.0.0.1", resolve);
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (listener) listener.close(() => resolve());
      else resolve();
      listener = null;
    });
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return { open, cut, url: url.toString() };
}

const relay = databaseRelay(new URL(state.databaseUrl));

test.describe.configure({ mode: "serial" });
// The embedded database takes one server; the operator's multi-process setup is PostgreSQL.
test.skip(state.mode !== "postgres", "needs the PostgreSQL database: two servers share it");

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await relay.open();
  server = spawn(process.execPath, [path.join(root, "lib/cli/start.mjs")], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: relay.url,
      PORT: String(proxiedPort),
      NEXTAUTH_URL: "https://parley.example",
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
      TRUST_PROXY: "1",
      SURVEY_ANON_HOLD_AFTER_PER_HOUR: "3",
      SURVEY_ANON_PER_IP_PER_HOUR: "5",
    },
  });
  proxied = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${proxiedPort}` });
  for (let i = 0; ; i++) {
    const ok = await proxied.get("/api/health/live").then((r) => r.ok(), () => false);
    if (ok) break;
    if (i > 200) throw new Error("the proxied server did not start");
    await new Promise((r) => setTimeout(r, 300));
  }
});

test.afterAll(async () => {
  await proxied?.dispose();
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server!.once("exit", r));
  }
  await relay.cut();
});

async function anonymousSurvey(db: Parameters<Parameters<typeof test>[2]>[0]["db"]) {
  const forum = await db.organisation.findUniqueOrThrow({ where: { slug: "global-digital-policy-forum" }, select: { id: true } });
  const slug = `proxy-anon-${randomBytes(4).toString("hex")}`;
  const definition = [{ id: "q", type: "single", required: true, text: { en: "Is the draft clear?" }, options: [{ id: "yes", label: { en: "Yes" } }, { id: "no", label: { en: "No" } }] }];
  await db.survey.create({ data: { organisationId: forum.id, slug, title: "Proxy survey", status: "OPEN", allowAnonymous: true, definition } });
  return slug;
}

function answer(client: APIRequestContext, slug: string, forwardedFor: string) {
  return client.post(`/api/v1/surveys/${slug}/responses`, {
    headers: { "idempotency-key": randomBytes(8).toString("hex"), "x-device-token": crypto.randomUUID(), "x-forwarded-for": forwardedFor },
    data: { answers: { q: "yes" } },
  });
}

test("TRUST_PROXY=1: the address is the proxy's last hop, so a client rotating its own X-Forwarded-For entries still meets the limit", async ({ db }) => {
  const slug = await anonymousSurvey(db);
  const statuses: number[] = [];
  // The client writes any address it likes; the proxy appends the one it saw (198.51.100.7).
  for (let i = 0; i < 6; i++) statuses.push((await answer(proxied, slug, `203.0.113.${i + 1}, 198.51.100.7`)).status());
  expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  // Another real client behind the same proxy is not affected.
  expect((await answer(proxied, slug, "203.0.113.1, 198.51.100.8")).status()).toBe(201);
});

test("without a trusted proxy, X-Forwarded-For is ignored: rotating it does not dodge the limit", async ({ request, db }) => {
  const slug = await anonymousSurvey(db);
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await answer(request, slug, `198.51.100.${i + 20}`)).status());
  expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
});

test("over HTTPS (NEXTAUTH_URL https) every answer carries HSTS and every cookie is Secure; over HTTP neither", async ({ request }) => {
  for (const url of ["/", "/drafts", "/api/v1/drafts", "/api/auth/csrf"]) {
    const res = await proxied.get(url);
    expect(res.status(), url).toBe(200);
    expect(res.headers()["strict-transport-security"], url).toBe("max-age=63072000; includeSubDomains");
  }
  const csrf = await proxied.get("/api/auth/csrf");
  const cookies = csrf.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) expect(cookie, cookie).toMatch(/;\s*Secure/i);

  const plain = await request.get("/api/auth/csrf");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
  const plainCookies = plain.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  expect(plainCookies.length).toBeGreaterThan(0);
  for (const cookie of plainCookies) expect(cookie, cookie).not.toMatch(/;\s*Secure/i);
});

test("with PostgreSQL gone, the API answers 503 with Retry-After and a JSON body, a page 503 with Retry-After and a calm message, readiness says so, and both recover when it is back", async ({ page: browserPage }) => {
  expect((await proxied.get("/api/v1/drafts?q=participation")).status()).toBe(200);
  await relay.cut();
  try {
    const api = await proxied.get("/api/v1/drafts?q=participation");
    expect(api.status()).toBe(503);
    expect(Number(api.headers()["retry-after"])).toBeGreaterThan(0);
    const body = (await api.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("database_unavailable");
    expect(body.error.message).toMatch(/try again/i);
    const write = await proxied.post("/api/v1/surveys/gdpf-rfc-2026-004-survey/responses", {
      headers: { "idempotency-key": randomBytes(8).toString("hex"), "x-device-token": crypto.randomUUID() },
      data: { answers: { useful: 3 } },
    });
    expect(write.status()).toBe(503);
    expect(Number(write.headers()["retry-after"])).toBeGreaterThan(0);
    // A page that needs the database: the calm error page, as a temporary 503.
    const page = await proxied.get(`/drafts?q=${randomBytes(4).toString("hex")}`);
    expect(page.status()).toBe(503);
    expect(Number(page.headers()["retry-after"])).toBeGreaterThan(0);
    expect(page.headers()["cache-control"]).toBe("no-store");
    await browserPage.goto(`http://127.0.0.1:${proxiedPort}/drafts?q=${randomBytes(4).toString("hex")}`);
    await expect(browserPage.getByRole("alert").filter({ hasText: "Parley is busy for a moment" })).toBeVisible();
    await expect(browserPage.getByText("Anything you saw confirmed is saved.")).toBeVisible();
    const ready = await proxied.get("/api/health/ready");
    expect(ready.status()).toBe(503);
    expect((await proxied.get("/api/health/live")).status()).toBe(200);
  } finally {
    await relay.open();
  }
  await expect.poll(async () => (await proxied.get("/api/v1/drafts?q=participation")).status(), { timeout: 20_000 }).toBe(200);
  expect((await proxied.get("/api/health/ready")).status()).toBe(200);
});
