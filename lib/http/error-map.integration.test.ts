// The error map turns a real "database unreachable" failure into 503 + Retry-After with a JSON body
// in the caller's language, and the edge's own refusals into their statuses.
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { ConflictError, RateLimitedError, ValidationError } from "@/lib/errors";
import { errorResponse } from "./api-route";
import { mapError } from "./error-map";

describe("the error map", () => {
  it("answers 503 with Retry-After when PostgreSQL cannot be reached", async () => {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 2000 }) });
    const failure = await unreachable.user.count().then(
      () => null,
      (error: unknown) => error,
    );
    await unreachable.$disconnect().catch(() => undefined);
    expect(failure).not.toBeNull();
    expect(mapError(failure)).toMatchObject({ status: 503, code: "database_unavailable" });
    const response = await errorResponse(new Request("http://localhost/api/v1/drafts", { headers: { "accept-language": "es" } }), failure);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("database_unavailable");
    expect(body.error.message).toContain("Parley no está disponible");
  });

  it("maps domain errors to their statuses, with Retry-After on 429", async () => {
    expect(mapError(new ConflictError("draftNotOpen"))).toMatchObject({ status: 409, code: "draftNotOpen" });
    expect(mapError(new ValidationError({ body: "required" }))).toMatchObject({ status: 422, fields: { body: "required" } });
    const limited = await errorResponse(new Request("http://localhost/x"), new RateLimitedError(42.3));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("43");
    expect(mapError(new Error("a bug"))).toMatchObject({ status: 500, code: "unexpected" });
  });
});
