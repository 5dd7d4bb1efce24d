import { endpoints } from "@/lib/api/endpoints";
import { apiOpenData } from "@/lib/discussion/api";
import { apiRoute } from "@/lib/http/api-route";

/** GET /api/v1/drafts/{ref}/open-data?format=json|csv|polis-comments|polis-votes — the open-data download. */
export const GET = apiRoute(endpoints.getOpenData, async ({ params, query, actor }) => apiOpenData(params.ref, actor, query.format));
