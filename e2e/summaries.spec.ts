import { expect, signIn, test } from "./fixtures/users";
import { expectNoSeriousViolations } from "./support/axe";

const draft = "/drafts/GDPF-RFC-2026-003";
// The demo moderator (prisma/seed/demo.ts).
const moderator = { email: "moderator@parley.example", password: "parley-demo-2026" };

test("a moderator summarises the seeded consultation and a signed-out visitor reads the summary", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, moderator.email, moderator.password);
  await page.goto(draft);
  await page.getByRole("link", { name: "Summary of responses: workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Summary of responses: workspace" })).toBeVisible();

  // Who took part, with the warning about the missing stakeholder group.
  await expect(page.getByTestId("participation-figures")).toContainText("270");
  await expect(page.getByText(/Not heard from, or heard from far less than the others: .*Intergovernmental organisation/).first()).toBeVisible();
  await expect(page.getByTestId("heat-map")).toBeVisible();
  // Opinion groups: as many as the k the method chose. The app's resampled runs (bagging:voteRemoval)
  // choose the fewest groups whose silhouette is within the noise of the best, so the chosen k is at
  // most the best silhouette's (ties go to the larger k); the named departures are shown.
  const silhouettes = await page.getByTestId("silhouette-table").locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => ({ k: Number(r.querySelector("th")!.textContent), silhouette: Number(r.querySelector("td")!.textContent), chosen: r.lastElementChild!.textContent!.trim() !== "" })),
  );
  const chosen = silhouettes.filter((c) => c.chosen);
  expect(chosen).toHaveLength(1);
  expect(chosen[0]!.k).toBeGreaterThanOrEqual(2);
  const best = Math.max(...silhouettes.map((c) => c.silhouette));
  expect(chosen[0]!.k).toBeLessThanOrEqual(Math.max(...silhouettes.filter((c) => c.silhouette === best).map((c) => c.k)));
  await expect(page.getByTestId("opinion-k")).toContainText("chosen by resampled runs");
  await expect(page.getByTestId("opinion-group")).toHaveCount(chosen[0]!.k);
  await expect(page.getByTestId("opinion-method")).toContainText("groupRestarts");
  await expect(page.getByTestId("opinion-method")).toContainText("bagging:voteRemoval");
  await expect(page.getByTestId("campaigns")).toContainText("40 signatures");
  await expectNoSeriousViolations(page, "workspace");

  // The analysis can run again while the page stays usable; wait for it to finish.
  // The run is queued and the page shows its progress until it is done (the button comes back only
  // then); publishing before it is done would be refused ("A newer analysis has finished").
  await page.getByRole("button", { name: "Analyse again with new responses" }).click();
  await expect(page.getByTestId("analysis-progress")).toBeVisible();
  await expect(page.getByTestId("analysis-progress")).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByRole("button", { name: "Analyse again with new responses" })).toBeVisible();
  await expect(page.getByText("The last analysis did not finish", { exact: false })).toHaveCount(0);

  const themes = page.getByTestId("theme");
  const before = await themes.count();
  expect(before).toBeGreaterThan(2);

  // Rename the first theme.
  const first = themes.first();
  await first.getByTestId("theme-tools").locator("summary").click();
  await first.getByLabel("New name").fill("Public funding for rural networks");
  await first.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Public funding for rural networks" })).toBeVisible();

  // Merge the last theme into the renamed one.
  const last = themes.last();
  const lastName = (await last.getByRole("heading", { level: 3 }).textContent())!;
  await last.getByTestId("theme-tools").locator("summary").click();
  await last.getByLabel("Merge this theme into").selectOption({ label: "Public funding for rural networks" });
  await last.getByRole("button", { name: "Merge" }).click();
  await expect(themes).toHaveCount(before - 1);
  await expect(page.getByRole("heading", { level: 3, name: lastName, exact: true })).toHaveCount(0);

  // Dispositions: the first comment still without one, then check the progress.
  const progressLabel = page.getByText(/comments still have no disposition/);
  const openBefore = Number((await progressLabel.textContent())!.match(/^(\d+)/)![1]);
  expect(openBefore).toBeLessThan(270);
  await page.getByLabel("Only comments without a disposition").check();
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/open=1/);
  const comment = page.getByTestId("worklist-comment").first();
  await expect(comment.getByTestId("comment-disposition")).toHaveCount(0);
  await comment.getByLabel("Partly accepted").check();
  await comment.getByLabel("Response (what we did and why)").fill("Section 3 now asks for audited universal service funds.");
  // A paragraph that does not exist: a clear message, and nothing typed is lost.
  await comment.getByLabel(/Where the text changed/).fill("9:p-9.9");
  await comment.getByRole("button", { name: "Save disposition" }).click();
  await expect(comment.getByRole("alert")).toHaveText("Give a version and a paragraph of this draft, e.g. 1:p-2.1.");
  await expect(comment.getByLabel("Response (what we did and why)")).toHaveValue("Section 3 now asks for audited universal service funds.");
  await expect(comment.getByLabel("Partly accepted")).toBeChecked();
  await comment.getByLabel(/Where the text changed/).fill("");
  await comment.getByRole("button", { name: "Save disposition" }).click();
  await expect(progressLabel).toHaveText(`${openBefore - 1} of 270 comments still have no disposition`);

  // Publish the summary (version 2: the seed published version 1).
  // Publishing warns about the comments still without a disposition and asks for confirmation.
  await expect(page.getByTestId("undecided-warning")).toContainText(`${openBefore - 1} comments have no disposition yet.`);
  await page.getByLabel("Note for readers (optional)").fill("Updated with the first dispositions.");
  await page.getByRole("button", { name: "Publish the summary" }).click();
  await expect(page.getByRole("form", { name: "Publish the summary" }).getByRole("alert")).toHaveText("Tick “Yes, publish this summary” to publish it.");
  await expect(page.getByTestId("published-versions")).not.toContainText("Version 2");
  await page.getByLabel("Yes, publish this summary for everyone to read").check();
  await page.getByRole("button", { name: "Publish the summary" }).click();
  await expect(page.getByText("Summary published.")).toBeVisible();
  await expect(page.getByTestId("published-versions")).toContainText("Version 2");

  // A signed-out visitor finds it from the draft and reads it.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(draft);
  await visitor.getByTestId("summary-link").getByRole("link", { name: "Summary of responses" }).click();
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText("Summary of responses");
  await expect(visitor.getByTestId("summary-version")).toContainText("Version 2");
  await expect(visitor.getByRole("heading", { level: 3, name: "Public funding for rural networks" })).toBeVisible();
  await expect(visitor.getByTestId("disposition-table")).toContainText("Section 3 now asks for audited universal service funds.");
  await expect(visitor.getByTestId("consensus").locator("li").first()).toBeVisible();
  await expect(visitor.getByTestId("provenance")).toContainText("renamed the theme");
  await expect(visitor.getByTestId("provenance")).toContainText("merged");
  // Each theme's size traces to its comments, as they stood when the summary was published.
  await visitor.getByTestId("theme").filter({ hasText: "Public funding for rural networks" }).getByRole("link", { name: /^All \d+ comments in this theme$/ }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Public funding for rural networks" })).toBeVisible();
  await expect(visitor.getByTestId("theme-comments").locator("li").first()).toBeVisible();
  await expectNoSeriousViolations(visitor, "summary theme page");
  await visitor.goBack();
  // Every quote links to its comment in the discussion.
  const quoteLink = visitor.getByTestId("theme").first().getByRole("link", { name: "Open the comment" }).first();
  await quoteLink.click();
  await expect(visitor).toHaveURL(/\/drafts\/GDPF-RFC-2026-003\/p\/.+#comment-/);
  const api = await visitor.request.get("/api/v1/drafts/GDPF-RFC-2026-003/summary");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.version).toBe(2);
  expect(body.themes.some((t: { label: string }) => t.label === "Public funding for rural networks")).toBe(true);
  // The workspace is not for visitors.
  expect((await visitor.goto(`${draft}/workspace`))!.status()).toBe(200);
  await expect(visitor).toHaveURL(/\/signin/);
  await visitorContext.close();
});
