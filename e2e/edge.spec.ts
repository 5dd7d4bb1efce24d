// The request edge, driven as a client would (and as an attacker would): statuses, error codes,
// localised messages and Retry-After, against the production build on the test database.
import { createHash, randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, signIn, test } from "./fixtures/users";

const OPEN = "GDPF-RFC-2026-004";
const CLOSED = "GDPF-RFC-2026-003";
const PRIVATE = "GDPF-RFC-2026-006";

type Db = Parameters<Parameters<typeof test>[2]>[0]["db"];

async function tokenFor(db: Db, userId: string): Promise<string> {
  const token = `prl_${randomBytes(24).toString("base64url")}`;
  await db.apiToken.create({ data: { userId, name: "e2e", tokenHash: createHash("sha256").update(token).digest("hex") } });
  return token;
}

async function errorOf(response: Awaited<ReturnType<APIRequestContext["post"]>>) {
  const body = (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error;
}

const comment = { anchor: "p-3.1.1", kind: "CONCERN", body: "Reaching people who are offline needs more than a website." };

test("API writes: 401 before anything else, then 415, 413, 400, 422, 404 and 409, each with a code and a message that says what to do", async ({ request, db, createUser }) => {
  // Anonymous: 401 even for a body that is not JSON and would fail validation.
  const anon = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: { "content-type": "text/plain" }, data: "\u0000garbage" });
  expect(anon.status()).toBe(401);
  expect((await errorOf(anon)).code).toBe("unauthenticated");

  const user = await createUser();
  const auth = { authorization: `Bearer ${await tokenFor(db, user.id)}` };

  const notJson = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: { ...auth, "content-type": "text/plain" }, data: "hello" });
  expect(notJson.status()).toBe(415);
  expect((await errorOf(notJson)).code).toBe("unsupported_media_type");

  const huge = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: { ...auth, "content-type": "application/json" }, data: JSON.stringify({ ...comment, body: "x".repeat(200_000) }) });
  expect(huge.status()).toBe(413);
  expect((await errorOf(huge)).code).toBe("payload_too_large");

  const broken = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: { ...auth, "content-type": "application/json" }, data: Buffer.from('{"body": ') });
  expect(broken.status()).toBe(400);
  expect((await errorOf(broken)).code).toBe("invalidJson");

  const badUtf8 = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: { ...auth, "content-type": "application/json" }, data: Buffer.from([0x7b, 0x22, 0x62, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) });
  expect(badUtf8.status()).toBe(400);
  expect((await errorOf(badUtf8)).code).toBe("invalidEncoding");

  // Validation: every field at once, in the caller's language.
  const invalid = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: { ...auth, "accept-language": "fr" }, data: { body: "" } });
  expect(invalid.status()).toBe(422);
  expect(invalid.headers()["content-language"]).toBe("fr");
  const fields = (await errorOf(invalid)).fields!;
  expect(Object.keys(fields).sort()).toEqual(["body", "kind"]);
  expect(fields.body).toBe("Ce champ est obligatoire.");

  const nul = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: auth, data: { ...comment, body: "before\u0000after" } });
  expect(nul.status()).toBe(422);
  expect(Object.keys((await errorOf(nul)).fields!)).toEqual(["body"]);

  const longKey = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: { ...auth, "idempotency-key": "k".repeat(150) }, data: comment });
  expect(longKey.status()).toBe(422);
  expect(Object.keys((await errorOf(longKey)).fields!)).toEqual(["idempotency-key"]);

  const unknown = await request.post(`/api/v1/drafts/NO-SUCH-RFC-1/comments`, { headers: auth, data: comment });
  expect(unknown.status()).toBe(404);
  expect((await errorOf(unknown)).code).toBe("not_found");

  const closed = await request.post(`/api/v1/drafts/${CLOSED}/comments`, { headers: auth, data: { kind: "SUPPORT", body: "Late, but in support." } });
  expect(closed.status()).toBe(409);
  expect((await errorOf(closed)).code).toBe("draftNotOpen");

  // Nothing was stored by any refused request.
  expect(await db.comment.count({ where: { authorId: user.id } })).toBe(0);
});

