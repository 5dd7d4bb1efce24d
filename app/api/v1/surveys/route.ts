import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/http/api-route";
import { apiListSurveys } from "@/lib/surveys/api";

/** GET /api/v1/surveys — published surveys, newest first. */
export const GET = apiRoute(endpoints.listSurveys, async ({ query }) => ({ body: await apiListSurveys(query.page) }));
