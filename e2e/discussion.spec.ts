// The discussion, sorted and filtered without JavaScript, and the open-data downloads (issue 13, parts 4 and 5).
import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expect, test } from "./fixtures/users";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { e2e } from "./support/config";
import { expectNoSeriousViolations } from "./support/axe";

const open = "GDPF-RFC-2026-004";
const closed = "GDPF-RFC-2026-003";
const anchor = "p-2.1";

/** The discussion's top-level comment ids in the page's order for these filters, from the database (the definition in lib/discussion/order.ts). */
async function expectedOrder(db: PrismaClient, draftId: string, kind: string, group: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
    WHERE c."draftId" = ${draftId} AND c.anchor = ${anchor} AND c."parentId" IS NULL AND c.status IN ('PUBLISHED', 'HIDDEN', 'WITHDRAWN')
      AND c.kind = ${kind}::"CommentKind" AND u."stakeholderGroup" = ${group}::"StakeholderGroup"
    ORDER BY (CASE WHEN c."agreeCount" + c."disagreeCount" = 0 THEN 0 ELSE 4.0 * c."agreeCount" * c."disagreeCount" / (c."agreeCount" + c."disagreeCount") END) DESC, c.id DESC`;
  return rows.map((r) => r.id);
}

const shownIds = (page: Page) => page.locator('section[aria-labelledby="comments-heading"] > article').evaluateAll((els) => els.map((e) => e.id.replace(/^comment-/, "")));

test("the discussion sorts and filters without JavaScript, page 2 keeps them, and the API answers the same", async ({ browser, page: jsPage, db, createUser }) => {
  test.setTimeout(120_000);
  const draft = await db.draft.findUniqueOrThrow({ where: { reference: open }, select: { id: true, currentVersion: true } });
  // 24 concerns from civil society with varied votes (stored counters, as the app keeps them), one hidden,
  // plus comments of other kinds and groups the filters must leave out.
  const cso = await createUser({ stakeholderGroup: "CIVIL_SOCIETY", name: "Sorting Tester" });
  const gov = await createUser({ stakeholderGroup: "GOVERNMENT", name: "Government Tester" });
  const made: string[] = [];
  for (let i = 0; i < 24; i++) {
    const c = await db.comment.create({
      data: { draftId: draft.id, versionNumber: draft.currentVersion!, anchor, authorId: cso.id, kind: "CONCERN", body: `E2E concern ${i}`, agreeCount: (i * 7) % 11, disagreeCount: (i * 5) % 9, status: i === 3 ? "HIDDEN" : "PUBLISHED", moderationNote: i === 3 ? "Off topic for this paragraph" : null },
    });
    made.push(c.id);
  }
  await db.comment.create({ data: { draftId: draft.id, versionNumber: draft.currentVersion!, anchor, authorId: gov.id, kind: "CONCERN", body: "Government concern", agreeCount: 9, disagreeCount: 9 } });
  await db.comment.create({ data: { draftId: draft.id, versionNumber: draft.currentVersion!, anchor, authorId: cso.id, kind: "SUPPORT", body: "Civil society support", agreeCount: 8, disagreeCount: 8 } });
  const expected = await expectedOrder(db, draft.id, "CONCERN", "CIVIL_SOCIETY");
  expect(expected.length).toBeGreaterThan(20);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/drafts/${open}/p/${anchor}`);
  const form = page.getByRole("form", { name: "Sort and filter the comments" });
  await form.getByLabel("Sort by").selectOption("divisive");
  await form.getByLabel("Kind of comment").selectOption("CONCERN");
  await form.getByLabel("Stakeholder group").selectOption("CIVIL_SOCIETY");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/sort=divisive&kind=CONCERN&group=CIVIL_SOCIETY/);
  await expect(page.getByTestId("discussion-matching")).toContainText(`${expected.length} comments match`);
  expect(await shownIds(page)).toEqual(expected.slice(0, 20));
  await expect(page.getByText("Removed by the moderator: Off topic for this paragraph")).toHaveCount(expected.indexOf(made[3]!) < 20 ? 1 : 0);

  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/sort=divisive&kind=CONCERN&group=CIVIL_SOCIETY&page=2/);
  await expect(form.getByLabel("Sort by")).toHaveValue("divisive");
  await expect(form.getByLabel("Kind of comment")).toHaveValue("CONCERN");
  await expect(form.getByLabel("Stakeholder group")).toHaveValue("CIVIL_SOCIETY");
  expect(await shownIds(page)).toEqual(expected.slice(20, 40));
  await expect(page.getByText("Removed by the moderator: Off topic for this paragraph")).toHaveCount(expected.indexOf(made[3]!) >= 20 ? 1 : 0);

  await context.close();

  // axe needs JavaScript in the page: English, then Arabic with no sideways scrolling at 360 px.
  const filtered = `/drafts/${open}/p/${anchor}?sort=divisive&kind=CONCERN&group=CIVIL_SOCIETY`;
  await jsPage.goto(filtered);
  await expectNoSeriousViolations(jsPage, "en sorted discussion");
  await jsPage.context().addCookies([{ name: "NEXT_LOCALE", value: "ar", url: e2e.baseURL }]);
  await jsPage.setViewportSize({ width: 360, height: 740 });
  await jsPage.goto(filtered);
  await expect(jsPage.locator("html")).toHaveAttribute("dir", "rtl");
  await expectNoSeriousViolations(jsPage, "ar sorted discussion");
  expect(await jsPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The API: same parameters, same order (published only: the hidden one is not in the API), 422 for unknown values.
  const api = await jsPage.request.get(`/api/v1/drafts/${open}/comments?anchor=${anchor}&sort=divisive&kind=CONCERN&group=CIVIL_SOCIETY&pageSize=100`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { data: Array<{ id: string; kind: string; votes: { agree: number; disagree: number } }>; total: number };
  expect(body.data.map((c) => c.id)).toEqual(expected.filter((id) => id !== made[3]));
  expect(body.total).toBe(expected.length - 1);
  for (const [param, value] of [["sort", "loudest"], ["kind", "PRAISE"], ["group", "ROBOTS"]]) {
    expect((await jsPage.request.get(`/api/v1/drafts/${open}/comments?${param}=${value}`)).status()).toBe(422);
  }
  const oldest = (await (await jsPage.request.get(`/api/v1/drafts/${open}/comments?anchor=${anchor}&sort=oldest&kind=SUPPORT&pageSize=100`)).json()) as { data: Array<{ kind: string }> };
  expect(oldest.data.length).toBeGreaterThan(0);
  expect(new Set(oldest.data.map((c) => c.kind))).toEqual(new Set(["SUPPORT"]));
});

