// Text in two directions: document and user text keep their own direction inside any interface
// language. Asserts the computed CSS direction of content nodes on Arabic, English and Chinese pages.
import { e2e } from "./support/config";
import { expect, test } from "./fixtures/users";

const english = "GDPF-RFC-2026-004";
const spanish = "GDPF-RFC-2026-007";
const chinese = "GDPF-RFC-2026-008";

const direction = (locator: import("@playwright/test").Locator) => locator.evaluate((el) => getComputedStyle(el).direction);

for (const locale of ["ar", "en", "zh"] as const) {
  test(`${locale} interface: an English draft reads left to right, the interface around it in ${locale === "ar" ? "right to left" : "left to right"}`, async ({ page, context }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: e2e.baseURL }]);
    await page.goto(`/drafts/${english}`);
    const pageDirection = locale === "ar" ? "rtl" : "ltr";
    expect(await page.locator("html").getAttribute("dir")).toBe(pageDirection);

    const title = page.locator('h1[data-content="title"]');
    await expect(title).toHaveAttribute("lang", "en");
    expect(await direction(title)).toBe("ltr");
    expect(await direction(page.locator('[data-content="abstract"]'))).toBe("ltr");
    const text = page.locator(".draft-text");
    await expect(text).toHaveAttribute("lang", "en");
    expect(await direction(text)).toBe("ltr");
    // Paragraph 3.1.1: its text is English, its comment link is in the reader's language.
    const paragraph = page.locator("#p-3\\.1\\.1");
    expect(await direction(paragraph.locator(".prose-block"))).toBe("ltr");
    const commentLink = paragraph.locator(".comment-count");
    await expect(commentLink).toHaveAttribute("lang", locale);
    expect(await direction(commentLink)).toBe(pageDirection);
    // A heading's number sits before its text in the draft's own direction ("3 Principles", not "3Principles" reversed).
    const heading = page.locator("h2.draft-heading").nth(1);
    const [numberBox, textBox] = await Promise.all([heading.locator(".section-number").boundingBox(), heading.locator("span").nth(1).boundingBox()]);
    expect(numberBox!.x + numberBox!.width).toBeLessThan(textBox!.x);

    // The Chinese draft's text is marked Chinese in every interface language.
    await page.goto(`/drafts/${chinese}`);
    await expect(page.locator('h1[data-content="title"]')).toHaveAttribute("lang", "zh");
    expect(await direction(page.locator(".draft-text"))).toBe("ltr");
  });
}

test("an Arabic comment reads right to left in the English interface, an English one left to right in the Arabic interface", async ({ page, context, db, createUser }) => {
  const author = await createUser({ name: "ليلى حداد" });
  const draft = await db.draft.findUniqueOrThrow({ where: { reference: spanish }, select: { id: true, currentVersion: true } });
  const arabic = await db.comment.create({
    data: { draftId: draft.id, versionNumber: draft.currentVersion!, anchor: "p-1.1", authorId: author.id, kind: "SUPPORT", body: "نؤيد هذا النص، مع إضافة المشاورات الإقليمية." },
  });
  const englishComment = await db.comment.create({
    data: { draftId: draft.id, versionNumber: draft.currentVersion!, anchor: "p-1.1", authorId: author.id, kind: "QUESTION", body: "Does this include municipal services?", quote: "nacional, regional o municipal" },
  });

  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: e2e.baseURL }]);
  await page.goto(`/drafts/${spanish}/p/p-1.1`);
  const body = (id: string) => page.locator(`#comment-${id} [data-content="comment"]`);
  expect(await direction(body(arabic.id))).toBe("rtl");
  expect(await direction(body(englishComment.id))).toBe("ltr");
  const paragraph = page.getByTestId("paragraph");
  await expect(paragraph).toHaveAttribute("lang", "es");
  expect(await direction(paragraph)).toBe("ltr");

  await context.addCookies([{ name: "NEXT_LOCALE", value: "ar", url: e2e.baseURL }]);
  await page.goto(`/drafts/${spanish}/p/p-1.1`);
  expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
  expect(await direction(body(englishComment.id))).toBe("ltr");
  expect(await direction(page.locator(`#comment-${englishComment.id} [data-content="quote"]`))).toBe("ltr");
  expect(await direction(body(arabic.id))).toBe("rtl");
  expect(await direction(page.getByTestId("paragraph"))).toBe("ltr");
});

test("the diff folds unchanged paragraphs into a list the reader can open (no JavaScript needed)", async ({ page, context }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: e2e.baseURL }]);
  await page.goto(`/drafts/${english}/diff?from=0&to=1`);
  const folds = page.getByTestId("unchanged");
  await expect(folds.first()).toBeVisible();
  const summary = folds.first().locator("summary");
  await expect(summary).toHaveText(/^\d+ unchanged paragraphs?$/);
  await summary.click();
  await expect(folds.first().locator("[data-kind]").first()).toBeVisible();
});