test("comment limit: the 11th new comment in an hour is 429 with Retry-After, but a retry of a stored one gets its original answer", async ({ request, db, createUser }) => {
  const user = await createUser();
  const auth = { authorization: `Bearer ${await tokenFor(db, user.id)}` };
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const res = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: { ...auth, "idempotency-key": `edge-${user.id}-${i}` }, data: { ...comment, body: `Point ${i}: offline outreach matters.` } });
    expect(res.status()).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  const over = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: { ...auth, "idempotency-key": `edge-${user.id}-new` }, data: comment });
  expect(over.status()).toBe(429);
  expect((await errorOf(over)).code).toBe("rate_limited");
  expect(Number(over.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Number(over.headers()["retry-after"])).toBeLessThanOrEqual(3600);

  const retry = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: { ...auth, "idempotency-key": `edge-${user.id}-0` }, data: { ...comment, body: "Point 0: offline outreach matters." } });
  expect(retry.status()).toBe(200);
  expect(((await retry.json()) as { id: string }).id).toBe(ids[0]);
  expect(await db.comment.count({ where: { authorId: user.id } })).toBe(10);
});

test("vote limit and organisation suspension: 429 with Retry-After; a suspended participant gets 403 and nothing changes", async ({ request, db, createUser }) => {
  const author = await createUser();
  const authorAuth = { authorization: `Bearer ${await tokenFor(db, author.id)}` };
  const created = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: authorAuth, data: comment });
  expect(created.status()).toBe(201);
  const commentId = ((await created.json()) as { id: string }).id;

  const voter = await createUser();
  const auth = { authorization: `Bearer ${await tokenFor(db, voter.id)}` };
  const values = ["AGREE", "DISAGREE"] as const;
  let limited: Awaited<ReturnType<APIRequestContext["post"]>> | null = null;
  for (let i = 0; i < 30 && !limited; i++) {
    const res = await request.post(`/api/v1/comments/${commentId}/votes`, { headers: auth, data: { value: values[i % 2] } });
    if (res.status() === 429) limited = res;
    else expect(res.status()).toBe(200);
  }
  expect(limited, "the vote limit (LIMIT_VOTES_PER_HOUR in the e2e server) is reached").not.toBeNull();
  expect((await errorOf(limited!)).code).toBe("rate_limited");
  expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);

  const banned = await createUser();
  const draft = await db.draft.findUniqueOrThrow({ where: { reference: OPEN }, select: { organisationId: true } });
  await db.organisationBan.create({ data: { organisationId: draft.organisationId, userId: banned.id, reason: "Spam" } });
  const bannedAuth = { authorization: `Bearer ${await tokenFor(db, banned.id)}` };
  const vote = await request.post(`/api/v1/comments/${commentId}/votes`, { headers: bannedAuth, data: { value: "AGREE" } });
  expect(vote.status()).toBe(403);
  expect((await errorOf(vote)).code).toBe("bannedFromOrganisation");
  const post = await request.post(`/api/v1/drafts/${OPEN}/comments`, { headers: bannedAuth, data: comment });
  expect(post.status()).toBe(403);
  expect(await db.commentVote.count({ where: { userId: banned.id } })).toBe(0);
  expect(await db.comment.count({ where: { authorId: banned.id } })).toBe(0);
});

