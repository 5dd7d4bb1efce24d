import { createHash, randomBytes } from "node:crypto";
import { createOrganisation } from "./fixtures/orgs";
import { waitForMail } from "./fixtures/mail";
import { expect, signIn, test } from "./fixtures/users";
import { expectNoSeriousViolations } from "./support/axe";

const reference = "GDPF-RFC-2026-004";

test("a stakeholder comments on 2.1, proposes a change, replies, votes, records a position, follows, and gets the reply email", async ({ page, browser, db, createUser }) => {
  test.setTimeout(120_000);
  const amara = await createUser({ name: "Amara Okafor" });
  const bruno = await createUser({ name: "Bruno Lima", stakeholderGroup: "ACADEMIA", country: "BR" });
  // Bruno has already commented on 2.1.
  const draft = await db.draft.findUniqueOrThrow({ where: { reference }, select: { id: true, currentVersion: true } });
  const brunoComment = await db.comment.create({
    data: { draftId: draft.id, versionNumber: draft.currentVersion!, anchor: "p-2.1", authorId: bruno.id, kind: "QUESTION", body: "Does this cover consultations run by regional bodies?" },
  });

  await signIn(page, amara.email);
  await page.goto(`/drafts/${reference}`);
  await page.locator("#p-2\\.1").getByRole("link", { name: /comment/i }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Comments on paragraph 2.1");

  // Selecting words in the paragraph quotes them in the comment.
  await page.getByTestId("paragraph").evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el.querySelector("p")!);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    el.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  });
  await expect(page.getByLabel("Passage you are commenting on (optional)")).toHaveValue(/^This guidance applies to any consultation/);

  // A proposed change: edit the paragraph's own text.
  await page.getByRole("radio", { name: "Proposed change" }).check();
  const proposal = page.getByLabel("The paragraph as you propose it");
  await expect(proposal).toHaveValue(/This guidance applies to any consultation/);
  await proposal.fill((await proposal.inputValue()).replace("digital technology", "digital technology, including artificial intelligence"));
  await page.getByLabel("Comment", { exact: true }).fill("AI policy should be named explicitly.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your comment was posted." })).toBeVisible();
  const mine = page.locator("article").filter({ hasText: "AI policy should be named explicitly." });
  await expect(mine.getByTestId("proposed-change").locator("ins")).toContainText("including artificial intelligence");

  // Reply to Bruno and vote on his comment.
  const his = page.locator(`#comment-${brunoComment.id}`);
  await his.locator("summary", { hasText: "Reply" }).click();
  await his.getByLabel("Reply", { exact: true }).fill("Yes, regional bodies are covered by section 2.");
  await his.getByRole("button", { name: "Post reply" }).click();
  await expect(his.locator(".prose-block").filter({ hasText: "Yes, regional bodies are covered by section 2." })).toBeVisible();
  await his.getByRole("button", { name: "Agree", exact: true }).first().click();
  await expect(his.getByTestId("vote-totals").first()).toContainText("Agree 1");

  // Position and follow, on the draft page.
  await page.goto(`/drafts/${reference}`);
  await page.locator("summary", { hasText: "Record your position" }).click();
  await page.getByLabel("Your position on the draft as a whole").selectOption("SUPPORT_WITH_CHANGES");
  await page.getByRole("button", { name: "Save my positions" }).click();
  await expect(page.getByText("Your positions were saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("positions").getByRole("row", { name: /The draft as a whole/ })).toContainText("1");
  await page.getByRole("button", { name: "Follow this draft" }).click();
  await expect(page.getByText("You are following this draft.")).toBeVisible();

  // Bruno replies to Amara's comment; Amara gets an email with a link to the thread.
  const after = Date.now();
  const brunoPage = await (await browser.newContext()).newPage();
  await signIn(brunoPage, bruno.email);
  await brunoPage.goto(`/drafts/${reference}/p/p-2.1`);
  const amaraComment = brunoPage.locator("article").filter({ hasText: "AI policy should be named explicitly." }).first();
  await amaraComment.locator("summary", { hasText: "Reply" }).click();
  await amaraComment.getByLabel("Reply", { exact: true }).fill("Agreed, and thank you for the wording.");
  await amaraComment.getByRole("button", { name: "Post reply" }).click();
  await expect(amaraComment.locator(".prose-block").filter({ hasText: "Agreed, and thank you for the wording." })).toBeVisible();
  const mail = await waitForMail(amara.email, { after, subject: "New reply to your comment" });
  expect(mail.subject).toContain("New reply to your comment");
  expect(mail.text).toContain(`/drafts/${reference}/p/p-2.1`);
  expect(mail.text).toContain("/unsubscribe?u=");
});

