// Forms that lose nothing: after a server-side validation error (JavaScript on) the survey form
// keeps every choice, selects included, links each problem from the summary to its question and
// says what to do with the survey's own numbers; the extend-period form reports every problem at
// once and takes the closing time in a chosen time zone.
import { randomBytes } from "node:crypto";
import { createOrganisation } from "./fixtures/orgs";
import { expect, signIn, test } from "./fixtures/users";
import { seedDraft } from "../prisma/seed/builders";
import type { Prisma } from "../lib/generated/prisma/client";

const base = { help: {}, other: false, scale: 5, scaleLabels: { min: {}, max: {} }, showIf: null };
const options = (...labels: string[]) => labels.map((l, i) => ({ id: `o${i + 1}`, label: { en: l } }));

test("a survey answer with problems keeps the country, ranking and demographic selects, links each problem and says 'Choose 1 to 3 options'", async ({ page, db }) => {
  const org = await createOrganisation(db);
  const slug = `forms-${randomBytes(3).toString("hex")}`;
  await db.survey.create({
    data: {
      organisationId: org.id,
      slug,
      title: "Form keeps choices",
      status: "OPEN",
      allowAnonymous: true,
      demographics: ["ageBand", "country"],
      definition: [
        { ...base, id: "role", type: "single", required: true, text: { en: "What is your role?" }, options: options("Member", "Observer") },
        { ...base, id: "topics", type: "multiple", required: true, minPicks: 1, maxPicks: 3, text: { en: "Which topics matter?" }, options: options("Access", "Skills", "Safety", "Content") },
        { ...base, id: "order", type: "ranking", required: true, text: { en: "Rank these" }, options: options("First idea", "Second idea", "Third idea") },
        { ...base, id: "where", type: "country", required: true, text: { en: "Where do you work?" }, options: [] },
        { ...base, id: "notes", type: "shortText", required: false, text: { en: "Anything else?" }, options: [] },
      ] as unknown as Prisma.InputJsonValue,
    },
  });

  await page.goto(`/s/${slug}`);
  // Optional questions say so.
  await expect(page.locator('fieldset[data-question="notes"] legend')).toContainText("(optional)");
  await expect(page.locator('fieldset[data-question="role"] legend')).toContainText("(required)");
  // "role" left unanswered, four topics where at most three are allowed.
  for (const topic of ["Access", "Skills", "Safety", "Content"]) await page.getByRole("checkbox", { name: topic }).check();
  await page.getByLabel("Second idea").selectOption("1");
  await page.getByLabel("Third idea").selectOption("2");
  await page.getByLabel("First idea").selectOption("3");
  await page.getByRole("combobox", { name: "Where do you work?" }).selectOption("KE");
  await page.getByLabel("Age", { exact: true }).selectOption("35-44");
  await page.getByLabel("Country", { exact: true }).selectOption("BR");
  await page.getByRole("textbox", { name: "Anything else?" }).fill("Kept text");
  await page.getByRole("button", { name: "Send my answers" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(alert).toContainText("2 answers need attention");
  const summary = page.getByTestId("error-summary");
  await expect(summary.getByRole("link")).toHaveCount(2);
  await expect(summary.getByRole("link", { name: /What is your role\?/ })).toHaveAttribute("href", "#q-role");
  const topicsLink = summary.getByRole("link", { name: /Which topics matter\?/ });
  await expect(topicsLink).toHaveAttribute("href", "#q-topics");
  await expect(topicsLink).toContainText("Choose 1 to 3 options.");
  await expect(page.locator("#q-topics")).toContainText("Choose 1 to 3 options.");

  // Nothing chosen was lost, selects included.
  await expect(page.getByLabel("Second idea")).toHaveValue("1");
  await expect(page.getByLabel("Third idea")).toHaveValue("2");
  await expect(page.getByLabel("First idea")).toHaveValue("3");
  await expect(page.getByRole("combobox", { name: "Where do you work?" })).toHaveValue("KE");
  await expect(page.getByLabel("Age", { exact: true })).toHaveValue("35-44");
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("BR");
  await expect(page.getByRole("checkbox", { name: "Content" })).toBeChecked();
  await expect(page.getByRole("textbox", { name: "Anything else?" })).toHaveValue("Kept text");

  // The summary's link takes the reader to the question.
  await topicsLink.click();
  await expect(page).toHaveURL(/#q-topics$/);
  await expect(page.locator("#q-topics")).toBeFocused();

  // Fixed, and sent: the selects' values are what is stored (not empty).
  await page.getByRole("radio", { name: "Member" }).check();
  await page.getByRole("checkbox", { name: "Content" }).uncheck();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("status")).toContainText("Thank you");
  const response = await db.surveyResponse.findFirstOrThrow({ where: { survey: { slug } }, select: { country: true, ageBand: true, answers: { select: { questionId: true, option: true, rank: true } } } });
  expect(response).toMatchObject({ country: "BR", ageBand: "35-44" });
  expect(response.answers.filter((a) => a.questionId === "where").map((a) => a.option)).toEqual(["KE"]);
  expect(response.answers.filter((a) => a.questionId === "order").sort((a, b) => a.rank! - b.rank!).map((a) => a.option)).toEqual(["o2", "o3", "o1"]);
});

test("extending the comment period reports both problems at once, keeps the zone, and stores a Tokyo time as the right instant", async ({ page, db, createUser }) => {
  const editor = await createUser({ name: "Extend Editor" });
  const org = await createOrganisation(db, [{ userId: editor.id, role: "EDITOR" }]);
  const draft = await seedDraft(db, {
    organisationId: org.id,
    reference: `${org.prefix}-2026-902`,
    title: "Extension form check",
    abstract: "",
    status: "OPEN",
    timeZone: "Europe/Zurich",
    opensAt: new Date(Date.now() - 86_400_000),
    closesAt: new Date(Date.now() + 7 * 86_400_000),
    body: "# One\n\nText.",
  });
  await signIn(page, editor.email);
  await page.goto(`/drafts/${draft.reference}/manage`);

  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue("Europe/Zurich");
  await zone.selectOption("Asia/Tokyo");
  await page.getByLabel("New closing time").fill("2001-01-01T10:00");
  await page.getByLabel("Announcement").fill("x");
  await page.getByRole("button", { name: /Extend/ }).click();

  await expect(page.getByLabel("New closing time")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Announcement")).toHaveAttribute("aria-invalid", "true");
  const summary = page.getByTestId("error-summary");
  await expect(summary.getByRole("link")).toHaveCount(2);
  await expect(summary.getByRole("link", { name: /New closing time/ })).toHaveAttribute("href", "#field-closesAt");
  await expect(summary.getByRole("link", { name: /Announcement/ })).toHaveAttribute("href", "#field-note");
  await expect(zone).toHaveValue("Asia/Tokyo");
  await expect(page.getByLabel("New closing time")).toHaveValue("2001-01-01T10:00");

  await page.getByLabel("New closing time").fill("2099-06-01T09:00");
  await page.getByLabel("Announcement").fill("Extended for the regional meetings.");
  await page.getByRole("button", { name: /Extend/ }).click();
  await expect(page).toHaveURL(/extended=1/);
  const stored = await db.draft.findUniqueOrThrow({ where: { id: draft.id }, select: { closesAt: true, timeZone: true } });
  // 09:00 in Tokyo (UTC+9) is midnight UTC.
  expect(stored.closesAt?.toISOString()).toBe("2099-06-01T00:00:00.000Z");
  expect(stored.timeZone).toBe("Europe/Zurich");
});

test("opening for comment marks the optional opening time as optional", async ({ page, db, createUser }) => {
  const editor = await createUser({ name: "Open Editor" });
  const org = await createOrganisation(db, [{ userId: editor.id, role: "EDITOR" }]);
  const draft = await seedDraft(db, { organisationId: org.id, reference: `${org.prefix}-2026-903`, title: "Open form check", abstract: "", status: "DRAFT", body: "# One\n\nText." });
  await signIn(page, editor.email);
  await page.goto(`/drafts/${draft.reference}/manage`);
  await expect(page.getByText("Opens (optional)", { exact: true })).toBeVisible();
});
