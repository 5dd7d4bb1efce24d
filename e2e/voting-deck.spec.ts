import type { Page } from "@playwright/test";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { createOrganisation } from "./fixtures/orgs";
import { expect, signIn, test } from "./fixtures/users";
import { e2e } from "./support/config";
import { expectNoSeriousViolations } from "./support/axe";

const phone = { width: 360, height: 740 };

/** An open draft of a fresh organisation, with one paragraph (1.1). */
async function openDraft(db: PrismaClient, org: { id: string; prefix: string }) {
  const draft = await db.draft.create({
    data: { organisationId: org.id, reference: `${org.prefix}-2026-001`, title: "Deck draft", status: "OPEN", opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000), currentVersion: 0 },
  });
  await db.draftVersion.create({
    data: {
      draftId: draft.id,
      number: 0,
      title: draft.title,
      abstract: "",
      body: "# Scope\n\nThis guidance applies to every consultation.",
      blocks: {
        create: [
          { position: 0, anchor: "s-1", number: "1", section: "1", kind: "heading", level: 1, text: "Scope", html: "<h2>Scope</h2>" },
          { position: 1, anchor: "p-1.1", number: "1.1", section: "1", kind: "paragraph", text: "This guidance applies to every consultation.", html: "<p>This guidance applies to every consultation.</p>" },
        ],
      },
    },
  });
  return draft;
}

/** The statements of the deck: five by Aldo (the votable ones), one by the participant, one hidden. */
async function statements(db: PrismaClient, draftId: string, authorId: string, participantId: string) {
  const bodies = ["Regional bodies should be named in 1.1.", "يجب أن تشمل الإرشادات المشاورات الإقليمية.", "Define “consultation” before using it.", "Translations should be published together.", "Deadlines should be at least thirty days."];
  for (const [i, body] of bodies.entries()) {
    await db.comment.create({ data: { draftId, versionNumber: 0, authorId, kind: "CONCERN", body, anchor: i === 3 ? null : "p-1.1" } });
  }
  await db.comment.create({ data: { draftId, versionNumber: 0, authorId: participantId, kind: "SUPPORT", body: "My own statement." } });
  await db.comment.create({ data: { draftId, versionNumber: 0, authorId, kind: "CONCERN", body: "A hidden statement.", status: "HIDDEN" } });
  return bodies.length;
}

async function sidewaysScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test("a participant goes through the whole voting deck on a phone without JavaScript", async ({ browser, db, createUser }) => {
  test.setTimeout(120_000);
  const pia = await createUser({ name: "Pia Participant" });
  const aldo = await createUser({ name: "Aldo Author", stakeholderGroup: "GOVERNMENT" });
  const org = await createOrganisation(db);
  const draft = await openDraft(db, org);
  const total = await statements(db, draft.id, aldo.id, pia.id);

  // Signed out, the draft asks to sign in first.
  const anonymous = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await anonymous.goto(`/drafts/${draft.reference}`);
  await expect(anonymous.getByRole("link", { name: "Sign in to vote on statements" })).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(`/drafts/${draft.reference}/vote`)}`);

  const signingIn = await browser.newContext();
  await signIn(await signingIn.newPage(), pia.email);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: phone, isMobile: true, storageState: await signingIn.storageState() });
  const page = await context.newPage();

  await page.goto(`/drafts/${draft.reference}`);
  await page.getByRole("link", { name: "Vote on statements" }).click();
  await expect(page).toHaveURL(new RegExp(`/drafts/${draft.reference}/vote$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vote on statements");
  // Without JavaScript the shortcuts do not work, so they are not offered.
  await expect(page.getByText("Keyboard: A agree")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Agree", exact: true })).toHaveAttribute("aria-keyshortcuts", "A");

  const answered: Array<{ id: string; choice: "Agree" | "Disagree" | "Pass" | "Skip" }> = [];
  const statement = page.getByTestId("deck-statement");
  for (const [i, choice] of (["Agree", "Disagree", "Pass", "Skip", "Agree"] as const).entries()) {
    await expect(page.getByTestId("deck-progress")).toHaveText(`Statement ${i + 1} of ${total}`);
    await expect(statement.getByTestId("deck-group")).toHaveText("Written by a participant from: Government");
    await expect(statement.locator("[data-content=comment]")).toHaveAttribute("dir", "auto");
    await expect(statement).not.toContainText("My own statement.");
    await expect(statement).not.toContainText("A hidden statement.");
    const paragraph = statement.getByRole("link", { name: "On paragraph 1.1" });
    if (await paragraph.count()) await expect(paragraph).toHaveAttribute("href", `/drafts/${draft.reference}/p/p-1.1`);
    else await expect(statement.getByRole("link", { name: "On the draft as a whole" })).toBeVisible();
    expect(await sidewaysScroll(page), `statement ${i + 1} fits 360 px`).toBeLessThanOrEqual(phone.width);
    const id = (await statement.getAttribute("data-comment-id"))!;
    answered.push({ id, choice });
    await statement.getByRole("button", { name: choice, exact: true }).click();
    await expect(page.getByTestId("deck-done")).toBeVisible();
  }
  expect(new Set(answered.map((a) => a.id)).size).toBe(total);

  // Everything seen, one statement skipped: it can be taken up again.
  const finished = page.getByTestId("deck-finished");
  await expect(finished.getByRole("heading")).toHaveText("You have seen every statement");
  await expect(finished).toContainText("You skipped 1 statement");
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(phone.width);
  await finished.getByRole("link", { name: "Go through the skipped statements again" }).click();
  await expect(page.getByTestId("deck-progress")).toHaveText(`Statement ${total} of ${total}`);
  const skipped = answered.find((a) => a.choice === "Skip")!;
  await expect(statement).toHaveAttribute("data-comment-id", skipped.id);
  await statement.getByRole("button", { name: "Disagree", exact: true }).click();

  await expect(finished.getByRole("heading")).toHaveText("You have voted on every statement");
  await expect(finished.getByRole("link", { name: /^Back to “\u2068?Deck draft\u2069?”$/ })).toHaveAttribute("href", `/drafts/${draft.reference}`);
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(phone.width);
  await page.screenshot({ path: test.info().outputPath("deck-finished-phone.png") });

  // The database holds exactly these votes, and the counters match them.
  const want = Object.fromEntries(answered.map((a) => [a.id, a.choice === "Skip" ? "DISAGREE" : a.choice.toUpperCase()]));
  const rows = await db.commentVote.findMany({ where: { userId: pia.id }, select: { commentId: true, value: true } });
  expect(Object.fromEntries(rows.map((r) => [r.commentId, r.value]))).toEqual(want);
  for (const a of answered) {
    const c = await db.comment.findUniqueOrThrow({ where: { id: a.id }, select: { agreeCount: true, disagreeCount: true, passCount: true } });
    const v = want[a.id];
    expect(c).toEqual({ agreeCount: v === "AGREE" ? 1 : 0, disagreeCount: v === "DISAGREE" ? 1 : 0, passCount: v === "PASS" ? 1 : 0 });
  }
});

