// Text in two directions on surveys, results and the published summary: survey and user text keep
// their own direction inside any interface language, and the demo survey reads in the reader's
// language. Asserts the computed CSS direction of content nodes on Arabic, English and Chinese pages.
import { randomBytes, randomUUID } from "node:crypto";
import type { Locator } from "@playwright/test";
import { e2e } from "./support/config";
import { createOrganisation } from "./fixtures/orgs";
import { expect, signIn, test } from "./fixtures/users";
import { seedDraft, seedMembership } from "../prisma/seed/builders";
import type { Prisma } from "../lib/generated/prisma/client";

const direction = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).direction);
const pageDirection = (locale: string) => (locale === "ar" ? "rtl" : "ltr");

test.describe("the demo survey in the reader's language", () => {
  const expected = {
    ar: { title: "المستقبل الذي نريده: استبيان مدته دقيقة واحدة", question: "بشكل عام، هل تعتقد أن العالم يسير نحو المستقبل الذي تريده؟", option: "لست متأكدًا" },
    zh: { title: "我们想要的未来：一分钟问卷", question: "总体而言，您认为世界正在走向您所希望的未来吗？", option: "不确定" },
  } as const;
  for (const locale of ["ar", "zh"] as const) {
    test(`${locale} interface: the demo survey's title, description, questions and options are not English (page and embed)`, async ({ page, context, request }) => {
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: e2e.baseURL }]);
      for (const path of ["/s/future-we-want", "/s/future-we-want/embed"]) {
        await page.goto(path);
        const title = page.locator('[data-content="survey-title"]');
        await expect(title).toHaveText(expected[locale].title);
        await expect(page.locator('[data-content="survey-description"]')).not.toContainText("always-open survey");
        const first = page.locator('fieldset[data-question="track"]');
        await expect(first.locator('[data-content="question"]')).toHaveText(expected[locale].question);
        await expect(first.locator('[data-content="option"]').nth(2)).toHaveText(expected[locale].option);
        // Arabic survey text in the Arabic interface reads right to left; Chinese left to right.
        expect(await direction(title)).toBe(pageDirection(locale));
        expect(await direction(first.locator('[data-content="question"]'))).toBe(pageDirection(locale));
        if (!path.endsWith("/embed")) await expect(page).toHaveTitle(new RegExp(expected[locale].title.slice(0, 8)));
      }
      // The results page links back under the translated title.
      await page.goto("/s/future-we-want/results");
      await expect(page.locator('[data-content="survey-title"]')).toHaveText(expected[locale].title);
      // The API keeps `title` as written and adds the translations.
      const survey = await (await request.get("/api/v1/surveys/future-we-want")).json();
      expect(survey.title).toBe("The future we want: a one-minute survey");
      expect(survey.titleTranslations[locale]).toBe(expected[locale].title);
    });
  }
});

test("an English survey inside the Arabic and Chinese interfaces reads left to right; Arabic and English free-text answers each keep their direction on the results", async ({ page, context, db, request }) => {
  const org = await createOrganisation(db);
  const slug = `bidi-${randomBytes(3).toString("hex")}`;
  await db.survey.create({
    data: {
      organisationId: org.id,
      slug,
      title: "Connectivity priorities.",
      description: "A short survey written in English only.",
      status: "OPEN",
      allowAnonymous: true,
      publicResults: true,
      definition: [
        { id: "pick", type: "single", required: true, text: { en: "Which matters most to you?" }, help: {}, options: [{ id: "a", label: { en: "Affordable access." } }, { id: "b", label: { en: "Local content." } }], other: false, scale: 5, scaleLabels: { min: {}, max: {} }, showIf: null },
        { id: "why", type: "longText", required: false, text: { en: "Why?" }, help: {}, options: [], other: false, scale: 5, scaleLabels: { min: {}, max: {} }, showIf: null },
      ] as unknown as Prisma.InputJsonValue,
    },
  });
  const arabicAnswer = "لأن الوصول الميسور أهم من أي شيء آخر.";
  const englishAnswer = "Because prices keep people offline.";
  for (const [pick, why] of [["a", arabicAnswer], ["b", englishAnswer]] as const) {
    const res = await request.post(`/api/v1/surveys/${slug}/responses`, { headers: { "idempotency-key": randomUUID(), "x-device-token": randomUUID() }, data: { answers: { pick, why } } });
    expect(res.status()).toBe(201);
  }

  for (const locale of ["ar", "en", "zh"] as const) {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: e2e.baseURL }]);
    await page.goto(`/s/${slug}`);
    expect(await page.locator("html").getAttribute("dir")).toBe(pageDirection(locale));
    expect(await direction(page.locator("main"))).toBe(pageDirection(locale));
    expect(await direction(page.locator('[data-content="survey-title"]'))).toBe("ltr");
    const question = page.locator('fieldset[data-question="pick"] [data-content="question"]');
    await expect(question).toHaveText("Which matters most to you?");
    expect(await direction(question)).toBe("ltr");
    expect(await direction(page.locator('fieldset[data-question="pick"] [data-content="option"]').first())).toBe("ltr");
    // The interface text around it ("(required)") stays in the page's direction.
    expect(await direction(page.locator('fieldset[data-question="pick"] legend'))).toBe(pageDirection(locale));

    await page.goto(`/s/${slug}/results`);
    const results = page.getByTestId("result-why");
    await results.locator("summary").click();
    const answers = results.locator('[data-content="answer"]');
    await expect(answers).toHaveCount(2);
    expect(await direction(answers.filter({ hasText: arabicAnswer }))).toBe("rtl");
    expect(await direction(answers.filter({ hasText: englishAnswer }))).toBe("ltr");
    expect(await direction(page.getByTestId("result-pick").locator('[data-content="question"]'))).toBe("ltr");
    expect(await direction(page.getByTestId("result-pick").locator('[data-content="label"]').first())).toBe("ltr");
  }
});

