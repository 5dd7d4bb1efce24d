import { apiErrorFrom } from "@/lib/api/errors";
import { submitSurveyAnswer } from "@/lib/surveys/submit-survey-answer";

/**
 * POST /api/v1/surveys/{slug}/responses — {"answers": {questionId: value}, "demographics"?: {...}}
 * with an Idempotency-Key header: 201 with the response id; the same key again returns the same body.
 * Anonymous respondents (where allowed) send X-Device-Token. Statuses: see submitSurveyAnswer.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const outcome = await submitSurveyAnswer(request, (await params).slug);
    return Response.json(outcome.body, { status: outcome.status, headers: { "access-control-allow-origin": "*", "cache-control": "no-store", ...outcome.headers } });
  } catch (error) {
    return apiErrorFrom(error);
  }
}
