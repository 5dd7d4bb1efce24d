import { afterAll, beforeAll, describe, expect, it } from "vitest";

// This file's modules see a database that is down (nothing listens on port 9 of loopback).
beforeAll(() => {
  process.env.DATABASE_URL = "postgresql://postgres@127.0.0.1:9/parley?connect_timeout=1";
  process.env.PARLEY_DB_MODE = "postgres";
});

let disconnect: (() => Promise<void>) | undefined;
afterAll(() => disconnect?.());

describe("GET /api/health with the database down", () => {
  it("answers 503 and names the database mode", async () => {
    const { GET } = await import("@/app/api/health/route");
    disconnect = (await import("./client")).prisma.$disconnect;
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", database: "postgres" });
  });
});
