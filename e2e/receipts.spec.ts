import type { Page } from "@playwright/test";
import { waitForMail } from "./fixtures/mail";
import { createOrganisation } from "./fixtures/orgs";
import { expect, signIn, test } from "./fixtures/users";
import { e2e } from "./support/config";
import { expectNoSeriousViolations } from "./support/axe";

async function fitsPhone(page: Page, label: string) {
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label} scrolls sideways at 360 px`).toBeLessThanOrEqual(1);
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a participant gets tracking numbers, looks them up, sees a hidden comment's reason, and lists and exports their contributions", async ({ page, browser, db, createUser }) => {
  test.setTimeout(180_000);
  const amara = await createUser({ name: "Amara Receipts" });
  const moderator = await createUser({ name: "Mona Moderator" });
  const org = await createOrganisation(db, [{ userId: moderator.id, role: "MODERATOR" }]);
  const reference = `${org.prefix}-2026-001`;
  const draft = await db.draft.create({
    data: { organisationId: org.id, reference, title: "Receipted draft", status: "OPEN", opensAt: new Date(), closesAt: new Date(Date.now() + 86_400_000), currentVersion: 0 },
  });
  await db.draftVersion.create({
    data: { draftId: draft.id, number: 0, title: draft.title, abstract: "", body: "# One\n\nText.", blocks: { create: [{ position: 0, anchor: "s-1", number: "1", section: "1", kind: "heading", level: 1, text: "One", html: "<h2>One</h2>" }, { position: 1, anchor: "p-1.1", number: "1.1", section: "1", kind: "paragraph", text: "Text.", html: "<p>Text.</p>" }] } },
  });

  // Comment: the number is in the success message at once.
  await signIn(page, amara.email);
  const after = Date.now();
  await page.goto(`/drafts/${reference}/p/p-1.1`);
  await page.getByRole("radio", { name: "Concern" }).check();
  await page.getByLabel("Comment", { exact: true }).fill("The scope is too narrow for regional bodies.");
  await page.getByRole("button", { name: "Post comment" }).click();
  const status = page.getByRole("status").filter({ hasText: "Your comment was posted." });
  await expect(status).toContainText("Your tracking number is");
  const number = (await status.getByTestId("tracking-number").textContent())!.trim();
  expect(number).toMatch(new RegExp(`^${reference}-C-\\d{6}$`));

  // The receipt email, with the number and a link to the comment.
  const mail = await waitForMail(amara.email, { after });
  expect(mail.subject).toContain(number);
  expect(mail.text).toContain(number);
  expect(mail.text).toContain(`/drafts/${reference}/p/p-1.1#comment-`);

  // Look it up from the GET form on /receipts (works without JavaScript).
  const noJs = await browser.newContext({ javaScriptEnabled: false, baseURL: e2e.baseURL, storageState: await page.context().storageState() });
  const plain = await noJs.newPage();
  await plain.goto("/receipts");
  await plain.getByRole("textbox", { name: "Tracking number" }).fill(number.toLowerCase());
  await plain.getByRole("button", { name: "Look up" }).click();
  await expect(plain).toHaveURL(new RegExp(`/receipts/${number}$`));
  await expect(plain.getByTestId("receipt-status")).toHaveText("Published");
  await expect(plain.getByTestId("receipt-disposition")).toContainText("Not decided yet");

  // A moderator hides it; the receipt shows the public reason, never the text or the author.
  const modPage = await (await browser.newContext({ baseURL: e2e.baseURL })).newPage();
  await signIn(modPage, moderator.email);
  await modPage.goto(`/drafts/${reference}/p/p-1.1`);
  const card = modPage.locator("article").filter({ hasText: "The scope is too narrow" }).first();
  await card.getByLabel("Public reason for hiding (everyone sees it in place of the comment)").fill("Off topic (rule 2).");
  await card.getByLabel("Yes, hide this comment from the public").check();
  await card.getByRole("button", { name: "Hide" }).click();
  await expect(card.getByTestId("removed")).toContainText("Off topic (rule 2).");
  await plain.reload();
  await expect(plain.getByTestId("receipt-status")).toHaveText("Hidden by the moderators");
  await expect(plain.getByTestId("receipt-hidden-reason")).toContainText("Off topic (rule 2).");
  await expect(plain.locator("main")).not.toContainText("The scope is too narrow");
  await expect(plain.locator("main")).not.toContainText("Amara");

  // The API says the same; unknown numbers are 404.
  const api = await (await page.request.get(`/api/v1/receipts/${number}`)).json();
  expect(api).toMatchObject({ trackingNumber: number, kind: "comment", status: "hidden", hiddenReason: "Off topic (rule 2).", disposition: null });
  expect((await page.request.get(`/api/v1/receipts/${reference}-C-999999`)).status()).toBe(404);

  // A comment through the API: the number is in the 201 body, and a retry returns the same one.
  const headers = { "idempotency-key": `receipt-${Date.now()}` };
  const first = await page.request.post(`/api/v1/drafts/${reference}/comments`, { headers, data: { kind: "SUPPORT", body: "Support for section one." } });
  expect(first.status()).toBe(201);
  const created = await first.json();
  expect(created.trackingNumber).toMatch(new RegExp(`^${reference}-C-\\d{6}$`));
  const retry = await page.request.post(`/api/v1/drafts/${reference}/comments`, { headers, data: { kind: "SUPPORT", body: "Support for section one." } });
  expect(retry.status()).toBe(200);
  expect((await retry.json()).trackingNumber).toBe(created.trackingNumber);

  // A survey answer: its number on the thanks message (S, in the draft's docket).
  await page.goto("/s/gdpf-rfc-2026-004-survey");
  await page.getByRole("radio", { name: /^5/ }).check();
  await page.getByRole("radio", { name: "Twelve weeks" }).check();
  await page.getByRole("button", { name: "Send my answers" }).click();
  const thanks = page.getByRole("status").filter({ hasText: "Thank you" });
  await expect(thanks.getByTestId("tracking-number")).toHaveText(/^GDPF-RFC-2026-004-S-\d{6}$/);
  const surveyNumber = (await thanks.getByTestId("tracking-number").textContent())!.trim();
  expect(await (await page.request.get(`/api/v1/receipts/${surveyNumber}`)).json()).toMatchObject({ trackingNumber: surveyNumber, kind: "surveyAnswer", status: "counted" });

  // My contributions: all three, with status, number and disposition.
  await page.goto("/profile/contributions");
  await expect(page.getByTestId("contributions-count")).toHaveText("3 contributions");
  const hiddenItem = page.getByTestId("contribution").filter({ hasText: number });
  await expect(hiddenItem.getByTestId("contribution-status")).toHaveText("Hidden by the moderators");
  await expect(hiddenItem.getByTestId("contribution-disposition")).toHaveText("Not decided yet");
  await expect(page.getByTestId("contribution").filter({ hasText: surveyNumber }).getByTestId("contribution-status")).toHaveText("Counted");
  for (const locale of ["en", "ar"] as const) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: e2e.baseURL }]);
    for (const path of ["/profile/contributions", `/receipts/${number}`, `/receipts/${surveyNumber}`, "/receipts?n=nope"]) {
      await page.goto(path);
      await expectNoSeriousViolations(page, `${locale} ${path}`);
      await fitsPhone(page, `${locale} ${path}`);
    }
  }
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: e2e.baseURL }]);

  // The consultation filter works without JavaScript.
  await plain.goto("/profile/contributions");
  await plain.getByRole("combobox", { name: "Consultation" }).selectOption(reference);
  await plain.getByRole("button", { name: "Show" }).click();
  await expect(plain).toHaveURL(new RegExp(`consultation=${reference}`));
  await expect(plain.getByTestId("contributions-count")).toHaveText("2 contributions");
  await expect(plain.getByTestId("contribution").filter({ hasText: surveyNumber })).toHaveCount(0);

  // The JSON export: an attachment that parses and matches the list.
  const download = await page.request.get("/profile/contributions.json");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="parley-contributions\.json"$/);
  const exported = JSON.parse(await download.text()) as { contributions: Array<{ type: string; trackingNumber: string | null; status: string | null; text?: string }> };
  expect(exported.contributions.map((c) => c.trackingNumber).sort()).toEqual([number, created.trackingNumber, surveyNumber].sort());
  expect(exported.contributions.find((c) => c.trackingNumber === number)).toMatchObject({ type: "comment", status: "hidden", text: "The scope is too narrow for regional bodies." });
  expect((await plain.request.get("/profile/contributions.json")).status()).toBe(200);
  const anonymous = await (await browser.newContext({ baseURL: e2e.baseURL })).request.get("/profile/contributions.json");
  expect(anonymous.status()).toBe(401);
  await noJs.close();
});

test("a demo comment's receipt shows its kind and status to anyone", async ({ page }) => {
  await page.goto("/receipts/GDPF-RFC-2026-003-C-000001");
  await expect(page.getByTestId("receipt-kind")).toHaveText("Comment");
  await expect(page.getByTestId("receipt-status")).toHaveText("Published");
});
