import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/surveys/[slug]/responses/route";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { seedMembership, seedOrganisation, seedUser } from "@/prisma/seed/builders";
import { ZDefinition } from "./definition";
import { createSurvey, saveSurvey, setSurveyStatus } from "./manage-survey";
import { computeResults } from "./results";
import { countHeldResponses, decideHeldResponses } from "./review-held";
import { submitResponse } from "./submit-response";

// The limits the route reads from the environment (read once, before lib/env is imported).
vi.hoisted(() => {
  process.env.SURVEY_ANON_HOLD_AFTER_PER_HOUR = "2";
  process.env.SURVEY_ANON_PER_IP_PER_HOUR = "4";
});

/** The real route handler (apiRoute edge + use case), answered as the HTTP client sees it. */
async function send(request: Request, slug: string) {
  const response = await POST(request, { params: Promise.resolve({ slug }) });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { id?: string; error?: { code: string; message: string; fields?: Record<string, string> } } };
}

afterAll(() => prisma.$disconnect());

const questions = [
  { id: "track", type: "single", required: true, text: { en: "On track?" }, options: [{ id: "yes", label: { en: "Yes" } }, { id: "no", label: { en: "No" } }] },
  { id: "hope", type: "rating", text: { en: "Hope" } },
  { id: "order", type: "ranking", text: { en: "Order" }, options: [{ id: "a", label: { en: "A" } }, { id: "b", label: { en: "B" } }] },
];
const definition = ZDefinition.parse(questions);
const limits = { holdAfter: 2, refuseAfter: 4 };

let editor: Actor;
let moderator: Actor;
let outsider: Actor;
let orgId = "";

async function openSurvey() {
  const { id, slug } = await createSurvey(editor, { organisationId: orgId, title: "Limits survey", draftReference: "", permanent: true });
  await saveSurvey(editor, { surveyId: id, title: "Limits survey", description: "", allowAnonymous: true, publicResults: true, demographics: ["ageBand", "country"], definition: JSON.stringify(questions) });
  await setSurveyStatus(editor, { surveyId: id, status: "OPEN" });
  return { id, slug };
}

function post(slug: string, options: { key?: string; device?: string; address?: string; body?: unknown }) {
  const headers = new Headers({ "content-type": "application/json" });
  if (options.key !== undefined) headers.set("idempotency-key", options.key);
  if (options.device !== undefined) headers.set("x-device-token", options.device);
  if (options.address) headers.set(CLIENT_ADDRESS_HEADER, options.address);
  return new Request(`http://localhost/api/v1/surveys/${slug}/responses`, { method: "POST", headers, body: JSON.stringify(options.body ?? { answers: { track: "yes", hope: 7 } }) });
}

beforeAll(async () => {
  orgId = (await seedOrganisation(prisma, { slug: "limits-org", name: "Limits Org", description: "", referencePrefix: "LIM-RFC" })).id;
  const e = await seedUser(prisma, { email: "limits-editor@example.org", name: "Editor" });
  await seedMembership(prisma, orgId, e.id, "EDITOR");
  editor = { id: e.id, isPlatformAdmin: false, suspendedAt: null, memberships: [{ organisationId: orgId, role: "EDITOR" }] };
  const m = await seedUser(prisma, { email: "limits-moderator@example.org", name: "Moderator" });
  await seedMembership(prisma, orgId, m.id, "MODERATOR");
  moderator = { id: m.id, isPlatformAdmin: false, suspendedAt: null, memberships: [{ organisationId: orgId, role: "MODERATOR" }] };
  const o = await seedUser(prisma, { email: "limits-outsider@example.org", name: "Outsider" });
  outsider = { id: o.id, isPlatformAdmin: false, suspendedAt: null, memberships: [] };
});

