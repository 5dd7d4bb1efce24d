import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Short bounds for this file, read when the client is first imported.
process.env.DATABASE_LOCK_TIMEOUT_MS = "300";
process.env.DATABASE_STATEMENT_TIMEOUT_MS = "1000";

let m: {
  prisma: typeof import("./client").prisma;
  errors: typeof import("./errors");
  drafts: typeof import("@/app/api/v1/drafts/[ref]/route");
};
let holder: pg.Client;

beforeAll(async () => {
  m = { prisma: (await import("./client")).prisma, errors: await import("./errors"), drafts: await import("@/app/api/v1/drafts/[ref]/route") };
  holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await holder.connect();
});

afterAll(async () => {
  await holder?.end();
  await m?.prisma.$disconnect();
});

describe("bounded database time", () => {
  it("answers 503 + Retry-After while a table lock is held, instead of waiting for the lock", async () => {
    await holder.query("BEGIN");
    await holder.query(`LOCK TABLE "Draft" IN ACCESS EXCLUSIVE MODE`);
    try {
      // The lock is held until this request has its answer: only lock_timeout can end the wait.
      const response = await m.drafts.GET(new Request("http://localhost/api/v1/drafts/NO-RFC-2026-001"), { params: Promise.resolve({ ref: "NO-RFC-2026-001" }) });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toMatchObject({ error: { code: "database_unavailable", message: expect.any(String) } });
      const direct = await m.prisma.draft.count().catch((e: unknown) => e);
      expect(m.errors.isDatabaseUnavailable(direct)).toBe(true);
    } finally {
      await holder.query("ROLLBACK");
    }
    // Once the lock is gone the same query works again on the same pool.
    expect(await m.prisma.comment.count()).toBeGreaterThanOrEqual(0);
  });

  it("cancels a statement that runs past statement_timeout and classifies it as unavailable", async () => {
    const error = await m.prisma.$queryRaw`SELECT pg_sleep(5)`.catch((e: unknown) => e);
    expect(JSON.stringify((error as { meta?: unknown }).meta)).toContain("57014");
    expect(m.errors.isDatabaseUnavailable(error)).toBe(true);
  });

  it("does not classify ordinary errors as unavailable", async () => {
    const duplicate = await m.prisma.$executeRaw`SELECT 1/0`.catch((e: unknown) => e);
    expect(m.errors.isDatabaseUnavailable(duplicate)).toBe(false);
    expect(m.errors.isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(m.errors.isDatabaseUnavailable(new m.errors.DatabaseUnavailableError())).toBe(true);
  });
});
