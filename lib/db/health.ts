import "server-only";
import { databaseMode } from "@/lib/env";
import { prisma } from "./client";

export type Health = { status: "ok" | "error"; database: "embedded" | "postgres" };

export async function checkHealth(timeoutMs = 2_000): Promise<Health> {
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), timeoutMs).unref()),
    ]);
    return { status: "ok", database: databaseMode };
  } catch {
    return { status: "error", database: databaseMode };
  }
}
