// Attachments / position papers (issue 13, part 1): a participant attaches a real PDF to a comment
// (a disguised executable is refused with a clear message and the typed text kept, with and without
// JavaScript), moderators find the PDF's text in their queue, the file downloads with safe headers
// once the comment is public, and stops being public when the comment is hidden.
import { mzHeader, elfHeader, pdfWithText } from "../lib/attachments/test-files";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { e2e } from "./support/config";
import { createOrganisation } from "./fixtures/orgs";
import { expect, signIn, test } from "./fixtures/users";
import { expectNoSeriousViolations } from "./support/axe";

async function draftIn(db: PrismaClient, org: { id: string; prefix: string }, preModeration: boolean) {
  const draft = await db.draft.create({
    data: { organisationId: org.id, reference: `${org.prefix}-2026-001`, title: "Position papers draft", status: "OPEN", preModeration, opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000), currentVersion: 0 },
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

const REFUSED = /This file type is not accepted: attach PDF, DOCX, ODT, plain text, PNG or JPEG files/;
const BODY = "Our position paper on paragraph 1.1 is attached.";

test("a participant attaches a PDF, a disguised executable is refused, moderators find its text, downloads follow the comment's visibility", async ({ page, browser, db, createUser }) => {
  test.setTimeout(150_000);
  const owner = await createUser({ name: "Ola Owner" });
  const moderator = await createUser({ name: "Mo Moderator" });
  const author = await createUser({ name: "Ada Author" });
  const org = await createOrganisation(db, [
    { userId: owner.id, role: "OWNER" },
    { userId: moderator.id, role: "MODERATOR" },
  ]);
  const draft = await draftIn(db, org, true);
  const paragraph = `/drafts/${draft.reference}/p/p-1.1`;

  await signIn(page, author.email);
  await page.goto(paragraph);
  const form = page.getByRole("form", { name: "Your comment" });
  await form.getByLabel("Concern").check();
  await form.getByLabel("Comment", { exact: true }).fill(BODY);
  const files = form.getByLabel("Attach files (optional)");
  // An executable named paper.pdf and claimed as application/pdf: refused from its bytes.
  await files.setInputFiles([{ name: "paper.pdf", mimeType: "application/pdf", buffer: Buffer.from(mzHeader) }]);
  await form.getByRole("button", { name: "Post comment" }).click();
  await expect(form.getByText(REFUSED)).toBeVisible();
  await expect(form.getByLabel("Comment", { exact: true })).toHaveValue(BODY);
  expect(await db.comment.count({ where: { draftId: draft.id } })).toBe(0);
  await page.screenshot({ path: ".data/test-reports/attachments-refused.png", fullPage: true });

  await files.setInputFiles([{ name: "Position paper – Zanzibarite.pdf", mimeType: "application/pdf", buffer: Buffer.from(pdfWithText("The Zanzibarite principle should govern paragraph 1.1")) }]);
  await form.getByRole("button", { name: "Post comment" }).click();
  await expect(form.getByText("Thank you. Your comment will appear once a moderator has approved it.")).toBeVisible();
  const comment = await db.comment.findFirstOrThrow({ where: { draftId: draft.id }, select: { id: true, status: true } });
  expect(comment.status).toBe("PENDING");
  const attachment = await db.attachment.findFirstOrThrow({ where: { commentId: comment.id }, select: { id: true, contentType: true } });
  expect(attachment.contentType).toBe("application/pdf");
  // The author sees the file on their pending comment; the public cannot fetch it.
  await page.reload();
  const card = page.locator(`#comment-${comment.id}`);
  await expect(card.getByRole("link", { name: "Position paper – Zanzibarite.pdf" })).toBeVisible();
  const url = `/api/v1/attachments/${attachment.id}`;
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(url)).status()).toBe(404);

  // Moderators find the PDF's text in their queue, marked as coming from the attachment.
  await expect.poll(async () => (await db.attachment.findUniqueOrThrow({ where: { id: attachment.id }, select: { extraction: true } })).extraction, { timeout: 30_000 }).toBe("DONE");
  const modContext = await browser.newContext();
  const mod = await modContext.newPage();
  await signIn(mod, moderator.email);
  await mod.goto(`/organisations/${org.slug}/moderation`);
  await mod.getByLabel("Search comments and their attachments").fill("zanzibarite");
  await mod.getByRole("button", { name: "Search", exact: true }).click();
  await expect(mod).toHaveURL(/q=zanzibarite/);
  const excerpts = mod.getByTestId("attachment-excerpts");
  await expect(excerpts).toContainText("Text from the attached file");
  await expect(excerpts).toContainText("The Zanzibarite principle should govern paragraph 1.1");
  await expectNoSeriousViolations(mod, "moderation queue with an attachment excerpt");
  await mod.getByRole("button", { name: "Approve" }).click();
  await expect.poll(async () => (await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { status: true } })).status).toBe("PUBLISHED");

  // Public now: downloaded as a file, never rendered by the browser.
  const response = await anonymous.request.get(url);
  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["content-disposition"]).toBe(`attachment; filename="Position paper _ Zanzibarite.pdf"; filename*=UTF-8''Position%20paper%20%E2%80%93%20Zanzibarite.pdf`);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toBe("sandbox; default-src 'none'");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const reader = await anonymous.newPage();
  await reader.goto(paragraph);
  const [download] = await Promise.all([reader.waitForEvent("download"), reader.locator(`#comment-${comment.id}`).getByRole("link", { name: "Position paper – Zanzibarite.pdf" }).click()]);
  expect(download.suggestedFilename()).toBe("Position paper – Zanzibarite.pdf");

  // The page with an attachment passes axe in English and Arabic.
  await expectNoSeriousViolations(reader, "paragraph page with an attachment (en)");
  await anonymous.addCookies([{ name: "NEXT_LOCALE", value: "ar", url: e2e.baseURL }]);
  await reader.goto(paragraph);
  await expect(reader.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(reader.getByTestId("attachments")).toBeVisible();
  await expectNoSeriousViolations(reader, "paragraph page with an attachment (ar)");
  await reader.screenshot({ path: ".data/test-reports/attachments-ar.png", fullPage: true });

  // Hidden: the file is 404 for the public again, still there for the organisation's moderators.
  await db.comment.update({ where: { id: comment.id }, data: { status: "HIDDEN", moderationNote: "Off topic." } });
  expect((await anonymous.request.get(url)).status()).toBe(404);
  expect((await modContext.request.get(url)).status()).toBe(200);
  await anonymous.close();
  await modContext.close();
});

