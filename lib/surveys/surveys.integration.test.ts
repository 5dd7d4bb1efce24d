import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { seedMembership, seedOrganisation, seedUser } from "@/prisma/seed/builders";
import { exportResponses } from "./export-responses";
import { createSurvey, saveSurvey, setSurveyStatus } from "./manage-survey";
import { surveyResults } from "./results";
import { SurveyAnswersError, submitResponse } from "./submit-response";
import { ZDefinition } from "./definition";

afterAll(() => prisma.$disconnect());

let editor: Actor;
let outsider: Actor;
let orgId = "";
const people: Actor[] = [];

const questions = [
  { id: "track", type: "single", required: true, text: { en: "On track?" }, options: [{ id: "yes", label: { en: "Yes" } }, { id: "no", label: { en: "No" } }] },
  { id: "hope", type: "rating", text: { en: "Hope" } },
  { id: "idea", type: "shortText", text: { en: "Idea" } },
];

async function openSurvey(anonymous: boolean) {
  const { id, slug } = await createSurvey(editor, { organisationId: orgId, title: "Test survey", draftReference: "", permanent: anonymous });
  await saveSurvey(editor, { surveyId: id, title: "Test survey", description: "", allowAnonymous: anonymous, publicResults: false, demographics: ["ageBand", "country"], definition: JSON.stringify(questions) });
  await setSurveyStatus(editor, { surveyId: id, status: "OPEN" });
  return { id, slug };
}

beforeAll(async () => {
  orgId = (await seedOrganisation(prisma, { slug: "survey-org", name: "Survey Org", description: "", referencePrefix: "SV-RFC" })).id;
  const e = await seedUser(prisma, { email: "survey-editor@example.org", name: "Editor" });
  await seedMembership(prisma, orgId, e.id, "EDITOR");
  editor = { id: e.id, isPlatformAdmin: false, suspendedAt: null, memberships: [{ organisationId: orgId, role: "EDITOR" }] };
  const o = await seedUser(prisma, { email: "survey-outsider@example.org", name: "Outsider" });
  outsider = { id: o.id, isPlatformAdmin: false, suspendedAt: null, memberships: [] };
  for (const [i, group] of (["GOVERNMENT", "CIVIL_SOCIETY", "CIVIL_SOCIETY"] as const).entries()) {
    const u = await seedUser(prisma, { email: `survey-person-${i}@example.org`, name: `Person ${i}`, stakeholderGroup: group, country: "KE" });
    people.push({ id: u.id, isPlatformAdmin: false, suspendedAt: null, memberships: [] });
  }
});

