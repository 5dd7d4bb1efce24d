import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, ConflictError, NotFoundError, RateLimitedError, UnauthenticatedError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZDefinition } from "./definition";
import { ZDemographics } from "./demographics";
import { validateAnswers, type AnswerErrors } from "./validate-answers";

/** Answers that do not fit the survey's current definition; `errors` is keyed by question id. */
export class SurveyAnswersError extends AppError {
  constructor(public readonly errors: AnswerErrors) {
    super("answersInvalid");
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
export async function submitResponse(actor: Actor | null, input: SubmitInput): Promise<{ id: string; created: boolean }> {
  const survey = await prisma.survey.findUnique({
    where: { slug: input.slug },
    select: { id: true, status: true, allowAnonymous: true, demographics: true, definition: true, definitionVersion: true, draft: { select: { status: true, closesAt: true } } },
  });
  if (!survey || survey.status === "DRAFT") throw new NotFoundError();
  const existing = await prisma.surveyResponse.findUnique({ where: { surveyId_idempotencyKey: { surveyId: survey.id, idempotencyKey: input.idempotencyKey } }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const draftOpen = !survey.draft || (survey.draft.status === "OPEN" && (!survey.draft.closesAt || survey.draft.closesAt > new Date()));
  if (survey.status !== "OPEN" || !draftOpen) throw new ConflictError("surveyClosed");
  if (!actor && !survey.allowAnonymous) throw new UnauthenticatedError();
  if (actor?.suspendedAt) throw new AppError("suspended");
  if (!actor) {
    if (!input.deviceToken) throw new AppError("deviceTokenRequired");
    if (input.clientAddress) await limitAnonymous(input.clientAddress);
  }

  const checked = validateAnswers(ZDefinition.parse(survey.definition), input.answers);
  if (!checked.ok) throw new SurveyAnswersError(checked.errors);
  const demo = actor ? null : ZDemographics.safeParse(Object.fromEntries(Object.entries(input.demographics ?? {}).filter(([k]) => survey.demographics.includes(k))));
  if (demo && !demo.success) throw new SurveyAnswersError({ country: "countryInvalid" });

  try {
    return await prisma.$transaction(async (tx) => {
      const profile = actor ? await tx.user.findUnique({ where: { id: actor.id }, select: { stakeholderGroup: true, country: true } }) : null;
      const response = await tx.surveyResponse.create({
        data: {
          surveyId: survey.id,
          userId: actor?.id ?? null,
          deviceToken: actor ? null : input.deviceToken,
          idempotencyKey: input.idempotencyKey,
          stakeholderGroup: profile?.stakeholderGroup ?? demo?.data?.group ?? null,
          country: profile?.country ?? demo?.data?.country ?? null,
          ageBand: demo?.data?.ageBand ?? null,
          gender: demo?.data?.gender ?? null,
          education: demo?.data?.education ?? null,
          language: input.language ?? "en",
          definitionVersion: survey.definitionVersion,
        },
        select: { id: true },
      });
      if (checked.rows.length)
        await tx.surveyAnswer.createMany({ data: checked.rows.map((r) => ({ responseId: response.id, surveyId: survey.id, questionId: r.questionId, option: r.option ?? null, rank: r.rank ?? null, number: r.number ?? null, text: r.text ?? null })) });
      return { id: response.id, created: true };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const again = await prisma.surveyResponse.findUnique({ where: { surveyId_idempotencyKey: { surveyId: survey.id, idempotencyKey: input.idempotencyKey } }, select: { id: true } });
      if (again) return { id: again.id, created: false };
      throw new ConflictError("alreadyAnswered");
    }
    throw error;
  }
}
