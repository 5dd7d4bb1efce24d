import { expect, signIn, test } from "./fixtures/users";
import { e2e } from "./support/config";
import { demoOwner, publicPages, staffPages } from "./support/pages";
import { expectNoSeriousViolations } from "./support/axe";

// One test per page and language, so each page has its own time budget and its own report.
for (const locale of ["en", "ar"] as const) {
  for (const path of publicPages) {
    test(`public page passes axe in ${locale}: ${path}`, async ({ page, context }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: e2e.baseURL }]);
      await page.goto(path);
      await expectNoSeriousViolations(page, `${locale} ${path}`, { bestPractice: true });
    });
  }
}

for (const locale of ["en", "ar"] as const) {
  test(`an organisation's staff pages pass axe in ${locale} (workspace, manage, moderation lists, audit log…)`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await signIn(page, demoOwner.email, demoOwner.password);
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: e2e.baseURL }]);
    for (const path of staffPages) {
      await page.goto(path);
      await expectNoSeriousViolations(page, `${locale} ${path}`, { bestPractice: true });
    }
  });
}

test("signed-in pages pass axe, including a form showing errors", async ({ page, createUser }) => {
  const user = await createUser();
  await signIn(page, user.email);
  await page.goto("/profile");
  await expectNoSeriousViolations(page, "/profile", { bestPractice: true });
  await page.getByLabel("Display name").fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("This field is required.")).toBeVisible();
  await expectNoSeriousViolations(page, "/profile with errors", { bestPractice: true });
  await page.goto("/organisations/global-digital-policy-forum");
  await expectNoSeriousViolations(page, "organisation page signed in", { bestPractice: true });
  await page.goto("/drafts/GDPF-RFC-2026-004/p/p-2.1");
  await expectNoSeriousViolations(page, "paragraph thread with the comment form", { bestPractice: true });
  await page.goto("/notifications");
  await expectNoSeriousViolations(page, "notification settings", { bestPractice: true });
});

test("the site works by keyboard alone, with a visible focus", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  // Tab to the sign-in link and follow it with Enter.
  await page.goto("/");
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.getByRole("link", { name: "Sign in" }).evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  const outline = await page.getByRole("link", { name: "Sign in" }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/signin/);

  // The sign-in form can be filled and submitted from the keyboard.
  await page.getByLabel("Email address").focus();
  await page.keyboard.type("nobody@example.org");
  await page.keyboard.press("Tab");
  await page.keyboard.type("wrong password");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
});
