// Moderation tools that users can trust (issue 12): moderators read the moderation audit log, lists
// of hidden comments and suspended participants with "Lift the suspension", two reason fields with
// labels that say who sees them, confirmation for destructive or public actions (also without
// JavaScript), and controls only where they work (no Follow on a closed draft, no vote on one's own
// comment, no Withdraw on a hidden one).
import type { PrismaClient } from "../lib/generated/prisma/client";
import { createOrganisation } from "./fixtures/orgs";
import { expect, signIn, test } from "./fixtures/users";
import { expectNoSeriousViolations } from "./support/axe";

/** An organisation's draft with one published version (0) holding paragraph 1.1, in the given state. */
async function draftIn(db: PrismaClient, org: { id: string; prefix: string }, n: number, status: "OPEN" | "CLOSED") {
  const draft = await db.draft.create({
    data: { organisationId: org.id, reference: `${org.prefix}-2026-00${n}`, title: `Tools draft ${n}`, status, opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + (status === "OPEN" ? 86_400_000 : -3_600_000)), currentVersion: 0 },
  });
  await db.draftVersion.create({
    data: {
      draftId: draft.id,
      number: 0,
      title: draft.title,
      abstract: "",
      body: "# One\n\nText.",
      blocks: { create: [{ position: 0, anchor: "s-1", number: "1", section: "1", kind: "heading", level: 1, text: "One", html: "<h2>One</h2>" }, { position: 1, anchor: "p-1.1", number: "1.1", section: "1", kind: "paragraph", text: "Text.", html: "<p>Text.</p>" }] },
    },
  });
  return draft;
}

const HIDE_REASON = "Public reason for hiding (everyone sees it in place of the comment)";
const SUSPEND_REASON = "Reason for the suspension (only this organisation's moderators and owners see it)";

