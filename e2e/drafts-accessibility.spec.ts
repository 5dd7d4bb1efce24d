import { createOrganisation } from "./fixtures/orgs";
import { expect, signIn, test } from "./fixtures/users";
import { expectNoSeriousViolations } from "./support/axe";

test("the editor's pages pass axe, including the editor with errors, and read well on a phone at 200%", async ({ page, db, createUser }) => {
  const editor = await createUser({ name: "Axe Editor" });
  const org = await createOrganisation(db, [{ userId: editor.id, role: "OWNER" }]);
  await signIn(page, editor.email);
  await page.goto(`/organisations/${org.slug}/drafts/new`);
  await page.getByLabel("Text (Markdown)").fill("# One\n\nA paragraph.");
  await expect(page.getByTestId("preview").getByText("A paragraph.")).toBeVisible();
  await expectNoSeriousViolations(page, "new draft");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByText("Use at least 3 characters.")).toBeVisible();
  await expect(page.getByLabel("Text (Markdown)")).toHaveValue("# One\n\nA paragraph.");
  await expectNoSeriousViolations(page, "new draft with errors");
  await page.getByLabel("Title").fill("Accessible draft");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page).toHaveURL(/created=1/);
  await page.getByRole("link", { name: "Manage the consultation" }).click();
  await expectNoSeriousViolations(page, "manage");

  // Phone-sized viewport with text zoomed to 200%: no horizontal scrolling of the reading view.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/drafts/GDPF-RFC-2026-004");
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});
