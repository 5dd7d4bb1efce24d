import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures/users";
import { e2e } from "./support/config";

/** Collects Content-Security-Policy violations and requests to other origins made by the page. */
async function watch(page: Page) {
  const violations: string[] = [];
  const elsewhere: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text());
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && url.origin !== e2e.baseURL) elsewhere.push(request.url());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return { violations, elsewhere };
}

test("the OpenAPI document names this instance's public URL and documents reads and writes", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.servers[0].url).toBe(e2e.baseURL);
  expect(doc.info.description).toContain("Writes:");
  expect(doc.paths["/api/v1/comments/{id}/votes"].post.operationId).toBe("voteOnComment");
});

test("the API reference is served by the app itself, renders the operations under the strict CSP, and is linked from the profile", async ({ page, createUser }) => {
  test.setTimeout(90_000);
  const { violations, elsewhere } = await watch(page);
  const user = await createUser({ name: "API Reader" });
  await signIn(page, user.email);
  await page.goto("/profile");
  const link = page.getByTestId("api-reference-link");
  await expect(link).toHaveText("Read the API reference");
  await link.click();
  await expect(page).toHaveURL(/\/api-reference$/);
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();

  // The renderer's script comes from this origin and carries the page's nonce.
  const response = await page.request.get("/api-reference");
  const csp = response.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  const scripts = await page.locator("script[src*='scalar']").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
  expect(scripts.length).toBe(1);
  expect(new URL(scripts[0]!).origin).toBe(e2e.baseURL);

  // The operations, writes included, are rendered from /api/openapi.json.
  const reference = page.getByTestId("api-reference");
  await expect(reference.getByText("Agree, disagree or pass on a comment (one vote per person, changeable)").first()).toBeVisible({ timeout: 30_000 });
  await expect(reference.getByText("Answer a survey (signed in, or anonymously where the survey allows it)").first()).toBeAttached();
  await expect(reference.getByText("List public consultations").first()).toBeAttached();
  // Mounted once, with our configuration: no AI agent, no developer toolbar.
  await expect(page.locator(".scalar-app").filter({ hasText: "List public consultations" })).toHaveCount(1);
  await expect(reference.getByText("Ask AI")).toHaveCount(0);
  await expect(reference.getByText("Developer Tools")).toHaveCount(0);
  expect(violations).toEqual([]);
  expect(elsewhere).toEqual([]);
});

test("in Arabic the reference page is right to left and still renders every operation", async ({ page, context }) => {
  test.setTimeout(90_000);
  const { violations, elsewhere } = await watch(page);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ar", url: e2e.baseURL }]);
  await page.goto("/api-reference");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("api-reference")).toHaveAttribute("data-locale", "ar");
  // The English document keeps its own direction inside the Arabic page.
  await expect(page.getByTestId("api-reference").getByText("Agree, disagree or pass on a comment (one vote per person, changeable)").first()).toHaveCSS("direction", "ltr", { timeout: 30_000 });
  await expect(page.getByTestId("api-reference").getByText("Agree, disagree or pass on a comment (one vote per person, changeable)").first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath("api-reference-ar.png") });
  expect(violations).toEqual([]);
  expect(elsewhere).toEqual([]);
});

test("the renderer's bundle is served from our origin as JavaScript", async ({ request }) => {
  const response = await request.get("/api-reference/scalar.js?v=1.72.1");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/javascript");
  expect(response.headers()["cache-control"]).toContain("immutable");
  expect(await response.text()).toContain("createApiReference");
});
