import { readinessResponse } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Readiness, for load balancers: 200 { status, database } when the database answers within 3 s, else 503. */
export async function GET() {
  return readinessResponse();
}
