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
