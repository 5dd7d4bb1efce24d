import { readinessResponse } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Readiness (kept at its original address): 200 when the database answers, else 503 + Retry-After. */
export async function GET() {
  return readinessResponse();
}
