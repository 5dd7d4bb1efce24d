import { expect, test } from "./fixtures/users";

test("a signed-out visitor reads a draft, follows a paragraph permalink, and finds it by searching", async ({ page }) => {
  await page.goto("/drafts/GDPF-RFC-2026-004");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Guidance on meaningful public participation in digital policy-making");
  const toc = page.getByRole("navigation", { name: "Contents" });
  await expect(toc.getByRole("link", { name: /Principles/ })).toBeVisible();
  await expect(page.getByText("GDPF-RFC-2026-004-01")).toBeVisible();

  // Permalink of paragraph 3.1.1 (first paragraph of "Reach"): the URL carries its anchor.
  await page.getByRole("link", { name: "Permanent link to 3.1.1" }).click();
  await expect(page).toHaveURL(/#p-3\.1\.1$/);
  await page.goto("/drafts/GDPF-RFC-2026-004#p-3.1.1");
  const target = page.locator("#p-3\\.1\\.1");
  await expect(target).toContainText("A consultation should reach the people who will be affected");
  await expect(target).toBeInViewport();

  // Search over bodies: "captions" appears only in the text of -01.
  await page.goto("/drafts");
  await page.getByRole("searchbox", { name: "Search consultations" }).fill("captions");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=captions/);
  const result = page.getByRole("article").filter({ hasText: "GDPF-RFC-2026-004" });
  await expect(result).toBeVisible();
  await expect(result.locator("mark").first()).toHaveText(/captions/i);

  // Filters narrow the list.
  await page.goto("/drafts?organisation=open-standards-institute");
  await expect(page.getByRole("article")).toHaveCount(1);
});

test("a private draft does not exist for visitors: page and API both 404", async ({ page, request }) => {
  const response = await page.goto("/drafts/GDPF-RFC-2026-006");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const api = await request.get("/api/v1/drafts/GDPF-RFC-2026-006");
  expect(api.status()).toBe(404);
  expect((await request.get("/api/v1/drafts/GDPF-RFC-2026-006/versions/0")).status()).toBe(404);
  const list = await (await request.get("/api/v1/drafts?pageSize=100")).json();
  expect(list.data.map((d: { reference: string }) => d.reference)).not.toContain("GDPF-RFC-2026-006");
});

test("the public API and feeds describe public drafts", async ({ request }) => {
  const draft = await (await request.get("/api/v1/drafts/GDPF-RFC-2026-004")).json();
  expect(draft).toMatchObject({ reference: "GDPF-RFC-2026-004", status: "OPEN", currentVersion: 1 });
  expect(draft.version.paragraphs.find((p: { anchor: string }) => p.anchor === "p-3.1.1").text).toContain("A consultation should reach");
  const v0 = await (await request.get("/api/v1/drafts/GDPF-RFC-2026-004/versions/0")).json();
  expect(v0.label).toBe("GDPF-RFC-2026-004-00");
  const diff = await (await request.get("/api/v1/drafts/GDPF-RFC-2026-004/diff?from=0&to=1")).json();
  expect(diff.changes.some((c: { type: string }) => c.type === "added")).toBe(true);
  expect((await request.get("/api/v1/drafts/GDPF-RFC-2026-004/diff")).status()).toBe(422);
  const openapi = await (await request.get("/api/openapi.json")).json();
  expect(openapi.openapi).toBe("3.1.0");
  expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/api/v1/drafts", "/api/v1/drafts/{ref}", "/api/v1/drafts/{ref}/versions/{n}", "/api/v1/drafts/{ref}/diff", "/api/v1/drafts/{ref}/comments", "/api/v1/comments/{id}/votes", "/api/v1/surveys/{slug}/responses"]));
  const atom = await (await request.get("/drafts/feed.atom")).text();
  expect(atom).toContain("GDPF-RFC-2026-004");
  expect((await request.get("/organisations/open-standards-institute/feed.atom")).headers()["content-type"]).toContain("atom");
  expect(await (await request.get("/drafts/feed.rss")).text()).toContain("<rss");
});
