/**
 * The tallies of a survey rebuilt from its counted responses, as one SQL script (used after bulk
 * loads that bypass the submission path, e.g. the 1,000,000-response benchmark, and by the
 * migration that introduced the tallies). Value encoding and demographic cells match
 * submit-response.ts: option id, or "#" and the number; "" = not stated. Everything lands in shard 0.
 *
 * @param surveyId the survey's id (embedded as a literal: callers pass ids they generated or read).
 */
export function rebuildTalliesSql(surveyId: string): string[] {
  if (!/^[A-Za-z0-9_-]+$/.test(surveyId)) throw new Error("surveyId must be an id");
  const id = `'${surveyId}'`;
  return [
    `DELETE FROM "SurveyResponseTally" WHERE "surveyId" = ${id}`,
    `DELETE FROM "SurveyAnswerTally" WHERE "surveyId" = ${id}`,
    `INSERT INTO "SurveyResponseTally" ("surveyId", day, "stakeholderGroup", country, "ageBand", gender, education, shard, n)
     SELECT "surveyId", "createdAt"::date, coalesce("stakeholderGroup"::text, ''), coalesce(country, ''), coalesce("ageBand", ''), coalesce(gender, ''), coalesce(education, ''), 0, count(*)
     FROM "SurveyResponse" WHERE "surveyId" = ${id} AND status = 'COUNTED' GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    `INSERT INTO "SurveyAnswerTally" ("surveyId", "questionId", value, option, number, "stakeholderGroup", country, "ageBand", gender, education, shard, n, "rankSum")
     SELECT a."surveyId", a."questionId", coalesce(a.option, '#' || a.number::text), a.option, CASE WHEN a.option IS NULL THEN a.number END,
            coalesce(r."stakeholderGroup"::text, ''), coalesce(r.country, ''), coalesce(r."ageBand", ''), coalesce(r.gender, ''), coalesce(r.education, ''), 0, count(*), coalesce(sum(a.rank), 0)
     FROM "SurveyAnswer" a JOIN "SurveyResponse" r ON r.id = a."responseId"
     WHERE a."surveyId" = ${id} AND r.status = 'COUNTED' AND (a.option IS NOT NULL OR a.number IS NOT NULL)
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
  ];
}
