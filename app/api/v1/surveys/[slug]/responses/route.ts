import { apiActor } from "@/lib/api-tokens/api-tokens";
import { apiErrorFrom } from "@/lib/api/errors";
import { apiError, json } from "@/lib/api/respond";
import { clientAddress } from "@/lib/http/client-address";
import { SurveyAnswersError, submitResponse } from "@/lib/surveys/submit-response";

/**
 * POST /api/v1/surveys/{slug}/responses — {"answers": {questionId: value}, "demographics"?: {...}}
 * with an Idempotency-Key header: 201 with the response id; the same key again returns the same body.
 * Anonymous respondents (where allowed) send X-Device-Token.
 */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const key = request.headers.get("idempotency-key");
  if (!key || key.length > 100) return apiError(400, "idempotency_key_required", "Send an Idempotency-Key header (at most 100 characters).");
  try {
    const body = (await request.json().catch(() => null)) as { answers?: unknown; demographics?: unknown; language?: unknown } | null;
    if (!body || typeof body.answers !== "object" || body.answers === null || Array.isArray(body.answers)) return apiError(422, "answers_required", 'Send {"answers": {"<questionId>": value}}.');
    const result = await submitResponse(await apiActor(request), {
      slug: (await params).slug,
      idempotencyKey: key,
      answers: body.answers as Record<string, unknown>,
      demographics: typeof body.demographics === "object" && body.demographics ? (body.demographics as Record<string, unknown>) : {},
      deviceToken: request.headers.get("x-device-token"),
      language: typeof body.language === "string" ? body.language.slice(0, 5) : "en",
      clientAddress: clientAddress(request.headers),
    });
    // A retried key gets exactly the first answer again (same status, same body).
    return json({ id: result.id }, 201);
  } catch (error) {
    if (error instanceof SurveyAnswersError) return Response.json({ error: { code: "answers_invalid", message: "Some answers do not fit the survey.", fields: error.errors } }, { status: 422 });
    return apiErrorFrom(error);
  }
}
