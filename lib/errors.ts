/** Typed domain errors. Their `code` is a message-catalog key under "errors". */
export class AppError extends Error {
  constructor(
    public readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = new.target.name;
  }
}
export class NotFoundError extends AppError {
  constructor(message?: string) {
    super("notFound", message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message?: string) {
    super("forbidden", message);
  }
}
export class UnauthenticatedError extends AppError {
  constructor() {
    super("unauthenticated");
  }
}
export class RateLimitedError extends AppError {
  constructor(public readonly retryAfterSeconds: number) {
    super("rateLimited");
  }
}
/** A problem with one field that only the server can see (a reference already taken, …). */
export class FieldError extends AppError {
  constructor(
    public readonly field: string,
    code: string,
  ) {
    super(code);
  }
}
/** The action does not fit the draft's current state (e.g. publishing a version of a closed draft). */
export class ConflictError extends AppError {
  constructor(code = "conflict") {
    super(code);
  }
}
/** Input that fails its schema, found outside a zod parse (an API body that is not an object, …). */
export class ValidationError extends AppError {
  constructor(
    public readonly fields: Record<string, string> = {},
    code = "invalidInput",
  ) {
    super(code);
  }
}
/** The request body is larger than the route accepts. */
export class PayloadTooLargeError extends AppError {
  constructor(public readonly maxBytes: number) {
    super("payloadTooLarge");
  }
}
/** The request body is not JSON (by its Content-Type), or an upload's bytes are not an accepted file type. */
export class UnsupportedMediaTypeError extends AppError {
  constructor(code = "unsupportedMediaType") {
    super(code);
  }
}
/** A path segment, query value or header with bytes no valid request has (NUL, invalid UTF-8, over-long). */
export class BadRequestError extends AppError {
  constructor(code = "badRequest") {
    super(code);
  }
}
/** PostgreSQL is unreachable or a statement/lock timed out: try again shortly. */
export class DatabaseUnavailableError extends AppError {
  constructor(public readonly retryAfterSeconds = 5) {
    super("databaseUnavailable");
  }
}
