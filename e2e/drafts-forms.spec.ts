// Forms that lose nothing: after a server-side validation error (JavaScript on), the choices in
// selects are still the ones the editor made.
import { createOrganisation } from "./fixtures/orgs";
import { expect, signIn, test } from "./fixtures/users";
import { seedDraft } from "../prisma/seed/builders";

test("opening a consultation with closing before opening keeps the chosen time zone and dates", async ({ page, db, createUser }) => {
  const editor = await createUser({ name: "Yusuf Demir" });
  const org = await createOrganisation(db, [{ userId: editor.id, role: "EDITOR" }]);
  const draft = await seedDraft(db, { organisationId: org.id, reference: `${org.prefix}-2026-901`, title: "Time zone form check", abstract: "", status: "DRAFT", body: "# One\n\nText." });
  await signIn(page, editor.email);

  await page.goto(`/drafts/${draft.reference}/manage`);
  const zone = page.getByLabel("Time zone");
  await zone.selectOption("Asia/Tokyo");
  await page.getByLabel("Opens").fill("2099-05-01T10:00");
  await page.getByLabel("Closes").fill("2099-04-01T10:00");
  await page.getByRole("button", { name: "Open for comment" }).click();

  await expect(page.getByLabel("Closes")).toHaveAttribute("aria-invalid", "true");
  await expect(zone).toHaveValue("Asia/Tokyo");
  await expect(page.getByLabel("Opens")).toHaveValue("2099-05-01T10:00");
  await expect(page.getByLabel("Closes")).toHaveValue("2099-04-01T10:00");
});
