// Sessions end on the server, redirects stay on this site, and sign-in spraying is limited.
// Every case is driven as real requests against the production build on PostgreSQL.
import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { linkIn, waitForMail } from "./fixtures/mail";
import { e2e } from "./support/config";
import { expect, password, signIn, test } from "./fixtures/users";

const cookieName = "next-auth.session-token";

async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === cookieName);
  expect(cookie?.value).toBeTruthy();
  return cookie!.value;
}

/** A bare HTTP client that sends only the copied cookie (an attacker replaying it). */
function replay(token: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: e2e.baseURL, extraHTTPHeaders: { cookie: `${cookieName}=${token}` } });
}

async function signedInPage(browser: Browser, email: string, pass = password): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, pass);
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
}

test("a copied session cookie is refused everywhere after sign-out", async ({ page, browser, createUser, db }) => {
  const user = await createUser({ name: "Replay Target" });
  await signIn(page, user.email);
  const token = await sessionCookie(page);
  // A comment on the demo draft that is open for comment, to vote on through the API.
  const author = await createUser({ name: "Comment Author" });
  const draft = await db.draft.findUniqueOrThrow({ where: { reference: "GDPF-RFC-2026-004" }, select: { id: true, currentVersion: true } });
  const comment = await db.comment.create({
    data: { draftId: draft.id, versionNumber: draft.currentVersion!, anchor: "p-2.1", authorId: author.id, kind: "QUESTION", body: "Is a replayed cookie still me?" },
    select: { id: true },
  });

  // While the session lives, the copied cookie works: the page, a server action (via a second
  // browser holding the same cookie) and the API all see the user.
  const attacker = await replay(token);
  const live = await attacker.get("/profile");
  expect(new URL(live.url()).pathname).toBe("/profile");
  expect(await live.text()).toContain(user.email);
  const liveVote = await attacker.post(`/api/v1/comments/${comment.id}/votes`, { data: { value: "PASS" } });
  expect(liveVote.status()).toBe(200);
  const twin = await (await browser.newContext()).newPage();
  await twin.context().addCookies([{ name: cookieName, value: token, url: e2e.baseURL, httpOnly: true, sameSite: "Lax" }]);
  await twin.goto("/profile");
  await expect(twin.getByLabel("Display name")).toHaveValue("Replay Target");

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("You are signed out.");
  expect(await db.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);

  // Page: back to sign-in.
  const pageAfter = await attacker.get("/profile");
  expect(new URL(pageAfter.url()).pathname).toBe("/signin");
  expect(await pageAfter.text()).not.toContain(user.email);
  // API: 401 with the error body.
  const voteAfter = await attacker.post(`/api/v1/comments/${comment.id}/votes`, { data: { value: "AGREE" } });
  expect(voteAfter.status()).toBe(401);
  expect((await voteAfter.json()) as unknown).toMatchObject({ error: { code: "unauthenticated" } });
  expect((await db.commentVote.findUniqueOrThrow({ where: { commentId_userId: { commentId: comment.id, userId: user.id } } })).value).toBe("PASS");
  // Server action: the form the twin still shows is refused and nothing is saved.
  await twin.getByLabel("Display name").fill("Changed By Replay");
  await twin.getByRole("button", { name: "Save profile" }).click();
  await expect(twin.getByRole("main").getByRole("alert")).toContainText("Please sign in to continue.");
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Replay Target");
  await attacker.dispose();
});

test("the profile lists sessions; sign out one, then everywhere", async ({ page, browser, createUser, db }) => {
  const user = await createUser();
  await signIn(page, user.email);
  const other = await signedInPage(browser, user.email);

  await page.goto("/profile");
  const rows = page.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "this device" })).toHaveCount(1);
  await expect(rows.first()).toContainText(/Chrome on (Linux|Windows|macOS)/);
  await rows.filter({ hasNotText: "this device" }).getByRole("button", { name: "Sign out" }).click();
  await expect(rows).toHaveCount(1);
  await expectSignedOut(other);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();

  const again = await signedInPage(browser, user.email);
  await page.goto("/profile");
  await expect(rows).toHaveCount(2);
  const token = await sessionCookie(page);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1/);
  await expectSignedOut(again);
  await expectSignedOut(page);
  const attacker = await replay(token);
  expect(new URL((await attacker.get("/profile")).url()).pathname).toBe("/signin");
  await attacker.dispose();
  expect(await db.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
});

test("changing the password ends every other session", async ({ page, browser, createUser }) => {
  const user = await createUser();
  await signIn(page, user.email);
  const other = await signedInPage(browser, user.email);
  await page.goto("/profile");
  await page.getByLabel("Current password").fill("not the password at all");
  await page.getByLabel("New password", { exact: true }).fill("a fresh e2e passphrase");
  await page.getByLabel("Repeat the new password").fill("a fresh e2e passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The current password is not right.")).toBeVisible();

  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password", { exact: true }).fill("a fresh e2e passphrase");
  await page.getByLabel("Repeat the new password").fill("a fresh e2e passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password has been changed." })).toBeVisible();
  await expectSignedOut(other);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await expect(page.getByTestId("session-row")).toHaveCount(1);
  await signIn(other, user.email, "a fresh e2e passphrase");
});

