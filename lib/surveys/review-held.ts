import "server-only";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { forgetCachedResults } from "./results";
import type { TReviewHeldInput } from "./schemas";

/** How many answers to this survey wait for review (held past the per-address soft threshold). */
export async function countHeldResponses(surveyId: string): Promise<number> {
  return prisma.surveyResponse.count({ where: { surveyId, status: "HELD" } });
}

/**
 * The oldest held answers (at most `take`), with their answers, for a survey manager's review.
 * @throws ForbiddenError without survey.reviewHeld on the survey's organisation.
 */
export async function listHeldResponses(actor: Actor | null, surveyId: string, take = 20) {
  const survey = await prisma.survey.findUnique({ where: { id: surveyId }, select: { organisationId: true } });
  if (!survey) throw new NotFoundError();
  assertCan(actor, "survey.reviewHeld", { organisationId: survey.organisationId });
  return prisma.surveyResponse.findMany({
    where: { surveyId, status: "HELD" },
    select: { id: true, createdAt: true, country: true, language: true, answers: { select: { questionId: true, option: true, number: true, text: true, rank: true } } },
    orderBy: { createdAt: "asc" },
    take,
  });
}

/**
 * Accepts or rejects held answers (one by id, or all of them), in one statement: accepted answers
 * become COUNTED and their tallies are incremented by exactly what they add; rejected ones stay
 * stored (REJECTED) and never count. An answer another reviewer decided meanwhile is skipped.
 *
 * @returns how many answers this call decided, and the survey's slug.
 * @throws NotFoundError (no survey), ForbiddenError without survey.reviewHeld.
 */
export async function decideHeldResponses(actor: Actor | null, input: TReviewHeldInput): Promise<{ decided: number; slug: string }> {
  const survey = await prisma.survey.findUnique({ where: { id: input.surveyId }, select: { id: true, slug: true, organisationId: true } });
  if (!survey) throw new NotFoundError();
  assertCan(actor, "survey.reviewHeld", { organisationId: survey.organisationId });
  const only = input.responseId ? Prisma.sql`AND id = ${input.responseId}` : Prisma.empty;
  if (input.decision === "reject") {
    const decided = await prisma.$executeRaw`UPDATE "SurveyResponse" SET status = 'REJECTED' WHERE "surveyId" = ${survey.id} AND status = 'HELD' ${only}`;
    forgetCachedResults(survey.id);
    return { decided, slug: survey.slug };
  }
  const [row] = await prisma.$queryRaw<{ decided: number }[]>`
    WITH accepted AS (
      UPDATE "SurveyResponse" SET status = 'COUNTED' WHERE "surveyId" = ${survey.id} AND status = 'HELD' ${only}
      RETURNING id, "createdAt", coalesce("stakeholderGroup"::text, '') AS g, coalesce(country, '') AS c, coalesce("ageBand", '') AS a, coalesce(gender, '') AS s, coalesce(education, '') AS e
    ), response_tally AS (
      INSERT INTO "SurveyResponseTally" ("surveyId", day, "stakeholderGroup", country, "ageBand", gender, education, shard, n)
      SELECT ${survey.id}, "createdAt"::date, g, c, a, s, e, 0, count(*) FROM accepted GROUP BY 2, 3, 4, 5, 6, 7
      ON CONFLICT ("surveyId", day, "stakeholderGroup", country, "ageBand", gender, education, shard) DO UPDATE SET n = "SurveyResponseTally".n + excluded.n
    ), answer_tally AS (
      INSERT INTO "SurveyAnswerTally" ("surveyId", "questionId", value, option, number, "stakeholderGroup", country, "ageBand", gender, education, shard, n, "rankSum")
      SELECT ${survey.id}, x."questionId", coalesce(x.option, '#' || x.number::text), x.option, CASE WHEN x.option IS NULL THEN x.number END, r.g, r.c, r.a, r.s, r.e, 0, count(*), coalesce(sum(x.rank), 0)
      FROM accepted r JOIN "SurveyAnswer" x ON x."responseId" = r.id
      WHERE x.option IS NOT NULL OR x.number IS NOT NULL
      GROUP BY 2, 3, 4, 5, 6, 7, 8, 9, 10
      ON CONFLICT ("surveyId", "questionId", value, "stakeholderGroup", country, "ageBand", gender, education, shard)
      DO UPDATE SET n = "SurveyAnswerTally".n + excluded.n, "rankSum" = "SurveyAnswerTally"."rankSum" + excluded."rankSum"
    )
    SELECT count(*)::int AS decided FROM accepted`;
  forgetCachedResults(survey.id);
  return { decided: row?.decided ?? 0, slug: survey.slug };
}
