import "server-only";
import {
  AppError,
  BadRequestError,
  ConflictError,
  DatabaseUnavailableError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/db/errors";

type ErrorClass = abstract new (...args: never[]) => AppError;

/**
 * The one table from domain error classes to HTTP statuses and the stable `code` the API returns.
 * Order matters: the first class an error is an instance of wins (subclasses before AppError).
 * A plain AppError (suspended, banned, …) is a refusal: 403 with its own code.
 */
export const errorStatusTable: ReadonlyArray<{ error: ErrorClass; status: number; code: string | null }> = [
  { error: BadRequestError, status: 400, code: null },
  { error: UnauthenticatedError, status: 401, code: "unauthenticated" },
  { error: ForbiddenError, status: 403, code: "forbidden" },
  { error: NotFoundError, status: 404, code: "not_found" },
  { error: ConflictError, status: 409, code: null },
  { error: PayloadTooLargeError, status: 413, code: "payload_too_large" },
  { error: UnsupportedMediaTypeError, status: 415, code: "unsupported_media_type" },
  { error: ValidationError, status: 422, code: null },
  { error: FieldError, status: 422, code: null },
  { error: RateLimitedError, status: 429, code: "rate_limited" },
  { error: DatabaseUnavailableError, status: 503, code: "database_unavailable" },
  { error: AppError, status: 403, code: null },
];

/** Every status the edge itself can produce, for the OpenAPI document. */
export const edgeStatuses = [400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503] as const;

export type MappedError = {
  status: number;
  /** Stable machine-readable code (snake_case for edge errors, the domain's catalog key otherwise). */
  code: string;
  /** Catalog key under `errors` for the human message. */
  messageKey: string;
  /** Seconds, for 429 and 503. */
  retryAfter?: number;
  /** Per-field catalog keys (validation). */
  fields?: Record<string, string>;
};

/**
 * Maps any thrown value to its HTTP answer. Unknown errors that mean "database unavailable"
 * (connection refused, statement/lock timeout) become 503 with Retry-After; anything else is a
 * 500 that the caller logs.
 */
export function mapError(error: unknown): MappedError {
  const appError = error instanceof AppError ? error : isDatabaseUnavailable(error) ? new DatabaseUnavailableError() : null;
  if (!appError) return { status: 500, code: "unexpected", messageKey: "unexpected" };
  const row = errorStatusTable.find((r) => appError instanceof r.error)!;
  const mapped: MappedError = { status: row.status, code: row.code ?? appError.code, messageKey: appError.code };
  if (appError instanceof RateLimitedError) mapped.retryAfter = Math.max(1, Math.ceil(appError.retryAfterSeconds));
  if (appError instanceof DatabaseUnavailableError) mapped.retryAfter = appError.retryAfterSeconds;
  if (appError instanceof ValidationError) mapped.fields = appError.fields;
  if (appError instanceof FieldError) mapped.fields = { [appError.field]: appError.code };
  if (appError instanceof UnauthenticatedError || appError instanceof NotFoundError || appError instanceof ForbiddenError) mapped.messageKey = appError.code;
  return mapped;
}