test("with JavaScript, the A key records an agree (and not while typing)", async ({ page, db, createUser }) => {
  const pia = await createUser({ name: "Kim Keyboard" });
  const aldo = await createUser({ name: "Aldo Author", stakeholderGroup: "ACADEMIA" });
  const org = await createOrganisation(db);
  const draft = await openDraft(db, org);
  await statements(db, draft.id, aldo.id, pia.id);
  await signIn(page, pia.email);
  await page.goto(`/drafts/${draft.reference}/vote`);
  await expect(page.getByText("Keyboard: A agree, D disagree, P pass, S skip.")).toBeVisible();
  const statement = page.getByTestId("deck-statement");
  const first = (await statement.getAttribute("data-comment-id"))!;
  // A key pressed in a form field stays there.
  await page.getByLabel("Language").focus();
  await page.keyboard.press("d");
  await expect(page.getByTestId("deck-progress")).toHaveText("Statement 1 of 5");
  expect(await db.commentVote.count({ where: { userId: pia.id } })).toBe(0);
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("a");
  await expect(page.getByTestId("deck-progress")).toHaveText("Statement 2 of 5");
  await expect(page.getByTestId("deck-done")).toHaveText("Recorded: you agree with the last statement.");
  expect(await db.commentVote.findUnique({ where: { commentId_userId: { commentId: first, userId: pia.id } }, select: { value: true } })).toEqual({ value: "AGREE" });
  expect(await db.commentVote.count({ where: { userId: pia.id } })).toBe(1);
});

for (const locale of ["en", "ar"] as const) {
  test(`the voting deck passes axe in ${locale}, with a statement and when done`, async ({ page, context, db, createUser }) => {
    const pia = await createUser({ name: "Axel Axe" });
    const aldo = await createUser({ name: "Aldo Author", stakeholderGroup: "CIVIL_SOCIETY" });
    const org = await createOrganisation(db);
    const draft = await openDraft(db, org);
    const total = await statements(db, draft.id, aldo.id, pia.id);
    await signIn(page, pia.email);
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: e2e.baseURL }]);
    await page.goto(`/drafts/${draft.reference}/vote`);
    await expect(page.getByTestId("deck-statement")).toBeVisible();
    await expectNoSeriousViolations(page, `${locale} deck`, { bestPractice: true });
    if (locale === "ar") await page.screenshot({ path: test.info().outputPath("deck-ar.png"), fullPage: true });
    for (let i = 0; i < total; i++) {
      const statement = page.getByTestId("deck-statement");
      const id = (await statement.getAttribute("data-comment-id"))!;
      await statement.locator("button[data-key=p]").click();
      if (i < total - 1) await expect(statement).not.toHaveAttribute("data-comment-id", id);
    }
    await expect(page.getByTestId("deck-finished")).toBeVisible();
    await expectNoSeriousViolations(page, `${locale} deck finished`, { bestPractice: true });
  });
}

test("the workspace shows votes per participant and the vote matrix density", async ({ page, db, createUser }) => {
  const owner = await createUser({ name: "Olga Owner" });
  const pia = await createUser({ name: "Pia Participant" });
  const aldo = await createUser({ name: "Aldo Author" });
  const org = await createOrganisation(db, [{ userId: owner.id, role: "OWNER" }]);
  const draft = await openDraft(db, org);
  await statements(db, draft.id, aldo.id, pia.id);
  const two = await db.comment.findMany({ where: { draftId: draft.id, authorId: aldo.id, status: "PUBLISHED" }, select: { id: true }, take: 2 });
  await db.commentVote.createMany({ data: two.map((c) => ({ commentId: c.id, userId: pia.id, value: "AGREE" as const })) });
  await signIn(page, owner.email);
  await page.goto(`/drafts/${draft.reference}/workspace`);
  const table = page.getByTestId("vote-density");
  await expect(table.getByRole("row", { name: "None" })).toContainText("1");
  await expect(table.getByRole("row", { name: "1 to 4" })).toContainText("1");
  await expect(table.getByRole("row", { name: "25 or more" })).toContainText("0");
  // Pia and Aldo took part; six published comments (Pia's own included); two votes: 2 / (2 × 6).
  await expect(page.getByTestId("vote-density-matrix")).toHaveText("Vote matrix density: 17% (2 votes from 2 participants on 6 comments).");
});