test("the closed consultation's open data: CSV with BOM and JSON parsed back and counted, a removed comment, the licence; an open draft's is 404", async ({ page, db }) => {
  test.setTimeout(120_000);
  const draft = await db.draft.findUniqueOrThrow({ where: { reference: closed }, select: { id: true } });
  const hidden = await db.comment.findFirstOrThrow({ where: { draftId: draft.id, status: "PUBLISHED", parentId: null }, orderBy: { id: "asc" }, select: { id: true, body: true } });
  await db.comment.update({ where: { id: hidden.id }, data: { status: "HIDDEN", moderationNote: "Personal data removed" } });
  // Other journeys (the summary's figures) count this draft's comments: put it back afterwards.
  try {
    const expected = await db.comment.count({ where: { draftId: draft.id, status: { in: ["PUBLISHED", "HIDDEN"] } } });

    await page.goto(`/drafts/${closed}`);
    const links = page.getByTestId("open-data");
    await expect(links).toBeVisible();
    await expect(page.getByTestId("open-data-licence")).toContainText("CC-BY-4.0");
    await expect(links.getByRole("link", { name: "Comments (CSV)" })).toHaveAttribute("href", `/drafts/${closed}/comments.csv`);
    await expectNoSeriousViolations(page, "en closed draft", { bestPractice: true });
    await page.goto(`/drafts/${closed}/summary`);
    await expect(page.getByTestId("open-data")).toBeVisible();

    const csvResponse = await page.request.get(`/drafts/${closed}/comments.csv`);
    expect(csvResponse.status()).toBe(200);
    expect(csvResponse.headers()["content-type"]).toContain("text/csv");
    const bytes = await csvResponse.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((r) => r.licence))).toEqual(new Set(["CC-BY-4.0"]));
    const removed = rows.find((r) => r.comment_id === hidden.id)!;
    expect(removed).toMatchObject({ status: "removed", text: "Removed by the moderator: Personal data removed" });

    const json = (await (await page.request.get(`/drafts/${closed}/comments.json`)).json()) as { licence: string; comments: Array<{ id: string; text: string; votes: { agree: number } }> };
    expect(json.licence).toBe("CC-BY-4.0");
    expect(json.comments).toHaveLength(expected);
    const totals = await db.comment.aggregate({ where: { draftId: draft.id, status: { in: ["PUBLISHED", "HIDDEN"] } }, _sum: { agreeCount: true } });
    expect(json.comments.reduce((n, c) => n + c.votes.agree, 0)).toBe(totals._sum.agreeCount);
    expect(json.comments.find((c) => c.id === hidden.id)!.text).toBe("Removed by the moderator: Personal data removed");

    const polis = await page.request.get(`/drafts/${closed}/polis/votes.csv`);
    expect(polis.status()).toBe(200);
    const votes = parse(await polis.body(), { bom: true, columns: true }) as Record<string, string>[];
    expect(votes).toHaveLength(await db.commentVote.count({ where: { comment: { draftId: draft.id, parentId: null, status: { in: ["PUBLISHED", "HIDDEN"] } } } }));
    const api = await page.request.get(`/api/v1/drafts/${closed}/open-data?format=json`);
    expect(api.status()).toBe(200);

    // Not yet open: 404 everywhere, and no link on the page.
    for (const path of [`/drafts/${open}/comments.csv`, `/drafts/${open}/comments.json`, `/drafts/${open}/polis/comments.csv`, `/api/v1/drafts/${open}/open-data`]) {
      expect((await page.request.get(path)).status(), path).toBe(404);
    }
    await page.goto(`/drafts/${open}`);
    await expect(page.getByTestId("open-data")).toHaveCount(0);

    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "ar", url: e2e.baseURL }]);
    await page.goto(`/drafts/${closed}`);
    await expect(page.getByTestId("open-data")).toBeVisible();
    await expectNoSeriousViolations(page, "ar closed draft", { bestPractice: true });
  } finally {
    await db.comment.update({ where: { id: hidden.id }, data: { status: "PUBLISHED", moderationNote: null } });
  }
});
