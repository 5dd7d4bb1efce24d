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