test("a password reset by emailed link ends every session, and a copied cookie is refused by pages and the API", async ({ page, browser, createUser }) => {
  const user = await createUser();
  await signIn(page, user.email);
  const token = await sessionCookie(page);
  const attacker = await replay(token);
  expect(new URL((await attacker.get("/profile")).url()).pathname).toBe("/profile");

  // Someone who knows the mailbox (or the person on another device) resets the password.
  const resetter = await (await browser.newContext()).newPage();
  await resetter.goto("/forgot-password");
  const after = Date.now();
  await resetter.getByLabel("Email address").fill(user.email);
  await resetter.getByRole("button", { name: "Send reset link" }).click();
  await expect(resetter.getByRole("status")).toContainText("Check your email");
  await resetter.goto(linkIn(await waitForMail(user.email, { after })));
  await resetter.getByLabel("Password", { exact: true }).fill("a reset e2e passphrase");
  await resetter.getByLabel("Repeat the password").fill("a reset e2e passphrase");
  await resetter.getByRole("button", { name: "Save new password" }).click();
  await expect(resetter.getByRole("status")).toContainText("Your password has been changed");

  await expectSignedOut(page);
  expect(new URL((await attacker.get("/profile")).url()).pathname).toBe("/signin");
  const api = await attacker.post("/api/v1/drafts/GDPF-RFC-2026-004/comments", { data: { anchor: "p-2.1", kind: "SUPPORT", body: "Still me?" } });
  expect(api.status()).toBe(401);
  expect((await api.json()) as unknown).toMatchObject({ error: { code: "unauthenticated" } });
  await attacker.dispose();
  await signIn(page, user.email, "a reset e2e passphrase");
});

const hostileTargets = [
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%09/evil.example",
  "https://evil.example/",
  "http://localhost@evil.example/",
  "javascript:alert(document.domain)",
];

test("hostile redirect targets land on /", async ({ page, createUser, request }) => {
  const home = `${e2e.baseURL}/`;
  // Signing in through the form with a hostile callbackUrl.
  const user = await createUser();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("//evil.example/steal")}`);
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("link", { name: "Your profile" })).toBeVisible();
  expect(page.url()).toBe(home);

  // Already signed in, /signin forwards to its callbackUrl: every hostile form ends on /.
  // (Raw control characters in a URL are refused earlier, with 400, by the bad-bytes guard.)
  for (const target of hostileTargets) {
    const response = await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
    if (/[\t\n]/.test(target)) expect(response?.status(), target).toBe(400);
    else expect(page.url(), target).toBe(home);
  }
  // A same-site target is kept.
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/profile")}`);
  expect(new URL(page.url()).pathname).toBe("/profile");

  // The language switcher's returnTo.
  await page.goto("/profile");
  await page.locator('input[name="returnTo"]').evaluate((el) => ((el as HTMLInputElement).value = "//evil.example/x"));
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page).toHaveURL(home);

  // next-auth's own redirects (sign-out here) go through the same check.
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const target of hostileTargets) {
    const res = await request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: target, json: "true" } });
    expect(res.status(), target).toBe(200);
    expect(((await res.json()) as { url: string }).url, target).toBe(home);
  }
});

test("password spraying across accounts from one address gets 429 with Retry-After", async ({ page, createUser, db }) => {
  // The server entry takes the client address from the socket, so the guesses are sent by the
  // browser itself: the later sign-in form comes from the same address.
  await page.goto("/signin");
  try {
    const result = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const seen: number[] = [];
      // Default SIGNIN_MAX_FAILURES_PER_ADDRESS is 30; each account gets a single guess.
      for (let attempt = 0; attempt < 40; attempt++) {
        const res = await fetch("/api/auth/callback/credentials", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ csrfToken, email: `sprayed-${attempt}-${Math.random().toString(36).slice(2)}@example.org`, password: "Summer2026!", json: "true" }),
        });
        seen.push(res.status);
        if (res.status === 429) return { seen, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as { error: { code: string; message: string } } };
      }
      return { seen, retryAfter: null, body: null };
    });
    expect(result.body, `statuses: ${result.seen.join(",")}`).not.toBeNull();
    expect(result.seen.length).toBeLessThanOrEqual(31);
    expect(result.seen.slice(0, -1).every((status) => status === 200 || status === 401)).toBe(true);
    expect(Number(result.retryAfter)).toBeGreaterThan(0);
    expect(Number(result.retryAfter)).toBeLessThanOrEqual(15 * 60);
    expect(result.body!.error.code).toBe("rateLimited");

    // The sign-in form from that address shows the localised message, even with the right password.
    const user = await createUser();
    await page.goto("/signin");
    await page.getByLabel("Email address").fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many attempts");
  } finally {
    // Leave no address budget used up for the specs that follow (they share the loopback address).
    await db.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: "signin-addr:" } } });
  }
});
