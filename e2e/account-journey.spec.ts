import { expect, password, signIn, test, uniqueEmail } from "./fixtures/users";
import { linkIn, waitForMail } from "./fixtures/mail";

test("a stakeholder registers, verifies by email, signs in, edits the profile and signs out", async ({ page }) => {
  const email = uniqueEmail("journey");
  await page.goto("/register");
  await page.getByLabel("Display name").fill("Wanjiru Kamau");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status")).toContainText("Check your email");

  // Not verified yet: password sign-in is refused with a clear message.
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("confirm your email address");

  const link = linkIn(await waitForMail(email));
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page).toHaveURL(/\/signin\?verified=1/);
  await expect(page.getByRole("status")).toContainText("confirmed");

  await signIn(page, email);
  await page.getByRole("link", { name: "Your profile" }).click();
  await page.getByLabel("Display name").fill("Wanjiru K.");
  await page.getByLabel("Stakeholder group").selectOption("ACADEMIA");
  await page.getByLabel("Country").selectOption("KE");
  await page.getByLabel("Affiliation").fill("University of Nairobi");
  await page.getByLabel("I speak on behalf of my organisation").check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toContainText("Your profile has been saved.");
  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Wanjiru K.");
  await expect(page.getByLabel("Stakeholder group")).toHaveValue("ACADEMIA");
  await expect(page.getByLabel("Country")).toHaveValue("KE");
  await expect(page.getByLabel("Affiliation")).toHaveValue("University of Nairobi");
  await expect(page.getByLabel("I speak on behalf of my organisation")).toBeChecked();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("You are signed out.");
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprofile|\/signin\?callbackUrl=\/profile/);
});

test("forms explain bad input and keep what was typed", async ({ page, createUser }) => {
  await page.goto("/register");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This field is required.").first()).toBeVisible();

  await page.getByLabel("Display name").fill("Keeps Typing");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Repeat the password").fill("different");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter an email address like name@example.org.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByText("The two passwords do not match.")).toBeVisible();
  await expect(page.getByLabel("Display name")).toHaveValue("Keeps Typing");
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");

  const user = await createUser();
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("The email address or password is not right.");
  await expect(page.getByLabel("Email address")).toHaveValue(user.email);

  // An expired or tampered link gets an explanation, not a crash.
  await page.goto("/reset-password?token=tampered-token-tampered-token-tampered");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("not valid or has already been used");
  await page.goto("/verify-email?error=expired");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This link has expired.");
});

test("repeated failed sign-ins are rate limited", async ({ page, createUser }) => {
  const user = await createUser();
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(user.email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password", { exact: true }).fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("not right");
  }
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many attempts");
});

test("password reset by emailed link", async ({ page, createUser }) => {
  const user = await createUser();
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  const after = Date.now();
  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("Check your email");
  await page.goto(linkIn(await waitForMail(user.email, { after })));
  await page.getByLabel("Password", { exact: true }).fill("my renewed passphrase");
  await page.getByLabel("Repeat the password").fill("my renewed passphrase");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password has been changed");
  await signIn(page, user.email, "my renewed passphrase");
});

test("a magic link signs in", async ({ page, createUser }) => {
  const user = await createUser();
  await page.goto("/signin");
  const after = Date.now();
  await page.getByLabel("Email address").fill(user.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/signin\/check-email/);
  await page.goto(linkIn(await waitForMail(user.email, { after })));
  await expect(page.getByRole("link", { name: "Your profile" })).toBeVisible();
});

test("a suspended user is signed out and cannot sign in", async ({ page, createUser, db }) => {
  const user = await createUser();
  await signIn(page, user.email);
  await db.user.update({ where: { id: user.id }, data: { suspendedAt: new Date() } });
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("suspended");
});