test("a moderator hides a comment with a reason, the audit log shows it to owners and moderators, and a suspended participant cannot post", async ({ page, browser, db, createUser }) => {
  test.setTimeout(90_000);
  const owner = await createUser({ name: "Olga Owner" });
  const moderator = await createUser({ name: "Moses Moderator" });
  const spammer = await createUser({ name: "Sam Spam" });
  const org = await createOrganisation(db, [
    { userId: owner.id, role: "OWNER" },
    { userId: moderator.id, role: "MODERATOR" },
  ]);
  const draft = await db.draft.create({
    data: { organisationId: org.id, reference: `${org.prefix}-2026-001`, title: "Moderated draft", status: "OPEN", opensAt: new Date(), closesAt: new Date(Date.now() + 86_400_000), currentVersion: 0 },
  });
  await db.draftVersion.create({
    data: { draftId: draft.id, number: 0, title: draft.title, abstract: "", body: "# One\n\nText.", blocks: { create: [{ position: 0, anchor: "s-1", number: "1", section: "1", kind: "heading", level: 1, text: "One", html: "<h2>One</h2>" }, { position: 1, anchor: "p-1.1", number: "1.1", section: "1", kind: "paragraph", text: "Text.", html: "<p>Text.</p>" }] } },
  });
  const spam = await db.comment.create({ data: { draftId: draft.id, versionNumber: 0, anchor: "p-1.1", authorId: spammer.id, kind: "SUPPORT", body: "Buy cheap watches here" } });

  await signIn(page, moderator.email);
  await page.goto(`/organisations/${org.slug}`);
  await page.getByRole("link", { name: "Moderation queue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Moderation queue" })).toBeVisible();
  const axe = (label: string) => expectNoSeriousViolations(page, label);
  await axe("moderation queue");
  await page.goto(`/drafts/${draft.reference}/p/p-1.1`);
  const card = page.locator(`#comment-${spam.id}`);
  await card.getByLabel("Public reason for hiding (everyone sees it in place of the comment)").fill("Advertising is not allowed (rule 4).");
  await card.getByLabel("Yes, hide this comment from the public").check();
  await card.getByRole("button", { name: "Hide" }).click();
  await expect(card.getByTestId("removed")).toContainText("Removed by the moderator: Advertising is not allowed (rule 4).");
  await axe("thread as a moderator");
  await card.getByLabel("Reason for the suspension (only this organisation's moderators and owners see it)").fill("Repeated advertising");
  await card.getByLabel("Yes, suspend this person from all of this organisation's consultations").check();
  await card.getByRole("button", { name: "Suspend the author" }).click();
  await expect(card.getByText("The participant is suspended")).toBeVisible();

  // The public sees the reason, not the text.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/drafts/${draft.reference}/p/p-1.1`);
  await expect(visitor.getByText("Removed by the moderator: Advertising is not allowed (rule 4).")).toBeVisible();
  await expect(visitor.getByText("Buy cheap watches here")).toHaveCount(0);

  // The owner's audit log.
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, owner.email);
  await ownerPage.goto(`/organisations/${org.slug}/audit-log`);
  await expect(ownerPage.getByTestId("audit-log")).toContainText("Hid a comment");
  await expect(ownerPage.getByTestId("audit-log")).toContainText("Advertising is not allowed (rule 4).");
  await expect(ownerPage.getByTestId("audit-log")).toContainText("Moses Moderator");
  // The moderator reads the moderation entries too (e2e/moderation-tools.spec.ts).
  expect((await page.goto(`/organisations/${org.slug}/audit-log`))?.status()).toBe(200);
  await expect(page.getByTestId("audit-log")).toContainText("Hid a comment");

  // The suspended participant sees a notice instead of the comment form (every verb is also refused
  // on the server: lib/moderation/suspension.integration.test.ts, e2e/edge.spec.ts).
  const spammerPage = await (await browser.newContext()).newPage();
  await signIn(spammerPage, spammer.email);
  await spammerPage.goto(`/drafts/${draft.reference}/p/p-1.1`);
  await expect(spammerPage.getByTestId("suspended-notice")).toContainText("suspended your participation");
  await expect(spammerPage.getByRole("button", { name: "Post comment" })).toHaveCount(0);
  await expect(spammerPage.getByLabel("Comment", { exact: true })).toHaveCount(0);
  expect(await db.comment.count({ where: { authorId: spammer.id } })).toBe(1);
});

