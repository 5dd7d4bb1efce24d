import type { Locator } from "@playwright/test";
import { expect, signIn, test } from "./fixtures/users";
import { e2e } from "./support/config";

const reference = "GDPF-RFC-2026-004";

/** WCAG 2.x contrast ratio of an element's computed text colour on its computed background (colours resolved by a canvas, so oklch() works too). */
async function contrastOf(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    const style = getComputedStyle(el);
    const ctx = document.createElement("canvas").getContext("2d", { willReadFrequently: true })!;
    const rgb = (css: string) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = "#fff"; // what is behind a transparent background here
      ctx.fillRect(0, 0, 1, 1);
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const luminance = ([r, g, b]: number[]) =>
      [r!, g!, b!].map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    const [a, b] = [luminance(rgb(style.color)), luminance(rgb(style.backgroundColor))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

test("a chosen vote stays readable on hover and focus (contrast at least 4.5:1)", async ({ page, db, createUser }) => {
  const voter = await createUser({ name: "Vote Contrast" });
  const author = await createUser({ name: "Comment Author" });
  const draft = await db.draft.findUniqueOrThrow({ where: { reference }, select: { id: true, currentVersion: true } });
  const comment = await db.comment.create({ data: { draftId: draft.id, versionNumber: draft.currentVersion!, anchor: "p-2.1", authorId: author.id, kind: "QUESTION", body: "A comment to vote on." } });

  await signIn(page, voter.email);
  await page.goto(`/drafts/${reference}/p/p-2.1`);
  const card = page.locator(`#comment-${comment.id}`);
  const agree = card.getByRole("button", { name: "Agree", exact: true });
  const disagree = card.getByRole("button", { name: "Disagree", exact: true });

  // Not chosen yet: hovering keeps accent text on a pale background readable.
  await disagree.hover();
  await expect.poll(() => contrastOf(disagree)).toBeGreaterThanOrEqual(4.5); // once the colour transition has ended

  await agree.click();
  await expect(agree).toHaveAttribute("aria-pressed", "true");
  await page.mouse.move(0, 0);
  await expect.poll(() => contrastOf(agree)).toBeGreaterThanOrEqual(4.5); // once the colour transition has ended
  await agree.hover();
  // Still filled (not white on near-white) while the pointer is over it.
  expect(await agree.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(255, 255, 255)");
  await expect.poll(() => contrastOf(agree)).toBeGreaterThanOrEqual(4.5); // once the colour transition has ended
  await page.mouse.move(0, 0);
  await agree.focus();
  await expect.poll(() => contrastOf(agree)).toBeGreaterThanOrEqual(4.5); // once the colour transition has ended
});

test("the site has a favicon, linked from every page and served", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("image/svg+xml");
  expect(await response.text()).toContain("<svg");
});

test("the published summary's provenance lists its settings as labelled text, in the reader's language", async ({ page, context }) => {
  await page.goto("/drafts/GDPF-RFC-2026-003/summary");
  const provenance = page.getByTestId("provenance");
  await expect(provenance).not.toContainText("{");
  await expect(provenance).not.toContainText('"seed"');
  const settings = page.getByTestId("provenance-settings");
  await expect(settings.locator("dt").filter({ hasText: "Most opinion groups" })).toBeVisible();
  await expect(settings.locator("dt").filter({ hasText: "Similarity that marks a campaign" }).locator("+ dd")).toHaveText("70%");
  await expect(settings.locator("dt").filter({ hasText: "Number of themes" }).locator("+ dd")).toHaveText("Chosen by the method");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "fr", url: e2e.baseURL }]);
  await page.reload();
  await expect(settings.locator("dt").filter({ hasText: "Nombre maximal de groupes d’opinion" })).toBeVisible();
  await expect(settings.locator("dt").filter({ hasText: "Nombre de thèmes" }).locator("+ dd")).toHaveText("Choisi par la méthode");
});

test("links from the published summary to comments stay on the reader's host (relative links and redirects)", async ({ page, request }) => {
  await page.goto("/drafts/GDPF-RFC-2026-003/summary");
  const link = page.getByTestId("theme").first().getByRole("link", { name: "Open the comment" }).first();
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/drafts\/GDPF-RFC-2026-003\/c\//);
  // Asked for under another name for this host (127.0.0.1, not the configured localhost), the
  // permalink's redirect is a path, so the browser stays on the host it used.
  const other = e2e.baseURL.replace("localhost", "127.0.0.1");
  const response = await request.get(`${other}${href}`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  const location = response.headers()["location"]!;
  expect(location).toMatch(/^\/drafts\/GDPF-RFC-2026-003\/p\/[^#]+#comment-/);
  expect(location).not.toContain("localhost");
  // Followed in the browser from the other host: the reader lands on the comment there.
  await page.goto(`${other}${href}`);
  expect(new URL(page.url()).host).toBe(new URL(other).host);
  await expect(page).toHaveURL(/\/p\/.+#comment-/);
});

test("survey demographics offer 'Prefer not to say' once, and the results filter countries by name in the reader's language", async ({ page, context }) => {
  await page.goto("/s/future-we-want");
  for (const field of ["gender", "ageBand", "country", "group", "education"]) {
    const options = await page.locator(`#demo-${field} option`).allTextContents();
    expect(options.filter((o) => o === "Prefer not to say"), field).toHaveLength(1);
  }
  await context.addCookies([{ name: "NEXT_LOCALE", value: "fr", url: e2e.baseURL }]);
  await page.goto("/s/future-we-want/results");
  const country = page.locator("#f-country");
  await expect(country).toHaveJSProperty("tagName", "SELECT");
  await expect(country.locator('option[value="DE"]')).toHaveText("Allemagne");
  await expect(country.locator('option[value="CI"]')).toHaveText("Côte d’Ivoire");
  expect(await country.locator("option").count()).toBeGreaterThan(200);
  await country.selectOption("DE");
  await page.getByRole("button", { name: "Appliquer", exact: true }).click();
  await expect(page).toHaveURL(/country=DE/);
  await expect(page.locator("#f-country")).toHaveValue("DE");
});