test("the published summary: English themes and statements read left to right in the Arabic interface, Arabic ones right to left in the English interface", async ({ page, context, db }) => {
  // The demo summary (English responses) as the Arabic and Chinese reader sees it.
  for (const locale of ["ar", "zh"] as const) {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: e2e.baseURL }]);
    await page.goto("/drafts/GDPF-RFC-2026-003/summary");
    expect(await page.locator("html").getAttribute("dir")).toBe(pageDirection(locale));
    expect(await direction(page.locator("h1"))).toBe(pageDirection(locale));
    expect(await direction(page.locator('[data-content="theme-label"]').first())).toBe("ltr");
    expect(await direction(page.locator('[data-content="quote"]').first())).toBe("ltr");
    expect(await direction(page.locator('[data-content="statement"]').first())).toBe("ltr");
  }

  // A summary whose responses were written in Arabic, read in the English interface.
  const demo = await db.draft.findUniqueOrThrow({ where: { reference: "GDPF-RFC-2026-003" }, select: { summaryVersions: { orderBy: { number: "desc" }, take: 1, select: { content: true } } } });
  const content = structuredClone(demo.summaryVersions[0]!.content) as { themes: Array<{ label: string; customLabel?: string | null; quotes: Array<{ text: string }> }>; consensus?: Array<{ text: string }>; divisive?: Array<{ text: string }> };
  const arabicLabel = "الوصول الميسور التكلفة";
  const arabicQuote = "يجب أن تكون الأسعار في متناول الأسر الريفية.";
  content.themes[0]!.label = arabicLabel;
  content.themes[0]!.customLabel = arabicLabel;
  content.themes[0]!.quotes[0]!.text = arabicQuote;
  for (const list of [content.consensus, content.divisive]) if (list?.[0]) list[0].text = "نؤيد إنشاء صندوق للخدمة الشاملة.";
  const org = await createOrganisation(db);
  const draft = await seedDraft(db, { organisationId: org.id, reference: `${org.prefix}-2026-310`, title: "مشاورة بشأن الاتصال", abstract: "", status: "CLOSED", language: "ar", body: "# مقدمة\n\nنص." });
  await db.summaryVersion.create({ data: { draftId: draft.id, number: 1, content: content as unknown as Prisma.InputJsonValue } });

  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: e2e.baseURL }]);
  await page.goto(`/drafts/${draft.reference}/summary`);
  expect(await page.locator("html").getAttribute("dir")).toBe("ltr");
  const label = page.locator('[data-content="theme-label"]', { hasText: arabicLabel });
  expect(await direction(label)).toBe("rtl");
  expect(await direction(page.locator('[data-content="quote"]', { hasText: arabicQuote }))).toBe("rtl");
  const statements = page.locator('[data-content="statement"]', { hasText: "نؤيد إنشاء صندوق" });
  if ((await statements.count()) > 0) expect(await direction(statements.first())).toBe("rtl");
  // The theme's size line (interface text) stays left to right next to it.
  expect(await direction(page.locator('[data-testid="theme"]').first().locator("p.tabular-nums"))).toBe("ltr");
});

test("the summary workspace in the Arabic interface: English theme labels and comments read left to right", async ({ page, context, db, createUser }) => {
  const moderator = await createUser({ name: "Workspace Reader" });
  const forum = await db.organisation.findUniqueOrThrow({ where: { slug: "global-digital-policy-forum" }, select: { id: true } });
  await seedMembership(db, forum.id, moderator.id, "MODERATOR");
  await signIn(page, moderator.email);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "ar", url: e2e.baseURL }]);
  await page.goto("/drafts/GDPF-RFC-2026-003/workspace");
  expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
  expect(await direction(page.locator('[data-content="theme-label"]').first())).toBe("ltr");
  expect(await direction(page.getByTestId("worklist-comment").first().locator('[data-content="comment"]'))).toBe("ltr");
  expect(await direction(page.getByTestId("worklist-comment").first().locator("p.text-muted").first())).toBe("rtl");
});