test("bad bytes in paths and queries are 400 with a message, never 500", async ({ request }) => {
  for (const path of ["/drafts/%00", "/drafts/%FF", "/drafts/GDPF%E0%A4", "/drafts?q=%00", "/s/demo/results?country=%00", "/api/v1/drafts/%00", "/api/v1/drafts?q=a%00b"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    const text = await res.text();
    expect(text.length, path).toBeGreaterThan(10);
    if (path.startsWith("/api/")) expect(JSON.parse(text).error.code, path).toBe("bad_request");
  }
  const longRef = await request.get(`/api/v1/drafts/${"A".repeat(300)}`);
  expect(longRef.status()).toBe(400);
  const badVersion = await request.get(`/api/v1/drafts/${OPEN}/versions/abc`);
  expect(badVersion.status()).toBe(404);
  const badDiff = await request.get(`/api/v1/drafts/${OPEN}/diff?from=x`);
  expect(badDiff.status()).toBe(422);
  expect(Object.keys(((await badDiff.json()) as { error: { fields: object } }).error.fields).sort()).toEqual(["from", "to"]);
});

test("one visibility rule for a private draft: its organisation's moderator reads page and API, a stakeholder gets 404 on both", async ({ page, request, db, createUser }) => {
  const moderator = await createUser();
  const outsider = await createUser();
  const draft = await db.draft.findUniqueOrThrow({ where: { reference: PRIVATE }, select: { organisationId: true, title: true } });
  await db.membership.create({ data: { organisationId: draft.organisationId, userId: moderator.id, role: "MODERATOR" } });
  const modApi = await request.get(`/api/v1/drafts/${PRIVATE}`, { headers: { authorization: `Bearer ${await tokenFor(db, moderator.id)}` } });
  expect(modApi.status()).toBe(200);
  const outsiderApi = await request.get(`/api/v1/drafts/${PRIVATE}`, { headers: { authorization: `Bearer ${await tokenFor(db, outsider.id)}` } });
  expect(outsiderApi.status()).toBe(404);

  await signIn(page, moderator.email);
  const modPage = await page.goto(`/drafts/${PRIVATE}`);
  expect(modPage?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(draft.title);
});

test("a participant suspended by the organisation sees a notice instead of the forms, and a survey answer is refused", async ({ page, request, db, createUser }) => {
  const banned = await createUser();
  const draft = await db.draft.findUniqueOrThrow({ where: { reference: OPEN }, select: { organisationId: true } });
  await db.organisationBan.create({ data: { organisationId: draft.organisationId, userId: banned.id, reason: "Spam" } });
  await signIn(page, banned.email);
  await page.goto(`/drafts/${OPEN}/p/p-3.1.1`);
  await expect(page.getByTestId("suspended-notice")).toContainText("suspended your participation");
  await expect(page.getByRole("button", { name: "Post comment" })).toHaveCount(0);
  await page.goto(`/drafts/${OPEN}`);
  await expect(page.getByTestId("suspended-notice")).toBeVisible();
  await page.goto("/s/gdpf-rfc-2026-004-survey");
  await expect(page.getByTestId("suspended-notice")).toBeVisible();
  const answer = await request.post("/api/v1/surveys/gdpf-rfc-2026-004-survey/responses", {
    headers: { authorization: `Bearer ${await tokenFor(db, banned.id)}`, "idempotency-key": `banned-${banned.id}` },
    data: { answers: { useful: 3, period: "six" } },
  });
  expect(answer.status()).toBe(403);
  expect((await errorOf(answer)).code).toBe("bannedFromOrganisation");
  expect(await db.surveyResponse.count({ where: { userId: banned.id } })).toBe(0);
});

test("anonymous survey answers from one address: counted, then held for review, then 429 with Retry-After; a retry keeps its first 201", async ({ request, db }) => {
  const forum = await db.organisation.findUniqueOrThrow({ where: { slug: "global-digital-policy-forum" }, select: { id: true } });
  const slug = `edge-anon-${randomBytes(4).toString("hex")}`;
  const definition = [{ id: "q", type: "single", required: true, text: { en: "Is the draft clear?" }, options: [{ id: "yes", label: { en: "Yes" } }, { id: "no", label: { en: "No" } }] }];
  const survey = await db.survey.create({ data: { organisationId: forum.id, slug, title: "Edge survey", status: "OPEN", allowAnonymous: true, definition } });
  const answer = (i: number, key = `${slug}-${i}`) =>
    request.post(`/api/v1/surveys/${slug}/responses`, { headers: { "idempotency-key": key, "x-device-token": crypto.randomUUID() }, data: { answers: { q: "yes" } } });

  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const res = await answer(i);
    expect(res.status(), `answer ${i + 1}`).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  const refused = await answer(5);
  expect(refused.status()).toBe(429);
  expect((await errorOf(refused)).code).toBe("rate_limited");
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Number(refused.headers()["retry-after"])).toBeLessThanOrEqual(3600);

  // A retry of a stored answer gets its original 201 and id, past the hard limit.
  const retry = await answer(0);
  expect(retry.status()).toBe(201);
  expect(((await retry.json()) as { id: string }).id).toBe(ids[0]);

  // Nothing lost: 3 counted, 2 kept but held for review, none refused was stored.
  const byStatus = await db.surveyResponse.groupBy({ by: ["status"], where: { surveyId: survey.id }, _count: true });
  expect(Object.fromEntries(byStatus.map((r) => [r.status, r._count]))).toEqual({ COUNTED: 3, HELD: 2 });

  const badToken = await request.post(`/api/v1/surveys/${slug}/responses`, { headers: { "idempotency-key": `${slug}-bad`, "x-device-token": "not-a-uuid" }, data: { answers: { q: "yes" } } });
  expect(badToken.status()).toBe(422);
});

test("sign-in links: the sixth request in an hour for one recipient is 429 with Retry-After", async ({ page, createUser, db }) => {
  const user = await createUser();
  await page.goto("/signin");
  try {
    const statuses = await page.evaluate(async (email) => {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      const out: Array<{ status: number; retryAfter: string | null }> = [];
      for (let i = 0; i < 6; i++) {
        const res = await fetch("/api/auth/signin/email", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, email, json: "true" }) });
        out.push({ status: res.status, retryAfter: res.headers.get("retry-after") });
      }
      return out;
    }, user.email);
    expect(statuses.slice(0, 5).map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]!.status).toBe(429);
    expect(Number(statuses[5]!.retryAfter)).toBeGreaterThan(0);
    expect(Number(statuses[5]!.retryAfter)).toBeLessThanOrEqual(3600);
  } finally {
    await db.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: "mail-addr:" } } });
  }
});