describe("survey responses", () => {
  it("creates exactly one response from 100 concurrent submissions with one idempotency key", async () => {
    const { id, slug } = await openSurvey(false);
    const results = await Promise.all(Array.from({ length: 100 }, () => submitResponse(people[0]!, { slug, idempotencyKey: "same-key", answers: { track: "yes", hope: 7 } })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await prisma.surveyResponse.count({ where: { surveyId: id } })).toBe(1);
    expect(await prisma.surveyAnswer.count({ where: { surveyId: id } })).toBe(2);
  });

  it("lets an account answer once, validates against the definition, and stores nothing on error", async () => {
    const { id, slug } = await openSurvey(false);
    await expect(submitResponse(people[1]!, { slug, idempotencyKey: "a1", answers: { hope: 11, ghost: "x" } })).rejects.toMatchObject({ errors: { hope: "outOfRange", ghost: "unknownQuestion", track: "required" } });
    expect(await prisma.surveyResponse.count({ where: { surveyId: id } })).toBe(0);
    await submitResponse(people[1]!, { slug, idempotencyKey: "a2", answers: { track: "no", idea: "More languages" } });
    await expect(submitResponse(people[1]!, { slug, idempotencyKey: "a3", answers: { track: "yes" } })).rejects.toBeInstanceOf(ConflictError);
    await expect(submitResponse(null, { slug, idempotencyKey: "a4", answers: { track: "yes" }, deviceToken: "7d1b3f0e-2a4c-4b8e-9f10-1a2b3c4d5e6f" })).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await prisma.surveyResponse.count({ where: { surveyId: id } })).toBe(1);
  });

  it("takes anonymous answers once per device, with demographics, and refuses a closed survey", async () => {
    const { id, slug } = await openSurvey(true);
    await submitResponse(null, { slug, idempotencyKey: "n1", answers: { track: "yes" }, deviceToken: "0f8fad5b-d9cb-469f-a165-70867728950e", demographics: { ageBand: "25-34", country: "br", gender: "woman" } });
    await expect(submitResponse(null, { slug, idempotencyKey: "n2", answers: { track: "no" }, deviceToken: "0f8fad5b-d9cb-469f-a165-70867728950e" })).rejects.toBeInstanceOf(ConflictError);
    const stored = await prisma.surveyResponse.findFirstOrThrow({ where: { surveyId: id } });
    // Gender was not asked by this survey, so it is not stored.
    expect(stored).toMatchObject({ ageBand: "25-34", country: "BR", gender: null, userId: null });
    await setSurveyStatus(editor, { surveyId: id, status: "CLOSED" });
    await expect(submitResponse(null, { slug, idempotencyKey: "n3", answers: { track: "no" }, deviceToken: "7c9e6679-7425-40de-944b-e07fc1f90ae7" })).rejects.toMatchObject({ code: "surveyClosed" });
  });

  it("aggregates results in SQL, filtered by stakeholder group, and exports with formulas neutralised", async () => {
    const { id, slug } = await openSurvey(false);
    await submitResponse(people[0]!, { slug, idempotencyKey: "r0", answers: { track: "yes", hope: 8, idea: "=cmd|' /C calc'!A0" } });
    await submitResponse(people[1]!, { slug, idempotencyKey: "r1", answers: { track: "no", hope: 4 } });
    await submitResponse(people[2]!, { slug, idempotencyKey: "r2", answers: { track: "no", hope: 4 } });
    const definition = ZDefinition.parse(questions);
    const all = await surveyResults(id, definition);
    expect(all.total).toBe(3);
    expect(all.questions[0]!.options.sort((a, b) => a.option.localeCompare(b.option))).toEqual([{ option: "no", n: 2 }, { option: "yes", n: 1 }]);
    expect(all.questions[1]!.numbers).toEqual([{ value: 4, n: 2 }, { value: 8, n: 1 }]);
    expect(all.byGroup).toEqual(expect.arrayContaining([{ key: "CIVIL_SOCIETY", n: 2 }, { key: "GOVERNMENT", n: 1 }]));
    // Balance of voices: everyone answered from Kenya (Africa); the groups that did not answer are missing.
    expect(all.balance.regions.find((r) => r.key === "AF")).toMatchObject({ count: 3, status: "ok" });
    expect(all.balance.regions.find((r) => r.key === "EU")).toMatchObject({ count: 0, status: "missing" });
    expect(all.balance.groups.find((g) => g.key === "ACADEMIA")?.status).toBe("missing");
    const civil = await surveyResults(id, definition, { group: "CIVIL_SOCIETY" });
    expect(civil.total).toBe(2);
    expect(civil.questions[0]!.options).toEqual([{ option: "no", n: 2 }]);
    let csv = "";
    for await (const chunk of exportResponses(id, definition, "csv")) csv += chunk;
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")[0]).toBe("response_id,submitted_at,language,stakeholder_group,country,age_band,gender,education,track,hope,idea");
    expect(csv).toContain(",'=cmd|' /C calc'!A0");
    expect(csv.trim().split("\r\n")).toHaveLength(4);
  });

  it("lets only the organisation's editors build and publish surveys", async () => {
    await expect(createSurvey(outsider, { organisationId: orgId, title: "Intruder", draftReference: "", permanent: true })).rejects.toBeInstanceOf(ForbiddenError);
    const { id } = await createSurvey(editor, { organisationId: orgId, title: "Empty", draftReference: "", permanent: true });
    await expect(setSurveyStatus(editor, { surveyId: id, status: "OPEN" })).rejects.toMatchObject({ code: "noQuestions" });
    await expect(saveSurvey(outsider, { surveyId: id, title: "x", description: "", allowAnonymous: true, publicResults: true, demographics: [], definition: "[]" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(submitResponse(null, { slug: "no-such-survey", idempotencyKey: "k", answers: {} })).rejects.toBeInstanceOf(NotFoundError);
    const { slug } = await openSurvey(false);
    const refused = submitResponse(editor, { slug, idempotencyKey: "answers-that-do-not-fit", answers: { track: "maybe" } });
    await expect(refused).rejects.toBeInstanceOf(SurveyAnswersError);
    await expect(refused).rejects.toMatchObject({ errors: { track: expect.any(String) } });
  });
});
