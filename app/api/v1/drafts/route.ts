import { json } from "@/lib/api/respond";
import { apiListDrafts } from "@/lib/drafts/api";
import { ZDraftListQuery } from "@/lib/drafts/schemas";

/** GET /api/v1/drafts — public consultations, paginated, with the same filters as /drafts. */
export async function GET(request: Request) {
  const query = ZDraftListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await apiListDrafts(query));
}