test("a moderator confirms hide and suspend, finds both in the lists and the moderation audit log, and lifts the suspension", async ({ page, browser, db, createUser }) => {
  test.setTimeout(120_000);
  const owner = await createUser({ name: "Olive Owner" });
  const moderator = await createUser({ name: "Mona Moderator" });
  const spammer = await createUser({ name: "Sid Spammer" });
  const org = await createOrganisation(db, [
    { userId: owner.id, role: "OWNER" },
    { userId: moderator.id, role: "MODERATOR" },
  ]);
  const draft = await draftIn(db, org, 1, "OPEN");
  const spam = await db.comment.create({ data: { draftId: draft.id, versionNumber: 0, anchor: "p-1.1", authorId: spammer.id, kind: "SUPPORT", body: "Cheap watches at my shop" } });

  await signIn(page, moderator.email);
  await page.goto(`/drafts/${draft.reference}/p/p-1.1`);
  const card = page.locator(`#comment-${spam.id}`);
  // Two reason fields, two labels that say who reads them; none is just "Reason".
  await expect(card.getByLabel(HIDE_REASON, { exact: true })).toBeVisible();
  await expect(card.getByLabel(SUSPEND_REASON, { exact: true })).toBeVisible();
  await expect(page.getByLabel("Reason", { exact: true })).toHaveCount(0);

  // Hiding without ticking the confirmation: a clear message, nothing typed lost, nothing hidden.
  await card.getByLabel(HIDE_REASON, { exact: true }).fill("Advertising is not allowed (rule 4).");
  await card.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(card.getByRole("alert")).toHaveText("Tick “Yes, hide this comment from the public” to hide it.");
  await expect(card.getByLabel(HIDE_REASON, { exact: true })).toHaveValue("Advertising is not allowed (rule 4).");
  expect((await db.comment.findUniqueOrThrow({ where: { id: spam.id }, select: { status: true } })).status).toBe("PUBLISHED");
  await card.getByLabel("Yes, hide this comment from the public").check();
  await card.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(card.getByTestId("removed")).toContainText("Removed by the moderator: Advertising is not allowed (rule 4).");

  // Suspending: the same confirmation step.
  await card.getByLabel(SUSPEND_REASON, { exact: true }).fill("Advertising twice");
  await card.getByRole("button", { name: "Suspend the author" }).click();
  await expect(card.getByRole("alert")).toHaveText("Tick “Yes, suspend this person” to confirm the suspension.");
  expect(await db.organisationBan.count({ where: { organisationId: org.id, userId: spammer.id } })).toBe(0);
  await card.getByLabel("Yes, suspend this person from all of this organisation's consultations").check();
  await card.getByRole("button", { name: "Suspend the author" }).click();
  await expect(card.getByText("The participant is suspended")).toBeVisible();

  // The queue links to both lists and to the audit log.
  await page.goto(`/organisations/${org.slug}/moderation`);
  const tools = page.getByRole("navigation", { name: "Moderation tools" });
  await tools.getByRole("link", { name: "Hidden comments" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hidden comments");
  await expect(page.getByText("1 hidden comment", { exact: true })).toBeVisible();
  const hidden = page.getByTestId("hidden-comments").getByRole("listitem");
  await expect(hidden).toHaveCount(1);
  await expect(hidden.first()).toContainText("Cheap watches at my shop");
  await expect(hidden.first()).toContainText("Public reason: Advertising is not allowed (rule 4).");
  await expectNoSeriousViolations(page, "hidden comments");

  await page.goto(`/organisations/${org.slug}/moderation`);
  await tools.getByRole("link", { name: "Suspended participants" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Suspended participants");
  const suspended = page.getByTestId("suspended-participants").getByRole("listitem");
  await expect(suspended).toHaveCount(1);
  await expect(suspended.first()).toContainText("Sid Spammer");
  await expect(suspended.first()).toContainText("Reason (moderators and owners only): Advertising twice");
  await expectNoSeriousViolations(page, "suspended participants");
  await suspended.first().getByRole("button", { name: "Lift the suspension" }).click();
  // The list refreshes without the person (their row, with its form, is gone).
  await expect(page.getByText("Nobody is suspended", { exact: true })).toBeVisible();
  await expect(suspended).toHaveCount(0);
  expect(await db.organisationBan.count({ where: { organisationId: org.id, userId: spammer.id } })).toBe(0);

  // The moderator reads the moderation entries of the audit log (linked from the queue).
  await page.goto(`/organisations/${org.slug}/moderation`);
  await tools.getByRole("link", { name: "Moderation audit log" }).click();
  await expect(page.getByTestId("audit-scope")).toHaveText(/^As a moderator you see the moderation entries/);
  const log = page.getByTestId("audit-log").locator("tbody tr");
  await expect(log).toHaveCount(3);
  await expect(log.nth(0)).toContainText("Lifted a suspension · Sid Spammer");
  await expect(log.nth(1)).toContainText("Suspended a participant · Sid Spammer");
  await expect(log.nth(1)).toContainText("Advertising twice");
  await expect(log.nth(2)).toContainText("Hid a comment");
  await expect(log.nth(2)).toContainText("Mona Moderator");
  await expectNoSeriousViolations(page, "audit log as a moderator");

  // The owner sees every entry.
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, owner.email);
  await ownerPage.goto(`/organisations/${org.slug}/audit-log`);
  await expect(ownerPage.getByTestId("audit-scope")).toHaveText("As an owner you see every entry of the organisation's log.");
  await expect(ownerPage.getByTestId("audit-log").locator("tbody tr")).toHaveCount(3);

  // A participant gets neither the lists nor the log.
  const outsider = await createUser();
  const outsiderPage = await (await browser.newContext()).newPage();
  await signIn(outsiderPage, outsider.email);
  for (const path of ["moderation/hidden", "moderation/suspended", "audit-log"]) {
    expect((await outsiderPage.goto(`/organisations/${org.slug}/${path}`))?.status(), path).toBe(404);
  }
});

test("the hidden comments list is paginated", async ({ page, db, createUser }) => {
  const moderator = await createUser({ name: "Paging Moderator" });
  const author = await createUser({ name: "Paging Author" });
  const org = await createOrganisation(db, [{ userId: moderator.id, role: "MODERATOR" }]);
  const draft = await draftIn(db, org, 1, "OPEN");
  await db.comment.createMany({
    data: Array.from({ length: 26 }, (_, i) => ({ draftId: draft.id, versionNumber: 0, anchor: "p-1.1", authorId: author.id, kind: "SUPPORT" as const, body: `Hidden number ${i + 1}`, status: "HIDDEN" as const, moderationNote: "Off topic", createdAt: new Date(Date.now() - (26 - i) * 60_000) })),
  });
  await signIn(page, moderator.email);
  await page.goto(`/organisations/${org.slug}/moderation/hidden`);
  await expect(page.getByText("26 hidden comments", { exact: true })).toBeVisible();
  await expect(page.getByTestId("hidden-comments").getByRole("listitem")).toHaveCount(25);
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/moderation\/hidden\?page=2$/);
  await expect(page.getByTestId("hidden-comments").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId("hidden-comments")).toContainText("Hidden number 1");
});

test("closing the comment period now asks for confirmation, also without JavaScript; a closed draft offers no Follow", async ({ browser, db, createUser }) => {
  const editor = await createUser({ name: "Eddie Editor" });
  const org = await createOrganisation(db, [{ userId: editor.id, role: "EDITOR" }]);
  const draft = await draftIn(db, org, 1, "OPEN");
  // Signed in with JavaScript, then the same session in a browser without it.
  const signingIn = await browser.newContext();
  await signIn(await signingIn.newPage(), editor.email);
  const page = await (await browser.newContext({ javaScriptEnabled: false, storageState: await signingIn.storageState() })).newPage();

  await page.goto(`/drafts/${draft.reference}`);
  await expect(page.getByRole("button", { name: "Follow this draft" })).toBeVisible();
  await page.goto(`/drafts/${draft.reference}/manage`);
  await page.getByRole("button", { name: "Close now" }).click();
  await expect(page.getByText("Tick “Yes, close the comment period now” to close it.")).toBeVisible();
  expect((await db.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).status).toBe("OPEN");

  await page.getByLabel("Yes, close the comment period now").check();
  await page.getByRole("button", { name: "Close now" }).click();
  await expect(page).toHaveURL(new RegExp(`/drafts/${draft.reference}$`));
  expect((await db.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).status).toBe("CLOSED");
  await expect(page.getByTestId("timeline")).toContainText("Closed for comment");
  await expect(page.getByRole("button", { name: "Follow this draft" })).toHaveCount(0);
});

test("no vote buttons on one's own comment, and no Withdraw on a comment a moderator hid", async ({ page, db, createUser }) => {
  const ana = await createUser({ name: "Ana Author" });
  const ben = await createUser({ name: "Ben Other" });
  const org = await createOrganisation(db);
  const draft = await draftIn(db, org, 1, "OPEN");
  const own = await db.comment.create({ data: { draftId: draft.id, versionNumber: 0, anchor: "p-1.1", authorId: ana.id, kind: "SUPPORT", body: "My own comment." } });
  const hidden = await db.comment.create({ data: { draftId: draft.id, versionNumber: 0, anchor: "p-1.1", authorId: ana.id, kind: "SUPPORT", body: "Visit my shop.", status: "HIDDEN", moderationNote: "Advertising" } });
  const theirs = await db.comment.create({ data: { draftId: draft.id, versionNumber: 0, anchor: "p-1.1", authorId: ben.id, kind: "CONCERN", body: "Someone else's comment." } });

  await signIn(page, ana.email);
  await page.goto(`/drafts/${draft.reference}/p/p-1.1`);
  const mine = page.locator(`#comment-${own.id}`);
  const other = page.locator(`#comment-${theirs.id}`);
  await expect(other.getByRole("button", { name: "Agree", exact: true })).toBeVisible();
  await expect(mine.getByTestId("vote-totals")).toHaveText("Agree 0 · Disagree 0 · Pass 0");
  await expect(mine.getByRole("button", { name: "Agree", exact: true })).toHaveCount(0);
  await expect(other.getByRole("form", { name: "Your vote" })).toBeVisible();
  await expect(mine.getByRole("form", { name: "Your vote" })).toHaveCount(0);
  await expect(mine.getByRole("button", { name: "Withdraw" })).toBeVisible();
  const hiddenCard = page.locator(`#comment-${hidden.id}`);
  await expect(hiddenCard.getByTestId("removed")).toContainText("Advertising");
  await expect(hiddenCard.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
});
