import { endpoints } from "@/lib/api/endpoints";
import { apiListDrafts } from "@/lib/drafts/api";
import { apiRoute } from "@/lib/http/api-route";

/** GET /api/v1/drafts — public consultations, paginated, with the same filters as /drafts. */
export const GET = apiRoute(endpoints.listDrafts, async ({ query }) => ({ body: await apiListDrafts(query) }));
