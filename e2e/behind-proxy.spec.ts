// Parley behind a reverse proxy that terminates HTTPS: a second production server on the same
// PostgreSQL database, started as an operator would (`npm start` with TRUST_PROXY=1 and an https
// NEXTAUTH_URL), next to the suite's own server (no trusted proxy, plain HTTP).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { e2e, statePath } from "./support/config";
import { expect, test } from "./fixtures/users";

const root = path.resolve(import.meta.dirname, "..");
const proxiedPort = e2e.port + 11;
const state = JSON.parse(readFileSync(statePath, "utf8")) as { databaseUrl: string; mode: "postgres" | "embedded" };

let server: ChildProcess | null = null;
let proxied: APIRequestContext;

test.describe.configure({ mode: "serial" });
// The embedded database takes one server; the operator's multi-process setup is PostgreSQL.
test.skip(state.mode !== "postgres", "needs the PostgreSQL database: two servers share it");

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn(process.execPath, [path.join(root, "lib/cli/start.mjs")], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: state.databaseUrl,
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