test("bad input gets a clear message and nothing is stored; nobody can comment on a closed draft", async ({ page, request, db, createUser }) => {
  const user = await createUser({ name: "Careful Writer" });
  await signIn(page, user.email);
  await page.goto(`/drafts/${reference}/p/p-2.1`);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Choose what kind of comment it is.")).toBeVisible();
  await expect(page.getByText("This field is required.")).toBeVisible();
  await page.getByRole("radio", { name: "Concern" }).check();
  await page.getByLabel("Comment", { exact: true }).fill("x".repeat(10_001));
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("A comment can have at most 10,000 characters.")).toBeVisible();
  await expect(page.getByLabel("Comment", { exact: true })).toHaveValue("x".repeat(10_001));
  expect(await db.comment.count({ where: { authorId: user.id } })).toBe(0);

  // A closed draft: no form on the page, and the API refuses.
  const closed = await db.draft.findUniqueOrThrow({ where: { reference: "OSI-RFC-2026-001" }, select: { id: true, status: true } });
  await db.draft.update({ where: { id: closed.id }, data: { status: "CLOSED" } });
  try {
    await page.goto("/drafts/OSI-RFC-2026-001/p/general");
    await expect(page.getByTestId("comments-closed")).toBeVisible();
    await expect(page.getByRole("button", { name: "Post comment" })).toHaveCount(0);
    const res = await page.request.post("/api/v1/drafts/OSI-RFC-2026-001/comments", { data: { kind: "SUPPORT", body: "Late comment" } });
    expect(res.status()).toBe(409);
  } finally {
    await db.draft.update({ where: { id: closed.id }, data: { status: closed.status } });
  }
  const anonymous = await request.post(`/api/v1/drafts/${reference}/comments`, { data: { kind: "SUPPORT", body: "Who am I?" } });
  expect(anonymous.status()).toBe(401);
});

test("the API takes comments and votes with a personal token, once per idempotency key", async ({ page, request, db, createUser }) => {
  const user = await createUser({ name: "API Client" });
  await signIn(page, user.email);
  await page.goto("/profile");
  await page.getByLabel("Token name").fill("submission tool");
  await page.getByRole("button", { name: "Create a token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  const headers = { authorization: `Bearer ${token}`, "idempotency-key": `k-${Date.now()}` };
  const body = { anchor: "p-3.1.1", kind: "SUPPORT", body: "Posted through the API." };
  const first = await request.post(`/api/v1/drafts/${reference}/comments`, { headers, data: body });
  expect(first.status()).toBe(201);
  const again = await request.post(`/api/v1/drafts/${reference}/comments`, { headers, data: body });
  expect(again.status()).toBe(200);
  const created = await first.json();
  expect((await again.json()).id).toBe(created.id);
  // Nobody votes on their own comment (409); another participant's token can.
  const own = await request.post(`/api/v1/comments/${created.id}/votes`, { headers: { authorization: headers.authorization }, data: { value: "AGREE" } });
  expect(own.status()).toBe(409);
  expect(((await own.json()) as { error: { code: string } }).error.code).toBe("ownCommentVote");
  const voter = await createUser({ name: "API Voter" });
  const voterToken = `prl_${randomBytes(24).toString("base64url")}`;
  await db.apiToken.create({ data: { userId: voter.id, name: "e2e", tokenHash: createHash("sha256").update(voterToken).digest("hex") } });
  const vote = await request.post(`/api/v1/comments/${created.id}/votes`, { headers: { authorization: `Bearer ${voterToken}` }, data: { value: "AGREE" } });
  expect(await vote.json()).toMatchObject({ value: "AGREE", totals: { agree: 1 } });
  const bad = await request.post(`/api/v1/drafts/${reference}/comments`, { headers: { authorization: headers.authorization }, data: { anchor: "p-99.1", kind: "SUPPORT", body: "Nowhere" } });
  expect(bad.status()).toBe(422);
  const list = await (await request.get(`/api/v1/drafts/${reference}/comments?anchor=p-3.1.1`)).json();
  expect(list.data.map((c: { id: string }) => c.id)).toContain(created.id);
});
