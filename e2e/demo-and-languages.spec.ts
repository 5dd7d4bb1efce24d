import { expect, test } from "./fixtures/users";
import { e2e } from "./support/config";

test("the home page lists the seeded open consultations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Open consultations" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Guidance on meaningful public participation in digital policy-making" })).toBeVisible();
  // The private working draft is not listed.
  await expect(page.getByText("Internal working draft")).toHaveCount(0);
  await page.getByRole("link", { name: "Guidance on meaningful public participation in digital policy-making" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guidance on meaningful public participation in digital policy-making");
  await expect(page.locator("dd").filter({ hasText: "Open for comment" })).toBeVisible();
});

test("a private draft is a 404 for visitors", async ({ page }) => {
  const response = await page.goto("/drafts/GDPF-RFC-2026-006");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the home page shows a calm empty state when nothing is open", async ({ page, db }) => {
  // Temporarily close every open draft, then restore them exactly. These writes bypass the app, so
  // the test tells the anonymous reading cache itself, through the same PostgreSQL channel the app's
  // own writes use (pages older than a second are dropped; at worst a page is 10 s stale).
  const invalidate = async () => {
    await new Promise((r) => setTimeout(r, 1_100));
    await db.$executeRaw`SELECT pg_notify('parley_reading_cache', 'e2e')`;
  };
  const open = await db.draft.findMany({ where: { status: "OPEN" }, select: { id: true } });
  await db.draft.updateMany({ where: { id: { in: open.map((d) => d.id) } }, data: { status: "CLOSED" } });
  try {
    await expect(async () => {
      await invalidate();
      await page.goto("/");
      await expect(page.getByTestId("empty-state")).toContainText("No consultation is open for comment right now", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    await db.draft.updateMany({ where: { id: { in: open.map((d) => d.id) } }, data: { status: "OPEN" } });
    await invalidate();
  }
});

test("switching to Arabic lays the page out right to left, and the choice sticks", async ({ page }) => {
  await page.goto("/organisations");
  await page.getByLabel("Language").selectOption("ar");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page).toHaveURL(/\/organisations$/);
  // The header's start edge is on the right in RTL.
  const logo = await page.getByRole("link", { name: "Parley" }).first().boundingBox();
  const viewport = page.viewportSize()!;
  expect(logo!.x).toBeGreaterThan(viewport.width / 2);
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Open consultations");

  await page.getByRole("combobox").first().selectOption("zh");
  await page.locator("form button[type=submit]").first().click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});

test("dates follow the reader's language", async ({ page, context }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "fr", url: e2e.baseURL }]);
  await page.goto("/");
  const french = await page.locator("time").first().textContent();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: e2e.baseURL }]);
  await page.goto("/");
  const english = await page.locator("time").first().textContent();
  expect(french).not.toEqual(english);
  expect(french).toMatch(/janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre/);
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(["embedded", "postgres"]).toContain(body.database);
});
