import { randomUUID } from "node:crypto";
import { seedMembership } from "../prisma/seed/builders";
import { createOrganisation } from "./fixtures/orgs";
import { expect, signIn, test } from "./fixtures/users";
import { expectNoSeriousViolations } from "./support/axe";

test("an editor builds a survey with every question type and skip logic, then publishes it", async ({ page, db, createUser }) => {
  test.setTimeout(120_000);
  const editor = await createUser({ name: "Survey Builder" });
  const org = await createOrganisation(db, [{ userId: editor.id, role: "EDITOR" }]);
  await signIn(page, editor.email);
  await page.goto(`/organisations/${org.slug}/surveys`);
  await page.getByLabel("Title").fill("Priorities for digital cooperation");
  await page.getByLabel("Standalone and always open").check();
  await page.getByRole("button", { name: "Create the survey" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Priorities for digital cooperation");

  const types = ["Single choice", "Multiple choice", "Agreement scale (Likert)", "Rating 0–10", "Ranking", "Short text", "Long text", "Country", "Number"];
  for (const [i, type] of types.entries()) {
    await page.getByLabel("Type of question").selectOption({ label: type });
    await page.getByRole("button", { name: "Add the question" }).click();
    const q = page.getByTestId("builder-question").nth(i);
    await q.getByLabel("Question (English)").fill(`${type} question`);
    if (["Single choice", "Multiple choice", "Ranking"].includes(type)) {
      await q.getByPlaceholder("Option 1").fill(i === 0 ? "Yes" : "First");
      await q.getByPlaceholder("Option 2").fill(i === 0 ? "No" : "Second");
    }
  }
  // Keyboard reordering: move the number question up one place.
  await page.getByTestId("builder-question").nth(8).getByRole("button", { name: "Move up" }).click();
  await expect(page.getByTestId("builder-question").nth(7)).toContainText("Number");
  // Skip logic: the long-text question appears only when question 1 is answered "No".
  const longText = page.getByTestId("builder-question").filter({ hasText: "Long text" });
  await longText.getByLabel("Show this question").selectOption({ label: "Only if question 1 is answered “No”" });
  await page.getByTestId("builder-question").first().getByLabel("An answer is required").check();
  await page.getByRole("button", { name: "Save the survey" }).click();
  await expect(page.getByText("The survey was saved.")).toBeVisible();
  await expectNoSeriousViolations(page, "survey builder");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("The survey is published.")).toBeVisible();

  // The published survey: with JavaScript, the conditional question appears only after "No".
  const survey = await db.survey.findFirstOrThrow({ where: { organisationId: org.id }, select: { slug: true, status: true, definition: true } });
  expect(survey.status).toBe("OPEN");
  expect((survey.definition as unknown[]).length).toBe(9);
  await page.goto(`/s/${survey.slug}`);
  const conditional = page.locator("fieldset", { hasText: "Long text question" });
  await expect(conditional).toBeHidden();
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await expect(conditional).toBeVisible();
});

test("a visitor answers the permanent survey on a phone with JavaScript disabled, once", async ({ browser, db }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, isMobile: true });
  const page = await context.newPage();
  const response = await page.goto("/s/future-we-want");
  const html = await response!.text();
  expect(html.length).toBeLessThan(400_000);
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByRole("textbox", { name: "What makes you think we are not on track?" }).fill("Too little cooperation.");
  await page.getByRole("checkbox", { name: "Better access to education" }).check();
  await page.getByRole("checkbox", { name: "Less conflict" }).check();
  await page.getByRole("radio", { name: /^4/ }).first().check();
  await page.getByLabel("Ending poverty").selectOption("1");
  await page.getByLabel("Climate change").selectOption("2");
  await page.getByLabel("Inequality").selectOption("3");
  await page.getByLabel("Age", { exact: true }).selectOption("25-34");
  const before = await db.surveyResponse.count({ where: { survey: { slug: "future-we-want" } } });
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("status")).toContainText("Thank you");
  expect(await db.surveyResponse.count({ where: { survey: { slug: "future-we-want" } } })).toBe(before + 1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);

  await page.goto("/s/future-we-want");
  await expect(page.getByTestId("already-answered")).toBeVisible();
  await context.close();
});

