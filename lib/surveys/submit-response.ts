import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import type { Actor } from "@/lib/authz/permissions";
import { assertNotSuspended } from "@/lib/comments/participation";
import { prisma, rawStatement } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, ConflictError, FieldError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { queueDeliveries, wakeOutbox } from "@/lib/jobs/outbox";
import { surveyReceiptSql } from "@/lib/receipts/issue-receipt";
import { surveyDocket } from "@/lib/receipts/tracking-number";
import { ZDefinition, type Definition } from "./definition";
import { ZDemographics } from "./demographics";
import { ZDeviceToken } from "./schemas";
import { validateAnswers, type AnswerErrors } from "./validate-answers";

/** Answers that do not fit the survey's current definition; `errors` is keyed by question id. */
export class SurveyAnswersError extends ValidationError {
  constructor(public readonly errors: AnswerErrors) {
    super(errors, "answersInvalid");
  }
}

export type SubmitInput = {
  slug: string;
  idempotencyKey: string;
  answers: Record<string, unknown>;
  demographics?: Record<string, unknown>;
  deviceToken?: string | null;
  language?: string;
  clientAddress?: string | null;
};

/**
 * Anonymous answers per (survey, client address, clock hour): past `holdAfter` they are kept but
 * held for review; past `refuseAfter` they are refused (429).
 */
export type AnonymousLimits = { holdAfter: number; refuseAfter: number };

/** The limits from the environment (SURVEY_ANON_HOLD_AFTER_PER_HOUR, SURVEY_ANON_PER_IP_PER_HOUR). */
export function anonymousLimits(): AnonymousLimits {
  return { holdAfter: env.SURVEY_ANON_HOLD_AFTER_PER_HOUR, refuseAfter: env.SURVEY_ANON_PER_IP_PER_HOUR };
}

/** What happened to a submission: a new response (counted or held), or the one a retried key stored. */
export type SubmitResult = { id: string; created: boolean; held: boolean; trackingNumber: string | null };

type CachedSurvey = {
  id: string;
  slug: string;
  title: string;
  draftId: string | null;
  organisationId: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  allowAnonymous: boolean;
  demographics: string[];
  definition: Definition;
  definitionVersion: number;
  draft: { status: string; closesAt: Date | null; reference: string } | null;
  fetchedAt: number;
};

// The survey and its parsed definition are cached per process for two seconds: under a flood of
// answers this saves a query and a schema check per request, and an edit or a closing takes effect
// within two seconds.
const CACHE_MS = 2_000;
const cache = new Map<string, CachedSurvey>();
async function loadSurvey(slug: string): Promise<CachedSurvey | null> {
  const hit = cache.get(slug);
  if (hit && Date.now() - hit.fetchedAt < CACHE_MS) return hit;
  const row = await prisma.survey.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      draftId: true,
      organisationId: true,
      status: true,
      allowAnonymous: true,
      demographics: true,
      definition: true,
      definitionVersion: true,
      draft: { select: { status: true, closesAt: true, reference: true } },
    },
  });
  if (!row) return null;
  const survey = { ...row, definition: ZDefinition.parse(row.definition), fetchedAt: Date.now() };
  if (cache.size > 1000) cache.clear();
  cache.set(slug, survey);
  return survey;
}

/** Editors' changes take effect at once in this process (other processes within two seconds). */
export function forgetCachedSurvey(slug: string): void {
  cache.delete(slug);
}

async function findByKey(surveyId: string, idempotencyKey: string): Promise<SubmitResult | null> {
  const row = await prisma.surveyResponse.findUnique({ where: { surveyId_idempotencyKey: { surveyId, idempotencyKey } }, select: { id: true, status: true, trackingNumber: true } });
  return row ? { id: row.id, created: false, held: row.status === "HELD", trackingNumber: row.trackingNumber } : null;
}

// Concurrent increments of one tally cell go to one of this many rows, so a burst of identical
// answers does not queue on one row lock; readers sum the shards.
const TALLY_SHARDS = 16;

/** Seconds until the current clock hour ends (the address window resets then). */
function secondsToNextHour(now = new Date()): number {
  return Math.max(1, 3600 - (now.getUTCMinutes() * 60 + now.getUTCSeconds()));
}

/**
 * One response, validated against the survey's current definition and written in one statement
 * (so one transaction): the idempotency lookup, the per-address counter (anonymous answers), the
 * response, its answers and the incremental tallies (for counted responses only). A retry with a
 * stored key always gets that first response back, whatever the limits or the survey's state now.
 *
 * @throws NotFoundError (no such published survey), UnauthenticatedError (anonymous answers not
 *   allowed), FieldError("deviceToken", …) (missing or malformed device token), SurveyAnswersError
 *   (answers do not fit), ConflictError("surveyClosed" | "alreadyAnswered"), RateLimitedError
 *   (past the hard per-address threshold; retryAfterSeconds = seconds to the next clock hour).
 */
