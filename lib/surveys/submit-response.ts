import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, ConflictError, NotFoundError, RateLimitedError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { randomUUID } from "node:crypto";
import { ZDefinition, type Definition } from "./definition";
import { ZDemographics } from "./demographics";
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

// Anonymous floods from one address are slowed per process: cheap (no database round trip) and
// enough to stop a script, not a botnet — the privacy note on the form says so.
let anonLimiter: RateLimiterMemory | undefined;
async function limitAnonymous(address: string) {
  anonLimiter ??= new RateLimiterMemory({ keyPrefix: "survey-anon", points: env.SURVEY_ANON_PER_IP_PER_HOUR, duration: 3600 });
  try {
    await anonLimiter.consume(address);
  } catch (res) {
    throw new RateLimitedError(Math.ceil(((res as { msBeforeNext?: number }).msBeforeNext ?? 60_000) / 1000));
  }
}

/**
 * One response, in one transaction, validated against the survey's current definition. The
 * idempotency key makes a retry return the first result; an account (or, anonymously, a device
 * token) can answer once.
 */
type CachedSurvey = {
  id: string;
  status: "DRAFT" | "OPEN" | "CLOSED";
  allowAnonymous: boolean;
  demographics: string[];
  definition: Definition;
  definitionVersion: number;
  draft: { status: string; closesAt: Date | null } | null;
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
    select: { id: true, status: true, allowAnonymous: true, demographics: true, definition: true, definitionVersion: true, draft: { select: { status: true, closesAt: true } } },
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

async function findByKey(surveyId: string, idempotencyKey: string) {
  return prisma.surveyResponse.findUnique({ where: { surveyId_idempotencyKey: { surveyId, idempotencyKey } }, select: { id: true } });
}

/**
 * One response, validated against the survey's current definition and written in one statement
 * (the response and its answers together, so it is one transaction). The idempotency key makes a
 * retry return the first result; an account (or, anonymously, a device token) can answer once.
 */
export async function submitResponse(actor: Actor | null, input: SubmitInput): Promise<{ id: string; created: boolean }> {
  const survey = await loadSurvey(input.slug);
  if (!survey || survey.status === "DRAFT") throw new NotFoundError();
  const draftOpen = !survey.draft || (survey.draft.status === "OPEN" && (!survey.draft.closesAt || survey.draft.closesAt > new Date()));
  if (survey.status !== "OPEN" || !draftOpen) {
    const earlier = await findByKey(survey.id, input.idempotencyKey);
    if (earlier) return { id: earlier.id, created: false };
    throw new ConflictError("surveyClosed");
  }
  if (!actor && !survey.allowAnonymous) throw new UnauthenticatedError();
  if (actor?.suspendedAt) throw new AppError("suspended");
  if (!actor) {
    if (!input.deviceToken) throw new AppError("deviceTokenRequired");
    if (input.clientAddress) await limitAnonymous(input.clientAddress);
  }

  const checked = validateAnswers(survey.definition, input.answers);
  if (!checked.ok) {
    const earlier = await findByKey(survey.id, input.idempotencyKey);
    if (earlier) return { id: earlier.id, created: false };
    throw new SurveyAnswersError(checked.errors);
  }
  const demo = actor ? null : ZDemographics.safeParse(Object.fromEntries(Object.entries(input.demographics ?? {}).filter(([k]) => survey.demographics.includes(k))));
  if (demo && !demo.success) throw new SurveyAnswersError({ country: "countryInvalid" });
  const profile = actor ? await prisma.user.findUnique({ where: { id: actor.id }, select: { stakeholderGroup: true, country: true } }) : null;

  const id = randomUUID();
  const rows = checked.rows;
  try {
    await prisma.$executeRaw`
      WITH response AS (
        INSERT INTO "SurveyResponse" (id, "surveyId", "userId", "deviceToken", "idempotencyKey", "stakeholderGroup", country, "ageBand", gender, education, language, "definitionVersion")
        VALUES (${id}, ${survey.id}, ${actor?.id ?? null}, ${actor ? null : (input.deviceToken ?? null)}, ${input.idempotencyKey},
                ${profile?.stakeholderGroup ?? demo?.data?.group ?? null}::"StakeholderGroup", ${profile?.country ?? demo?.data?.country ?? null},
                ${demo?.data?.ageBand ?? null}, ${demo?.data?.gender ?? null}, ${demo?.data?.education ?? null}, ${input.language ?? "en"}, ${survey.definitionVersion})
        RETURNING id)
      INSERT INTO "SurveyAnswer" (id, "responseId", "surveyId", "questionId", option, rank, number, text)
      SELECT response.id || '-' || a.k, response.id, ${survey.id}, a.q, a.o, a.r, a.n, a.t
      FROM response, unnest(
        ${rows.map((_, k) => String(k))}::text[], ${rows.map((r) => r.questionId)}::text[], ${rows.map((r) => r.option ?? null)}::text[],
        ${rows.map((r) => r.rank ?? null)}::int[], ${rows.map((r) => r.number ?? null)}::float8[], ${rows.map((r) => r.text ?? null)}::text[]
      ) AS a(k, q, o, r, n, t)`;
    return { id, created: true };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const again = await findByKey(survey.id, input.idempotencyKey);
      if (again) return { id: again.id, created: false };
      throw new ConflictError("alreadyAnswered");
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  // Raw statements report the PostgreSQL code (23505) in the message.
  return /\b23505\b|unique constraint/i.test(String((error as { message?: string })?.message ?? ""));
}
