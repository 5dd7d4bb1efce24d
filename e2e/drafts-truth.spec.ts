// What the draft page says must be what happened: renumbered paragraphs say so, comment counts agree
// between the reading view and the paragraph page, an early close is not announced as an extension,
// and repeated extensions show the right dates.
import { randomBytes } from "node:crypto";
import { createOrganisation } from "./fixtures/orgs";
import { expect, signIn, test } from "./fixtures/users";

type Db = Parameters<Parameters<typeof test>[2]>[0]["db"];

/** An open draft whose paragraph with the stable anchor p-4.2.1 is numbered 4.3.1 in the current version. */
async function renumberedDraft(db: Db, members: Parameters<typeof createOrganisation>[1] = []) {
  const org = await createOrganisation(db, members);
  const draft = await db.draft.create({
    data: { organisationId: org.id, reference: `${org.prefix}-2026-${randomBytes(2).readUInt16BE() % 900 + 100}`, title: "Renumbered draft", status: "OPEN", opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 7 * 86_400_000), currentVersion: 1, timeZone: "UTC" },
  });
  const blocks = [
    { position: 0, anchor: "s-4", number: "4", section: "4", kind: "heading", level: 1, text: "Four", html: "<h2>Four</h2>" },
    { position: 1, anchor: "p-4.1.1", number: "4.1.1", section: "4.1", kind: "paragraph", text: "A new first paragraph.", html: "<p>A new first paragraph.</p>" },
    { position: 2, anchor: "p-4.2.1", number: "4.3.1", section: "4.3", kind: "paragraph", text: "The paragraph that moved down.", html: "<p>The paragraph that moved down.</p>" },
  ];
  for (const number of [0, 1]) {
    await db.draftVersion.create({ data: { draftId: draft.id, number, title: draft.title, abstract: "", body: "# Four", blocks: { create: blocks } } });
  }
  return { org, draft };
}

test("a link with an old paragraph number says the paragraph is now 4.3.1, and both pages count the same published comments", async ({ page, db, createUser }) => {
  const author = await createUser({ name: "Counting Author" });
  const { draft } = await renumberedDraft(db);
  const at = { draftId: draft.id, versionNumber: 1, anchor: "p-4.2.1", authorId: author.id };
  const first = await db.comment.create({ data: { ...at, kind: "SUPPORT", body: "Published one." } });
  await db.comment.create({ data: { ...at, kind: "CONCERN", body: "Published two." } });
  await db.comment.create({ data: { ...at, parentId: first.id, body: "A published reply." } });
  await db.comment.create({ data: { ...at, kind: "CONCERN", body: "Hidden by a moderator.", status: "HIDDEN", moderationNote: "Off topic." } });
  await db.comment.create({ data: { ...at, kind: "CONCERN", body: "Withdrawn by its author.", status: "WITHDRAWN" } });

  await page.goto(`/drafts/${draft.reference}/p/p-4.2.1`);
  await expect(page.getByTestId("renumbered")).toHaveText("You followed a link to paragraph 4.2.1. After a revision, this paragraph is now 4.3.1.");
  await expect(page.getByRole("heading", { level: 2, name: "3 comments" })).toBeVisible();

  await page.goto(`/drafts/${draft.reference}`);
  await expect(page.locator("#p-4\\.2\\.1").getByRole("link", { name: "3 comments" })).toBeVisible();
});

test("each extension shows the closing time it replaced and the new one; closing early is shown as an early close with the editor's note, not as an extension", async ({ page, db, createUser }) => {
  const editor = await createUser({ name: "Lifecycle Editor" });
  const { draft } = await renumberedDraft(db, [{ userId: editor.id, role: "EDITOR" }]);
  const planned = (await db.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { closesAt: true } })).closesAt!;
  await signIn(page, editor.email);

  // Two extensions: each time the notice shows the closing time it replaced → the new one, and its note.
  let replaced = planned.toISOString();
  for (const [closesAt, note] of [["2099-03-01T12:00", "Extended for the regional meetings."], ["2099-04-01T12:00", "Extended again at the request of several delegations."]] as const) {
    await page.goto(`/drafts/${draft.reference}/manage`);
    await page.getByLabel("Time zone").selectOption("UTC");
    await page.getByLabel("New closing time").fill(closesAt);
    await page.getByLabel("Announcement").fill(note);
    await page.getByRole("button", { name: /Extend/ }).click();
    await expect(page).toHaveURL(/extended=1/);
    await page.goto(`/drafts/${draft.reference}`);
    const extension = page.getByTestId("extension-notice");
    await expect(extension).toContainText(note);
    const times = extension.locator("time");
    await expect(times).toHaveCount(2);
    await expect(times.nth(0)).toHaveAttribute("datetime", replaced);
    await expect(times.nth(1)).toHaveAttribute("datetime", `${closesAt}:00.000Z`);
    await expect(page.getByTestId("closed-early-notice")).toHaveCount(0);
    replaced = `${closesAt}:00.000Z`;
  }

  // Closing now, before the (extended) closing time: the page says it closed early, not extended.
  await page.goto(`/drafts/${draft.reference}/manage`);
  const close = page.locator("form").filter({ has: page.getByRole("button", { name: "Close now" }) });
  await close.getByLabel("Note for the timeline (optional)").fill("Closed early: the guidance was adopted at the plenary.");
  await close.getByLabel("Yes, close the comment period now").check();
  await close.getByRole("button", { name: "Close now" }).click();
  await expect.poll(async () => (await db.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).status).toBe("CLOSED");
  await page.goto(`/drafts/${draft.reference}`);
  const early = page.getByTestId("closed-early-notice");
  await expect(early).toContainText("Closed early");
  await expect(early).toContainText("Closed early: the guidance was adopted at the plenary.");
  await expect(early.locator("time").first()).toHaveAttribute("datetime", "2099-04-01T12:00:00.000Z");
  await expect(page.getByTestId("extension-notice")).toHaveCount(0);
});
