import { createOrganisation } from "./fixtures/orgs";
import { expect, signIn, test } from "./fixtures/users";

const body00 = `# Purpose

This standard defines how consultation responses are exchanged between platforms.

# Requirements

## Records

Each response is one record with an identifier and the text of the response.

Records are encoded as UTF-8 JSON.

## Privacy

Names of individuals are omitted unless they chose to publish them.
`;

const body01 = body00
  .replace("Records are encoded as UTF-8 JSON.", "Records are encoded as UTF-8 JSON, one record per line.")
  .replace("## Privacy\n", "## Versioning\n\nEvery record carries the version of the draft it refers to.\n\n## Privacy\n");

/** UTC wall-clock time `seconds` from now, as a datetime-local value with seconds. */
const utcIn = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString().slice(0, 19);

test("an editor creates a draft, previews it, opens it, publishes -01, compares, and it closes by itself", async ({ page, db, createUser }) => {
  test.setTimeout(150_000);
  const editor = await createUser({ name: "Ingrid Solberg" });
  const org = await createOrganisation(db, [{ userId: editor.id, role: "EDITOR" }]);
  await signIn(page, editor.email);

  await page.goto(`/organisations/${org.slug}`);
  await page.getByRole("link", { name: "New draft" }).click();
  await page.getByLabel("Title").fill("Exchange format for consultation responses");
  await page.getByLabel("Short abstract").fill("How platforms exchange consultation responses.");
  await page.getByLabel("Topics").fill("open data, interoperability");
  await page.getByLabel("Text (Markdown)").fill(body00);
  const preview = page.getByTestId("preview");
  await expect(preview.getByRole("heading", { name: /Requirements/ })).toBeVisible();
  await expect(preview.getByRole("link", { name: "Link to 2.1.2" })).toBeVisible();
  await page.getByRole("button", { name: "Create the draft" }).click();

  await expect(page).toHaveURL(new RegExp(`/drafts/${org.prefix}-\\d{4}-001\\?created=1$`));
  const reference = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  await expect(page.getByText("This draft is private to your organisation")).toBeVisible();

  // Open for comment with a short window (closing time in UTC, with seconds).
  await page.getByRole("link", { name: "Manage the consultation" }).click();
  await page.getByLabel("Time zone").selectOption("UTC");
  await page.getByLabel("Closes").fill(utcIn(50));
  await page.getByRole("button", { name: "Open for comment" }).click();
  await expect(page.getByRole("status")).toContainText("The consultation is open");
  await expect(page.locator("main").getByText("Open for comment").first()).toBeVisible();
  await expect(page.getByText(`${reference}-00`)).toBeVisible();

  // Publish a revision with a change note.
  await page.getByRole("link", { name: "Publish a revision" }).click();
  await page.getByLabel("Text (Markdown)").fill(body01);
  await page.getByRole("button", { name: "Publish version -01" }).click();
  await expect(page.getByLabel("Change note")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Text (Markdown)")).toHaveValue(body01);
  await page.getByLabel("Change note").fill("Adds a section on versioning; one record per line.");
  await page.getByRole("button", { name: "Publish version -01" }).click();
  await expect(page.getByRole("status")).toContainText("Version 01 was published");
  await expect(page.getByText(`${reference}-01`)).toBeVisible();

  // Compare -00 and -01.
  await page.getByRole("link", { name: "Compare versions" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`${reference}-00`);
  const diff = page.getByTestId("diff");
  await expect(diff.locator("ins", { hasText: "one record per line" }).first()).toBeVisible();
  await expect(diff.locator("[data-change=added]").filter({ hasText: "Every record carries the version" })).toBeVisible();
  await expect(page.getByText("Adds a section on versioning")).toBeVisible();

  // The old version stays readable at a stable URL.
  await page.goto(`/drafts/${reference}/versions/0`);
  await expect(page.getByText("You are reading version 00")).toBeVisible();

  // The consultation closes by itself at its closing time.
  await page.goto(`/drafts/${reference}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("timeline")).toContainText("Closed for comment", { timeout: 1000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  await expect(page.getByTestId("timeline")).toContainText("automatically, at the set time");
  const status = await db.draft.findUniqueOrThrow({ where: { reference }, select: { status: true } });
  expect(status.status).toBe("CLOSED");
});

test("only the organisation's editors see the editor tools and pages", async ({ page, db, createUser }) => {
  const moderator = await createUser({ name: "Mod Erator" });
  const org = await createOrganisation(db, [{ userId: moderator.id, role: "MODERATOR" }]);
  await signIn(page, moderator.email);
  await page.goto(`/organisations/${org.slug}`);
  await expect(page.getByRole("link", { name: "New draft" })).toHaveCount(0);
  const response = await page.goto(`/organisations/${org.slug}/drafts/new`);
  expect(response?.status()).toBe(404);
  await page.goto("/drafts/GDPF-RFC-2026-004");
  await expect(page.getByRole("link", { name: "Manage the consultation" })).toHaveCount(0);
  expect((await page.goto("/drafts/GDPF-RFC-2026-004/manage"))?.status()).toBe(404);
});
