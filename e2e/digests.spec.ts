// Digests (issue 13, part 7): a follower switches a followed draft to a daily digest without
// JavaScript; an official reply then records a digest item instead of an email; once the item is
// due the periodic job (DIGEST_INTERVAL_MS=1000 in e2e/support/server.ts) queues the digest email,
// whose one-click link stops following the draft.
import { createOrganisation } from "./fixtures/orgs";
import { waitForMail } from "./fixtures/mail";
import { expect, signIn, test } from "./fixtures/users";
import { e2e } from "./support/config";
import { expectNoSeriousViolations } from "./support/axe";

test("a follower switches to a daily digest without JavaScript, an official reply waits for the digest, and the digest arrives with a working unfollow link", async ({ page, browser, db, createUser }) => {
  test.setTimeout(120_000);
  const owner = await createUser({ name: "Olu Owner" });
  const amara = await createUser({ name: "Amara Digest" });
  const bruno = await createUser({ name: "Bruno Commenter" });
  const org = await createOrganisation(db, [{ userId: owner.id, role: "OWNER" }]);
  const draft = await db.draft.create({
    data: { organisationId: org.id, reference: `${org.prefix}-2026-001`, title: "Digest consultation", status: "OPEN", opensAt: new Date(), closesAt: new Date(Date.now() + 20 * 86_400_000), currentVersion: 0 },
  });
  await db.draftVersion.create({
    data: { draftId: draft.id, number: 0, title: draft.title, abstract: "", body: "# One\n\nText.", blocks: { create: [{ position: 0, anchor: "s-1", number: "1", section: "1", kind: "heading", level: 1, text: "One", html: "<h2>One</h2>" }, { position: 1, anchor: "p-1.1", number: "1.1", section: "1", kind: "paragraph", text: "Text.", html: "<p>Text.</p>" }] } },
  });
  const brunoComment = await db.comment.create({ data: { draftId: draft.id, versionNumber: 0, anchor: "p-1.1", authorId: bruno.id, kind: "QUESTION", body: "Who reviews the annex?" } });

  // Amara follows the draft and chooses a daily digest, with JavaScript off.
  await signIn(page, amara.email);
  const noJs = await (await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() })).newPage();
  await noJs.goto(`/drafts/${draft.reference}`);
  await noJs.getByRole("button", { name: "Follow this draft" }).click();
  await expect(noJs.getByText("You are following this draft.")).toBeVisible();
  await noJs.getByLabel("Emails about this draft").selectOption("DAILY");
  await noJs.getByRole("button", { name: "Save", exact: true }).click();
  await expect(noJs.getByText("How often you get emails about this draft was saved.")).toBeVisible();
  expect((await db.draftFollow.findUniqueOrThrow({ where: { draftId_userId: { draftId: draft.id, userId: amara.id } } })).delivery).toBe("DAILY");
  await noJs.goto(`/drafts/${draft.reference}`);
  await expect(noJs.getByLabel("Emails about this draft")).toHaveValue("DAILY");
  await noJs.goto("/notifications");
  await expect(noJs.getByLabel(`Emails about ${draft.reference}`)).toHaveValue("DAILY");
  // No sideways scrolling at 360 px on either page.
  await noJs.setViewportSize({ width: 360, height: 800 });
  for (const path of ["/notifications", `/drafts/${draft.reference}`]) {
    await noJs.goto(path);
    expect(await noJs.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
  }

  // Axe on the changed pages, in English and Arabic.
  for (const locale of ["en", "ar"] as const) {
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: e2e.baseURL }]);
    for (const path of [`/drafts/${draft.reference}`, "/notifications"]) {
      await page.goto(path);
      await expectNoSeriousViolations(page, `${locale} ${path}`, { bestPractice: true });
    }
  }
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: e2e.baseURL }]);

  // The organisation posts an official reply: Amara gets no email now, a digest item instead.
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, owner.email);
  await ownerPage.goto(`/drafts/${draft.reference}/p/p-1.1`);
  const thread = ownerPage.locator(`#comment-${brunoComment.id}`);
  await thread.locator("summary", { hasText: "Reply" }).click();
  await thread.getByLabel("Reply", { exact: true }).fill("The review board reviews the annex.");
  await thread.getByLabel("Post as the organisation's official reply").check();
  await thread.getByRole("button", { name: "Post reply" }).click();
  await expect(thread.locator(".prose-block").filter({ hasText: "The review board reviews the annex." })).toBeVisible();
  expect(await db.digestItem.count({ where: { userId: amara.id, draftId: draft.id, kind: "officialReply", sentAt: null } })).toBe(1);
  expect(await db.outboxEmail.count({ where: { userId: amara.id } })).toBe(0);

  // Make the item due (recorded before the latest daily moment); the job queues the digest.
  const after = Date.now();
  await db.digestItem.updateMany({ where: { userId: amara.id, draftId: draft.id }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
  const digest = await waitForMail(amara.email, { after, timeoutMs: 30_000 });
  const text = digest.text.replace(/[\u2066-\u2069]/g, "");
  expect(digest.subject.replace(/[\u2066-\u2069]/g, "")).toBe("Daily digest: “Digest consultation”");
  expect(text).toContain("The organisation posted an official reply:");
  expect(text).toContain("The review board reviews the annex.");
  expect(text).toContain(`/drafts/${draft.reference}/p/p-1.1#comment-${brunoComment.id}`);
  expect(await db.outboxEmail.count({ where: { userId: amara.id } })).toBe(1);

  // The one-click link stops following the draft.
  const unsubscribe = text.match(/https?:\/\/\S*\/unsubscribe\?\S+/)![0];
  await noJs.goto(unsubscribe);
  await expect(noJs.getByRole("heading", { level: 1 })).toHaveText("You no longer follow this draft");
  expect(await db.draftFollow.count({ where: { draftId: draft.id, userId: amara.id } })).toBe(0);
});
