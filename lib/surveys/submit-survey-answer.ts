import "server-only";
import { apiActor } from "@/lib/api-tokens/api-tokens";
import { clientAddress } from "@/lib/http/client-address";
import { ConflictError, FieldError, NotFoundError, RateLimitedError, UnauthenticatedError } from "@/lib/errors";
import { ZIdempotencyKey, ZSubmitAnswerBody } from "./schemas";
import { SurveyAnswersError, submitResponse, type AnonymousLimits } from "./submit-response";

/** What the API answers: a status, a JSON body and headers (e.g. Retry-After). */
export type ApiOutcome = { status: number; body: unknown; headers?: Record<string, string> };

const error = (status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): ApiOutcome => ({
  status,
  body: { error: { code, message, ...extra } },
  ...(headers ? { headers } : {}),
});

/**
 * POST /api/v1/surveys/{slug}/responses as a use case: the route only sends what this returns.
 * 201 {id} (also for a retry of a stored answer, whatever the limits say now); 400 without an
 * Idempotency-Key; 401 anonymous where not allowed; 404 no such survey; 409 closed or already
 * answered; 422 bad body, device token or answers ({error:{code, message, fields?}}); 429 past the
 * hard per-address threshold, with Retry-After in seconds. Unexpected errors are thrown.
 */
export async function submitSurveyAnswer(request: Request, slug: string, limits?: AnonymousLimits): Promise<ApiOutcome> {
  const key = ZIdempotencyKey.safeParse(request.headers.get("idempotency-key") ?? "");
  if (!key.success) return error(400, "idempotency_key_required", "Send an Idempotency-Key header (1 to 100 characters).");
  const body = ZSubmitAnswerBody.safeParse(await request.json().catch(() => null));
  if (!body.success) return error(422, "answers_required", 'Send {"answers": {"<questionId>": value}} as JSON.');
  try {
    const result = await submitResponse(
      await apiActor(request),
      {
        slug,
        idempotencyKey: key.data,
        answers: body.data.answers,
        demographics: body.data.demographics,
        deviceToken: request.headers.get("x-device-token"),
        language: body.data.language ?? "en",
        clientAddress: clientAddress(request.headers),
      },
      limits,
    );
    // A retried key gets exactly the first answer again (same status, same body).
    return { status: 201, body: { id: result.id } };
  } catch (e) {
    if (e instanceof SurveyAnswersError) return error(422, "answers_invalid", "Some answers do not fit the survey.", { fields: e.errors });
    if (e instanceof FieldError && e.field === "deviceToken")
      return error(422, e.code === "deviceTokenRequired" ? "device_token_required" : "device_token_invalid", "Send X-Device-Token: a UUID (36 characters) kept by the respondent's device.");
    if (e instanceof RateLimitedError)
      return error(429, "rate_limited", `Too many answers from your network to this survey; try again in ${e.retryAfterSeconds} seconds.`, {}, { "retry-after": String(e.retryAfterSeconds) });
    if (e instanceof UnauthenticatedError) return error(401, "unauthenticated", "This survey takes answers from signed-in people: sign in or send a personal API token.");
    if (e instanceof NotFoundError) return error(404, "not_found", "No such survey.");
    if (e instanceof ConflictError)
      return error(409, e.code === "surveyClosed" ? "survey_closed" : "already_answered", e.code === "surveyClosed" ? "This survey is closed." : "You have already answered this survey.");
    throw e;
  }
}