test("without JavaScript the comment form uploads files and refuses a disguised executable, keeping the text", async ({ browser, db, createUser }) => {
  test.setTimeout(120_000);
  const author = await createUser({ name: "Nadia NoScript" });
  const org = await createOrganisation(db, []);
  const draft = await draftIn(db, org, false);
  const signingIn = await browser.newContext();
  await signIn(await signingIn.newPage(), author.email);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signingIn.storageState() });
  const page = await context.newPage();
  await page.goto(`/drafts/${draft.reference}/p/p-1.1`);
  const form = page.getByRole("form", { name: "Your comment" });
  await form.getByLabel("Support").check();
  await form.getByLabel("Comment", { exact: true }).fill("Attached without JavaScript.");
  await form.getByLabel("Attach files (optional)").setInputFiles([{ name: "paper.pdf", mimeType: "application/pdf", buffer: Buffer.from(elfHeader) }]);
  await form.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText(REFUSED)).toBeVisible();
  await expect(page.getByLabel("Comment", { exact: true })).toHaveValue("Attached without JavaScript.");
  expect(await db.comment.count({ where: { draftId: draft.id } })).toBe(0);

  const again = page.getByRole("form", { name: "Your comment" });
  await again.getByLabel("Support").check();
  await again.getByLabel("Attach files (optional)").setInputFiles([{ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("Plain notes for the record.") }]);
  await again.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("link", { name: "notes.txt" })).toBeVisible();
  const stored = await db.attachment.findFirstOrThrow({ where: { comment: { draftId: draft.id } }, select: { contentType: true, size: true } });
  expect(stored).toEqual({ contentType: "text/plain", size: 27 });
  await signingIn.close();
  await context.close();
});