test("a stakeholder answers a draft's survey once, and the editor sees results by group and exports CSV", async ({ page, browser, db, createUser }) => {
  // Two people, two sign-ins and an axe sweep of the results page: more than the default budget.
  test.setTimeout(120_000);
  const stakeholder = await createUser({ name: "Survey Respondent", stakeholderGroup: "ACADEMIA", country: "GH" });
  await signIn(page, stakeholder.email);
  await page.goto("/drafts/GDPF-RFC-2026-004");
  await page.getByRole("link", { name: /Answer the survey/ }).click();
  await expect(page).toHaveURL(/\/s\/gdpf-rfc-2026-004-survey/);
  await page.getByRole("radio", { name: /^5/ }).check();
  await page.getByRole("radio", { name: "Twelve weeks" }).check();
  await page.getByRole("textbox", { name: "What is missing from the draft?" }).fill("Guidance on youth participation.");
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("status")).toContainText("Thank you");
  await page.goto("/s/gdpf-rfc-2026-004-survey");
  await expect(page.getByTestId("already-answered")).toBeVisible();
  const again = await page.request.post("/api/v1/surveys/gdpf-rfc-2026-004-survey/responses", { headers: { "idempotency-key": `again-${Date.now()}` }, data: { answers: { useful: 3, period: "six" } } });
  expect(again.status()).toBe(409);

  const editor = await createUser({ name: "Forum Analyst" });
  const forum = await db.organisation.findUniqueOrThrow({ where: { slug: "global-digital-policy-forum" }, select: { id: true } });
  await seedMembership(db, forum.id, editor.id, "EDITOR");
  const editorPage = await (await browser.newContext()).newPage();
  await signIn(editorPage, editor.email);
  await editorPage.goto("/s/gdpf-rfc-2026-004-survey/results");
  await expect(editorPage.locator("section", { hasText: "Responses by stakeholder group" })).toContainText("Academia & research");
  await editorPage.getByRole("combobox", { name: "Stakeholder group" }).selectOption("ACADEMIA");
  await editorPage.getByRole("button", { name: "Apply" }).click();
  await expect(editorPage.getByTestId("response-total")).toContainText("response");
  await expectNoSeriousViolations(editorPage, "survey results");
  const csv = await editorPage.request.get("/s/gdpf-rfc-2026-004-survey/export.csv");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text.split("\r\n")[0]).toContain("stakeholder_group");
  expect(text).toContain("Guidance on youth participation.");
  expect((await page.request.get("/s/gdpf-rfc-2026-004-survey/export.csv")).status()).toBe(404);
});

test("the survey API: list, read, and an idempotent anonymous response", async ({ request }) => {
  const list = await (await request.get("/api/v1/surveys")).json();
  expect(list.data.map((s: { slug: string }) => s.slug)).toContain("future-we-want");
  const survey = await (await request.get("/api/v1/surveys/future-we-want")).json();
  expect(survey.questions.map((q: { type: string }) => q.type)).toEqual(expect.arrayContaining(["single", "multiple", "likert", "rating", "ranking", "shortText", "longText", "country", "number"]));
  const headers = { "idempotency-key": `api-${Date.now()}`, "x-device-token": randomUUID() };
  const body = { answers: { track: "yes", priorities: ["health"], hope: 6 } };
  const first = await request.post("/api/v1/surveys/future-we-want/responses", { headers, data: body });
  expect(first.status()).toBe(201);
  const second = await request.post("/api/v1/surveys/future-we-want/responses", { headers, data: body });
  expect(second.status()).toBe(201);
  expect(await second.json()).toEqual(await first.json());
  const bad = await request.post("/api/v1/surveys/future-we-want/responses", { headers: { "idempotency-key": `bad-${Date.now()}`, "x-device-token": randomUUID() }, data: { answers: { track: "maybe", ghost: 1 } } });
  expect(bad.status()).toBe(422);
  // The API edge sends a localised message per field: the fields named are the three wrong answers.
  expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["ghost", "priorities", "track"]);
  // The device token has a fixed format (a UUID).
  const badToken = await request.post("/api/v1/surveys/future-we-want/responses", { headers: { "idempotency-key": `tok-${Date.now()}`, "x-device-token": "not-a-uuid" }, data: body });
  expect(badToken.status()).toBe(422);
  expect((await badToken.json()).error.code).toBe("deviceTokenInvalid");
});
