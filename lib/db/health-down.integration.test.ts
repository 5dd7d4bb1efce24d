import { afterAll, beforeAll, describe, expect, it } from "vitest";

// This file's modules see a database that is down (nothing listens on port 9 of loopback).
beforeAll(() => {
  process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:9/parley?connect_timeout=1";
  process.env.PARLEY_DB_MODE = "postgres";
});

let disconnect: (() => Promise<void>) | undefined;
afterAll(() => disconnect?.());

describe("with the database down", () => {
  it("GET /api/health and /api/health/ready answer 503 naming the database mode; /api/health/live answers 200", async () => {
    const { GET } = await import("@/app/api/health/route");
    disconnect = (await import("./client")).prisma.$disconnect;
    const response = await GET();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ status: "error", database: "postgres" });
    const ready = await (await import("@/app/api/health/ready/route")).GET();
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "error", database: "postgres" });
    const live = (await import("@/app/api/health/live/route")).GET();
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
  });

  it("the API answers 503 with Retry-After and a JSON body, not 500", async () => {
    const { GET } = await import("@/app/api/v1/drafts/[ref]/route");
    const response = await GET(new Request("http://localhost/api/v1/drafts/NO-RFC-2026-001"), { params: Promise.resolve({ ref: "NO-RFC-2026-001" }) });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({ error: { code: "database_unavailable", message: expect.any(String) } });
  });
});
