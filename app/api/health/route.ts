import { checkHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and uptime checks. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
