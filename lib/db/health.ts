import "server-only";
import { databaseMode } from "@/lib/env";
import { prisma } from "./client";
import { databaseRetryAfterSeconds } from "./errors";

export type Health = { status: "ok" | "error"; database: "embedded" | "postgres" };

/** Whether the database answers `SELECT 1` within `timeoutMs` (ms; the first call also opens the pool). Never throws. */
export async function checkHealth(timeoutMs = 3_000): Promise<Health> {
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), timeoutMs).unref()),
    ]);
    return { status: "ok", database: databaseMode };
  } catch (error) {
    console.warn("[health] database not ready:", (error as Error)?.message ?? error);
    return { status: "error", database: databaseMode };
  }
}

/** GET /api/health and /api/health/ready: 200 { status: "ok", database } or 503 { status: "error", database } + Retry-After. */
export async function readinessResponse(): Promise<Response> {
  const health = await checkHealth();
  const ok = health.status === "ok";
  return Response.json(health, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store", ...(ok ? {} : { "Retry-After": String(databaseRetryAfterSeconds()) }) } });
}