export async function submitResponse(actor: Actor | null, input: SubmitInput, limits: AnonymousLimits = anonymousLimits()): Promise<SubmitResult> {
  const survey = await loadSurvey(input.slug);
  if (!survey || survey.status === "DRAFT") throw new NotFoundError();
  try {
    return await insertResponse(survey, actor, input, limits);
  } catch (error) {
    // Whatever refuses the answer now (closed, suspended, invalid), a retry of a stored one gets its 201.
    if (error instanceof AppError && !(error instanceof RateLimitedError)) {
      const earlier = await findByKey(survey.id, input.idempotencyKey);
      if (earlier) return earlier;
    }
    throw error;
  }
}

async function insertResponse(survey: CachedSurvey, actor: Actor | null, input: SubmitInput, limits: AnonymousLimits): Promise<SubmitResult> {
  const draftOpen = !survey.draft || (survey.draft.status === "OPEN" && (!survey.draft.closesAt || survey.draft.closesAt > new Date()));
  if (survey.status !== "OPEN" || !draftOpen) throw new ConflictError("surveyClosed");
  if (!actor && !survey.allowAnonymous) throw new UnauthenticatedError();
  // The organisation's suspension stops survey answers too (the same rule as every participation verb).
  if (actor) await assertNotSuspended(prisma, actor, survey.organisationId);
  if (!actor) {
    if (!input.deviceToken) throw new FieldError("deviceToken", "deviceTokenRequired");
    if (!ZDeviceToken.safeParse(input.deviceToken).success) throw new FieldError("deviceToken", "deviceTokenInvalid");
  }
  const checked = validateAnswers(survey.definition, input.answers);
  if (!checked.ok) throw new SurveyAnswersError(checked.errors);
  const demo = actor ? null : ZDemographics.safeParse(Object.fromEntries(Object.entries(input.demographics ?? {}).filter(([k]) => survey.demographics.includes(k))));
  if (demo && !demo.success) throw new SurveyAnswersError({ country: "countryInvalid" });
  const profile = actor ? await prisma.user.findUnique({ where: { id: actor.id }, select: { stakeholderGroup: true, country: true } }) : null;

  const id = randomUUID();
  const rows = checked.rows;
  const address = actor ? null : (input.clientAddress ?? null);
  const shard = randomInt(TALLY_SHARDS);
  const addressCte = address
    ? Prisma.sql`INSERT INTO "SurveyAddressWindow" ("surveyId", address, "windowStart", count)
        SELECT ${survey.id}, ${address}, date_trunc('hour', now() AT TIME ZONE 'UTC'), 1 WHERE NOT EXISTS (SELECT 1 FROM existing)
        ON CONFLICT ("surveyId", address, "windowStart") DO UPDATE SET count = "SurveyAddressWindow".count + 1
        RETURNING count`
    : Prisma.sql`SELECT NULL::int AS count WHERE false`;
  // Receipts: the answer's tracking number and its email, in this same statement (lib/receipts).
  const receipt = surveyReceiptSql({
    docket: surveyDocket({ slug: survey.slug, draftReference: survey.draft?.reference ?? null }),
    guard: Prisma.sql`NOT EXISTS (SELECT 1 FROM existing) AND coalesce((SELECT count FROM addr), 0) <= ${limits.refuseAfter}`,
    surveyTitle: survey.title,
    organisationId: survey.organisationId,
    draftId: survey.draftId,
  });
  const statement = Prisma.sql`
    WITH existing AS (
      SELECT id, status::text AS status, "trackingNumber" FROM "SurveyResponse" WHERE "surveyId" = ${survey.id} AND "idempotencyKey" = ${input.idempotencyKey}
    ), addr AS (${addressCte}
    ), ${receipt.counter}, response AS (
      INSERT INTO "SurveyResponse" (id, "surveyId", "userId", "deviceToken", "idempotencyKey", "stakeholderGroup", country, "ageBand", gender, education, language, "definitionVersion", status, "trackingNumber")
      SELECT ${id}, ${survey.id}, ${actor?.id ?? null}, ${actor ? null : (input.deviceToken ?? null)}, ${input.idempotencyKey},
             ${profile?.stakeholderGroup ?? demo?.data?.group ?? null}::"StakeholderGroup", ${profile?.country ?? demo?.data?.country ?? null},
             ${demo?.data?.ageBand ?? null}, ${demo?.data?.gender ?? null}, ${demo?.data?.education ?? null}, ${input.language ?? "en"}, ${survey.definitionVersion},
             (CASE WHEN coalesce((SELECT count FROM addr), 0) > ${limits.holdAfter} THEN 'HELD' ELSE 'COUNTED' END)::"SurveyResponseStatus",
             ${receipt.number}
      WHERE NOT EXISTS (SELECT 1 FROM existing) AND coalesce((SELECT count FROM addr), 0) <= ${limits.refuseAfter}
      RETURNING id, status, "createdAt", "userId", "trackingNumber", coalesce("stakeholderGroup"::text, '') AS g, coalesce(country, '') AS c, coalesce("ageBand", '') AS a, coalesce(gender, '') AS s, coalesce(education, '') AS e
    ), given AS (
      SELECT * FROM unnest(
        ${rows.map((_, k) => String(k))}::text[], ${rows.map((r) => r.questionId)}::text[], ${rows.map((r) => r.option ?? null)}::text[],
        ${rows.map((r) => r.rank ?? null)}::int[], ${rows.map((r) => r.number ?? null)}::float8[], ${rows.map((r) => r.text ?? null)}::text[]
      ) AS a(k, q, o, r, n, t)
    ), answers AS (
      INSERT INTO "SurveyAnswer" (id, "responseId", "surveyId", "questionId", option, rank, number, text)
      SELECT response.id || '-' || a.k, response.id, ${survey.id}, a.q, a.o, a.r, a.n, a.t FROM response, given a
    ), response_tally AS (
      INSERT INTO "SurveyResponseTally" ("surveyId", day, "stakeholderGroup", country, "ageBand", gender, education, shard, n)
      SELECT ${survey.id}, r."createdAt"::date, r.g, r.c, r.a, r.s, r.e, ${shard}, 1 FROM response r WHERE r.status = 'COUNTED'
      ON CONFLICT ("surveyId", day, "stakeholderGroup", country, "ageBand", gender, education, shard) DO UPDATE SET n = "SurveyResponseTally".n + 1
    ), answer_tally AS (
      INSERT INTO "SurveyAnswerTally" ("surveyId", "questionId", value, option, number, "stakeholderGroup", country, "ageBand", gender, education, shard, n, "rankSum")
      SELECT ${survey.id}, a.q, coalesce(a.o, '#' || a.n::text), a.o, CASE WHEN a.o IS NULL THEN a.n END, r.g, r.c, r.a, r.s, r.e, ${shard}, 1, coalesce(a.r, 0)
      FROM response r, given a WHERE r.status = 'COUNTED' AND (a.o IS NOT NULL OR a.n IS NOT NULL)
      ORDER BY a.q, 3
      ON CONFLICT ("surveyId", "questionId", value, "stakeholderGroup", country, "ageBand", gender, education, shard)
      DO UPDATE SET n = "SurveyAnswerTally".n + 1, "rankSum" = "SurveyAnswerTally"."rankSum" + excluded."rankSum"
    ), ${receipt.mail}
    SELECT (SELECT id FROM existing) AS "existingId", (SELECT status FROM existing) AS "existingStatus",
           (SELECT status::text FROM response) AS status, (SELECT count FROM addr) AS count,
           coalesce((SELECT "trackingNumber" FROM existing), (SELECT "trackingNumber" FROM response)) AS "trackingNumber",
           (SELECT id FROM receipt_mail) AS "receiptEmailId"`;
  type Outcome = { existingId: string | null; existingStatus: string | null; status: string | null; count: number | null; trackingNumber: string | null; receiptEmailId: string | null };
  // A signed-in respondent's receipt email gets its delivery job in the same transaction
  // (lib/jobs/outbox.ts); anonymous answers (no email) stay one statement, sent straight to the
  // pool under Prisma (one round trip, without Prisma's per-query work: the viral-day path).
  const store = actor
    ? () =>
        prisma.$transaction(async (tx) => {
          const [outcome] = await tx.$queryRaw<Outcome[]>(statement);
          if (outcome?.receiptEmailId) await queueDeliveries(tx, [outcome.receiptEmailId]);
          return outcome;
        })
    : async () => (await rawStatement<Outcome>(statement))[0];

  for (let attempt = 0; ; attempt++) {
    try {
      const result = await store();
      if (result?.existingId) return { id: result.existingId, created: false, held: result.existingStatus === "HELD", trackingNumber: result.trackingNumber };
      if (!result?.status) throw new RateLimitedError(secondsToNextHour());
      if (address && Math.random() < 0.001) void forgetOldWindows();
      if (actor) wakeOutbox();
      return { id, created: true, held: result.status === "HELD", trackingNumber: result.trackingNumber };
    } catch (error) {
      if (isUniqueViolation(error)) {
        const again = await findByKey(survey.id, input.idempotencyKey);
        if (again) return again;
        throw new ConflictError("alreadyAnswered");
      }
      // Two answers from one cell may meet on tally rows in another order: run it again.
      if (isDeadlock(error) && attempt < 3) continue;
      throw error;
    }
  }
}

async function forgetOldWindows() {
  await prisma.surveyAddressWindow.deleteMany({ where: { windowStart: { lt: new Date(Date.now() - 2 * 3600_000) } } }).catch(() => undefined);
}

function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  if ((error as { code?: unknown })?.code === "23505") return true;
  // Raw statements report the PostgreSQL code (23505) in the message.
  return /\b23505\b|unique constraint/i.test(String((error as { message?: string })?.message ?? ""));
}

function isDeadlock(error: unknown): boolean {
  if ((error as { code?: unknown })?.code === "40P01") return true;
  return /\b40P01\b|deadlock detected/i.test(String((error as { message?: string })?.message ?? ""));
}
