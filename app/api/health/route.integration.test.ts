import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { GET } from "./route";

afterAll(() => prisma.$disconnect());

describe("GET /api/health", () => {
  it("answers 200 with the database mode of this run", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: process.env.PARLEY_DB_MODE });
  });
});
