import "server-only";
import { AppError, ConflictError, FieldError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { databaseRetryAfterSeconds, isDatabaseUnavailable } from "@/lib/db/errors";
import { apiError } from "./respond";

/** Domain errors as API responses: { error: { code, message, field? } } with the fitting status. */
export function apiErrorFrom(error: unknown): Response {
  if (error instanceof UnauthenticatedError) return apiError(401, "unauthenticated", "Sign in, or send a personal API token as Authorization: Bearer.");
  if (error instanceof NotFoundError) return apiError(404, "not_found", "No such resource.");
  if (error instanceof ForbiddenError) return apiError(403, "forbidden", "You may not do that.");
  if (error instanceof FieldError) return Response.json({ error: { code: error.code, message: `Invalid ${error.field}.`, field: error.field } }, { status: 422 });
  if (error instanceof ConflictError) return apiError(409, error.code, "Not possible in the current state.");
  if (error instanceof AppError) return apiError(403, error.code, "Not allowed.");
  if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
  console.error("[api] unexpected error", error);
  return apiError(500, "unexpected", "Something went wrong on our side.");
}

export function validationError(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Response {
  return Response.json(
    { error: { code: "invalid_input", message: "Some fields are invalid.", fields: Object.fromEntries(issues.map((i) => [String(i.path[0] ?? "_"), i.message])) } },
    { status: 422 },
  );
}

/**
 * 503 with Retry-After (seconds) and a JSON body, for a database that is down, restarting or too slow
 * (lib/db/errors.ts isDatabaseUnavailable): clients retry later, with their idempotency keys.
 */
export function databaseUnavailableResponse(): Response {
  const retryAfter = databaseRetryAfterSeconds();
  return Response.json(
    { error: { code: "database_unavailable", message: "The service is briefly unavailable. Please retry shortly.", retryAfterSeconds: retryAfter } },
    { status: 503, headers: { "retry-after": String(retryAfter), "cache-control": "no-store", "access-control-allow-origin": "*" } },
  );
}
