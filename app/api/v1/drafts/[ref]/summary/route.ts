import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/http/api-route";
import { apiGetPublishedSummary } from "@/lib/summaries/api";

/** GET /api/v1/drafts/{ref}/summary[?version=N] — the published summary of responses. */
export const GET = apiRoute(endpoints.getDraftSummary, async ({ params, query, actor }) => ({ body: await apiGetPublishedSummary(params.ref, actor, query.version) }));