test("registrations from one address past the limit are refused with the localised message, and no account is created", async ({ page, db }) => {
  try {
    let refusedAt = -1;
    const emails: string[] = [];
    for (let i = 0; i < 8 && refusedAt < 0; i++) {
      const email = `edge-register-${randomBytes(4).toString("hex")}@example.org`;
      emails.push(email);
      await page.goto("/register");
      await page.getByLabel("Display name").fill("Edge Registrant");
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill("a long e2e passphrase");
      await page.getByLabel("Repeat the password").fill("a long e2e passphrase");
      await page.getByRole("button", { name: "Create account" }).click();
      const outcome = page.getByRole("status").or(page.getByRole("alert").filter({ hasText: "Too many attempts" }));
      await expect(outcome.first()).toBeVisible();
      if (await page.getByRole("alert").filter({ hasText: "Too many attempts" }).count()) refusedAt = i;
    }
    expect(refusedAt, "REGISTRATIONS_PER_ADDRESS_PER_HOUR (6 in the e2e server) is reached").toBeGreaterThanOrEqual(0);
    expect(refusedAt).toBeLessThanOrEqual(6);
    // What was typed is still there, and the refused address got no account.
    await expect(page.getByLabel("Email address")).toHaveValue(emails[refusedAt]!);
    expect(await db.user.count({ where: { email: emails[refusedAt]! } })).toBe(0);
  } finally {
    await db.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: "register-addr:" } } });
  }
});

test("suspended while the page is open: comment, reply, edit, withdraw, vote, flag and position are each refused by the server, and nothing changes", async ({ page, db, createUser }) => {
  test.setTimeout(90_000);
  const other = await createUser({ name: "Other Voice" });
  const person = await createUser({ name: "Soon Suspended" });
  const draft = await db.draft.findUniqueOrThrow({ where: { reference: OPEN }, select: { id: true, organisationId: true, currentVersion: true } });
  const at = { draftId: draft.id, versionNumber: draft.currentVersion!, anchor: "p-3.1.1" };
  const theirs = await db.comment.create({ data: { ...at, authorId: other.id, kind: "QUESTION", body: "Who decides which groups are invited?" } });
  const own = await db.comment.create({ data: { ...at, authorId: person.id, kind: "SUPPORT", body: "A clear and welcome paragraph." } });

  // The forms are on screen (signed in, not suspended yet)…
  await signIn(page, person.email);
  await page.goto(`/drafts/${OPEN}/p/p-3.1.1`);
  const positions = await page.context().newPage();
  await positions.goto(`/drafts/${OPEN}`);
  await positions.locator("summary", { hasText: "Record your position" }).click();
  await expect(page.getByRole("button", { name: "Post comment" })).toBeVisible();

  // …then a moderator suspends the person; every form they still have open is refused.
  const ban = await db.organisationBan.create({ data: { organisationId: draft.organisationId, userId: person.id, reason: "Spam" } });
  const refusal = "You have been suspended from this organisation's consultations by its moderators.";
  try {
    await page.getByRole("radio", { name: "Concern" }).check();
    await page.locator("#comment-body").fill("A new comment after the suspension.");
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect(page.getByText(refusal).first()).toBeVisible();
    await expect(page.locator("#comment-body")).toHaveValue("A new comment after the suspension.");

    const their = page.locator(`#comment-${theirs.id}`);
    await their.locator("summary", { hasText: "Reply" }).click();
    await their.getByLabel("Reply", { exact: true }).fill("A reply after the suspension.");
    await their.getByRole("button", { name: "Post reply" }).click();
    await expect(their.getByText(refusal)).toBeVisible();

    await their.getByRole("button", { name: "Agree", exact: true }).click();
    // The reply form above still shows its own refusal: look in the vote form.
    await expect(their.getByRole("form", { name: "Your vote" }).getByRole("alert").filter({ hasText: refusal })).toBeVisible();

    await their.locator("summary", { hasText: "Report to the moderators" }).click();
    await their.getByLabel("Why should the moderators look at this?").fill("Testing a report.");
    await their.getByRole("button", { name: "Send the report" }).click();
    await expect(their.getByRole("alert").filter({ hasText: refusal }).last()).toBeVisible();

    const mine = page.locator(`#comment-${own.id}`);
    await mine.locator("summary", { hasText: "Edit" }).click();
    await mine.locator(`#edit-${own.id}`).fill("Edited after the suspension.");
    await mine.getByRole("button", { name: "Save the change" }).click();
    await expect(mine.getByRole("alert").filter({ hasText: refusal })).toBeVisible();

    await mine.getByRole("button", { name: "Withdraw" }).click();
    await expect(mine.getByRole("alert").filter({ hasText: refusal }).last()).toBeVisible();

    await positions.getByLabel("Your position on the draft as a whole").selectOption("OPPOSE");
    await positions.getByRole("button", { name: "Save my positions" }).click();
    await expect(positions.getByText(refusal)).toBeVisible();

    // Nothing changed.
    expect(await db.comment.count({ where: { authorId: person.id } })).toBe(1);
    expect(await db.comment.findUniqueOrThrow({ where: { id: own.id }, select: { body: true, status: true } })).toEqual({ body: "A clear and welcome paragraph.", status: "PUBLISHED" });
    expect(await db.commentVote.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.commentFlag.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.position.count({ where: { userId: person.id } })).toBe(0);
    expect((await db.comment.findUniqueOrThrow({ where: { id: theirs.id }, select: { agreeCount: true } })).agreeCount).toBe(0);
  } finally {
    await db.organisationBan.deleteMany({ where: { organisationId: ban.organisationId, userId: ban.userId } });
  }
});

