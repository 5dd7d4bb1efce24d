import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/http/api-route";
import { submitResponse } from "@/lib/surveys/submit-response";

/**
 * POST /api/v1/surveys/{slug}/responses — {"answers": {questionId: value}, "demographics"?: {...}}
 * with an Idempotency-Key header: 201 with the response id and its tracking number; the same key
 * again returns the same body.
 * Anonymous respondents (where allowed) send X-Device-Token.
 */
export const POST = apiRoute(endpoints.submitSurveyResponse, async ({ params, headers, body, actor, clientAddress }) => {
  const result = await submitResponse(actor, {
    slug: params.slug,
    idempotencyKey: headers["idempotency-key"],
    answers: body.answers,
    demographics: body.demographics,
    deviceToken: headers["x-device-token"] ?? null,
    language: body.language,
    clientAddress,
  });
  // A retried key gets exactly the first answer again (same status, same body).
  return { status: 201, body: { id: result.id, trackingNumber: result.trackingNumber } };
});
