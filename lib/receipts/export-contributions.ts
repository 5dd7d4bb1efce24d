import "server-only";
import { getCurrentUser } from "@/lib/auth/current-user";
import { exportMyContributions } from "./list-contributions";
import { ZContributionsQuery } from "./schemas";

/**
 * The JSON export of the signed-in participant's own contributions (an attachment), optionally of
 * one consultation (?consultation=REF). Anyone else: 401 with no body beyond the error code.
 */
export async function exportContributionsResponse(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: { code: "unauthenticated" } }, { status: 401, headers: { "cache-control": "no-store" } });
  const query = ZContributionsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const data = await exportMyContributions(user.id, query.consultation);
  const name = `parley-contributions${query.consultation ? `-${query.consultation.toLowerCase()}` : ""}.json`;
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