test("an author cannot undo moderation: a hidden comment offers no Withdraw, the server refuses it, and the moderator's reason stays", async ({ page, db, createUser }) => {
  const author = await createUser({ name: "Hidden Author" });
  const draft = await db.draft.findUniqueOrThrow({ where: { reference: OPEN }, select: { id: true, currentVersion: true } });
  const hidden = await db.comment.create({
    data: { draftId: draft.id, versionNumber: draft.currentVersion!, anchor: "p-3.1.1", authorId: author.id, kind: "SUPPORT", body: "Visit my shop for cheap watches.", status: "HIDDEN", moderationNote: "Advertising is not allowed (rule 4)." },
  });
  await signIn(page, author.email);
  await page.goto(`/drafts/${OPEN}/p/p-3.1.1`);
  const card = page.locator(`#comment-${hidden.id}`);
  await expect(card.getByTestId("removed")).toContainText("Advertising is not allowed (rule 4).");
  // No Withdraw control where it cannot work; the server refuses it anyway
  // (lib/moderation/suspension.integration.test.ts: "commentHiddenByModerator").
  await expect(card.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await page.reload();
  await expect(page.locator(`#comment-${hidden.id}`).getByTestId("removed")).toContainText("Advertising is not allowed (rule 4).");
  expect(await db.comment.findUniqueOrThrow({ where: { id: hidden.id }, select: { status: true, moderationNote: true } })).toEqual({ status: "HIDDEN", moderationNote: "Advertising is not allowed (rule 4)." });
});

test("flag limit: past LIMIT_FLAGS_PER_HOUR (3 in the e2e server) a report is refused with the localised message and not recorded", async ({ page, db, createUser }) => {
  const reporter = await createUser({ name: "Keen Reporter" });
  const author = await createUser({ name: "Prolific Author" });
  const draft = await db.draft.findUniqueOrThrow({ where: { reference: OPEN }, select: { id: true, currentVersion: true } });
  const anchor = "p-3.1.2";
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const c = await db.comment.create({ data: { draftId: draft.id, versionNumber: draft.currentVersion!, anchor, authorId: author.id, kind: "CONCERN", body: `Flag target ${i} ${randomBytes(3).toString("hex")}` } });
    ids.push(c.id);
  }
  await signIn(page, reporter.email);
  await page.goto(`/drafts/${OPEN}/p/${anchor}`);
  for (const [i, id] of ids.entries()) {
    const card = page.locator(`#comment-${id}`);
    await card.locator("summary", { hasText: "Report to the moderators" }).click();
    await card.getByLabel("Why should the moderators look at this?").fill(`Report ${i}`);
    await card.getByRole("button", { name: "Send the report" }).click();
    if (i < 3) await expect(card.getByRole("status")).toContainText("Thank you. The moderators will look at it.");
    else {
      await expect(card.getByRole("alert")).toContainText("Too many attempts. Please wait");
      await expect(card.getByLabel("Why should the moderators look at this?")).toHaveValue("Report 3");
    }
  }
  expect(await db.commentFlag.count({ where: { userId: reporter.id } })).toBe(3);
  expect(await db.commentFlag.count({ where: { commentId: ids[3]! } })).toBe(0);
});
