import { getCurrentUser } from "@/lib/auth/current-user";
import { openDataResponse } from "@/lib/discussion/open-data";

type Ctx = { params: Promise<{ ref: string }> };

/** Open data: every published comment and reply as CSV (lib/discussion/open-data.ts); 404 until opened or closed. */
export async function GET(_request: Request, { params }: Ctx) {
  return (await openDataResponse(decodeURIComponent((await params).ref), await getCurrentUser(), "comments.csv")) ?? new Response("Not found", { status: 404 });
}