describe("anonymous survey answers per client address", () => {
  it("holds answers past the soft threshold, refuses past the hard one with 429 and Retry-After, and a retry of a stored answer still gets its 201", async () => {
    const { id, slug } = await openSurvey();
    const address = "203.0.113.7";
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await send(post(slug, { key: `k${i}`, device: randomUUID(), address }), slug));
    expect(outcomes.map((o) => o.status)).toEqual([201, 201, 201, 201, 429]);
    const refused = outcomes[4]!;
    const retryAfter = Number(refused.retryAfter);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.body).toMatchObject({ error: { code: "rate_limited" } });
    // Answers 3 and 4 (past holdAfter = 2) are kept but held.
    const stored = await prisma.surveyResponse.findMany({ where: { surveyId: id }, select: { idempotencyKey: true, status: true }, orderBy: { idempotencyKey: "asc" } });
    expect(stored).toEqual([
      { idempotencyKey: "k0", status: "COUNTED" },
      { idempotencyKey: "k1", status: "COUNTED" },
      { idempotencyKey: "k2", status: "HELD" },
      { idempotencyKey: "k3", status: "HELD" },
    ]);
    // The counter lives in PostgreSQL (shared by every process), one row per survey, address and hour.
    expect(await prisma.surveyAddressWindow.findMany({ where: { surveyId: id }, select: { address: true, count: true } })).toEqual([{ address, count: 5 }]);
    // Past the hard threshold, a retry of a stored answer gets its first 201 and id, never 429.
    const first = await prisma.surveyResponse.findFirstOrThrow({ where: { surveyId: id, idempotencyKey: "k0" }, select: { id: true } });
    const retry = await send(post(slug, { key: "k0", device: randomUUID(), address }), slug);
    expect(retry).toMatchObject({ status: 201, body: { id: first.id } });
    // Another address is not affected.
    expect((await send(post(slug, { key: "other", device: randomUUID(), address: "198.51.100.4" }), slug)).status).toBe(201);
    // A retry after the survey closed also gets its 201 (not 409).
    await setSurveyStatus(editor, { surveyId: id, status: "CLOSED" });
    const held = await prisma.surveyResponse.findFirstOrThrow({ where: { surveyId: id, idempotencyKey: "k3" }, select: { id: true } });
    expect(await send(post(slug, { key: "k3", device: randomUUID(), address }), slug)).toMatchObject({ status: 201, body: { id: held.id } });
    expect(await send(post(slug, { key: "new", device: randomUUID(), address: "198.51.100.9" }), slug)).toMatchObject({ status: 409, body: { error: { code: "surveyClosed" } } });
  });

  it("excludes held answers from results until accepted, then counts them exactly; rejected ones never count", async () => {
    const { id, slug } = await openSurvey();
    const address = "2001:db8::1";
    for (let i = 0; i < 4; i++)
      await submitResponse(null, { slug, idempotencyKey: `h${i}`, deviceToken: randomUUID(), clientAddress: address, answers: { track: i % 2 ? "no" : "yes", hope: 5, order: ["a", "b"] }, demographics: { country: "KE" } }, limits);
    // h0, h1 counted (yes, no); h2 (yes), h3 (no) held.
    let results = await computeResults(id, definition);
    expect(results.total).toBe(2);
    expect(results.held).toBe(2);
    expect(results.questions[0]!.options.sort((a, b) => a.option.localeCompare(b.option))).toEqual([{ option: "no", n: 1 }, { option: "yes", n: 1 }]);
    expect(results.questions[1]!.numbers).toEqual([{ value: 5, n: 2 }]);
    await expect(decideHeldResponses(outsider, { surveyId: id, decision: "accept", responseId: "" })).rejects.toBeInstanceOf(ForbiddenError);
    const h2 = await prisma.surveyResponse.findFirstOrThrow({ where: { surveyId: id, idempotencyKey: "h2" }, select: { id: true } });
    expect(await decideHeldResponses(moderator, { surveyId: id, decision: "accept", responseId: h2.id })).toMatchObject({ decided: 1 });
    // Deciding again does nothing (the answer is no longer held).
    expect(await decideHeldResponses(editor, { surveyId: id, decision: "accept", responseId: h2.id })).toMatchObject({ decided: 0 });
    expect(await decideHeldResponses(editor, { surveyId: id, decision: "reject", responseId: "" })).toMatchObject({ decided: 1 });
    expect(await countHeldResponses(id)).toBe(0);
    results = await computeResults(id, definition, { country: "KE" });
    expect(results.total).toBe(3);
    expect(results.held).toBe(0);
    expect(results.questions[0]!.options.sort((a, b) => a.option.localeCompare(b.option))).toEqual([{ option: "no", n: 1 }, { option: "yes", n: 2 }]);
    expect(results.questions[2]!.ranks).toEqual([{ option: "a", avg: 1, n: 3 }, { option: "b", avg: 2, n: 3 }]);
    expect(results.byCountry).toEqual([{ key: "KE", n: 3 }]);
  });

  it("refuses a device token that is not a UUID, and one missing, with 422", async () => {
    const { slug } = await openSurvey();
    expect(await send(post(slug, { key: "d1", device: "x".repeat(36) }), slug)).toMatchObject({ status: 422, body: { error: { code: "deviceTokenInvalid", fields: { deviceToken: expect.stringContaining("not valid") } } } });
    expect(await send(post(slug, { key: "d2", device: `${randomUUID()}0` }), slug)).toMatchObject({ status: 422, body: { error: { code: "deviceTokenInvalid" } } });
    expect(await send(post(slug, { key: "d3" }), slug)).toMatchObject({ status: 422, body: { error: { code: "deviceTokenRequired" } } });
    expect(await prisma.surveyResponse.count({ where: { survey: { slug } } })).toBe(0);
  });

  it("keeps the tallies equal to the stored answers under 120 concurrent submissions", async () => {
    const { id, slug } = await openSurvey();
    const generous = { holdAfter: 1000, refuseAfter: 2000 };
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        submitResponse(null, { slug, idempotencyKey: `c${i}`, deviceToken: randomUUID(), clientAddress: "192.0.2.1", answers: { track: i % 3 ? "yes" : "no", hope: i % 11, order: i % 2 ? ["a", "b"] : ["b", "a"] }, demographics: { ageBand: "25-34", country: i % 2 ? "KE" : "BR" } }, generous),
      ),
    );
    const results = await computeResults(id, definition);
    expect(results.total).toBe(120);
    const rows = await prisma.$queryRaw<{ q: string; option: string | null; number: number | null; n: number; ranks: number | null }[]>`
      SELECT "questionId" AS q, option, number, count(*)::int AS n, sum(rank)::int AS ranks FROM "SurveyAnswer" WHERE "surveyId" = ${id} GROUP BY 1, 2, 3`;
    const fromRows = (q: string) => rows.filter((r) => r.q === q);
    expect(results.questions[0]!.options.sort((a, b) => a.option.localeCompare(b.option))).toEqual(fromRows("track").map((r) => ({ option: r.option!, n: r.n })).sort((a, b) => a.option.localeCompare(b.option)));
    expect(results.questions[1]!.numbers).toEqual(fromRows("hope").map((r) => ({ value: r.number!, n: r.n })).sort((a, b) => a.value - b.value));
    expect(results.questions[2]!.ranks.map((r) => ({ option: r.option, avg: r.avg }))).toEqual([{ option: "a", avg: 1.5 }, { option: "b", avg: 1.5 }]);
    const byCountry = await prisma.surveyResponse.groupBy({ by: ["country"], where: { surveyId: id }, _count: true });
    expect(results.byCountry.sort((a, b) => (a.key ?? "").localeCompare(b.key ?? ""))).toEqual(byCountry.map((c) => ({ key: c.country, n: c._count })).sort((a, b) => (a.key ?? "").localeCompare(b.key ?? "")));
  });
});
