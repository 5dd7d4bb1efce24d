import { endpoints } from "@/lib/api/endpoints";
import { apiRoute } from "@/lib/http/api-route";
import { apiGetSurvey } from "@/lib/surveys/api";

/** GET /api/v1/surveys/{slug} — the survey and its questions (ids, types, options, translations, skip logic). */
export const GET = apiRoute(endpoints.getSurvey, async ({ params, actor }) => ({ body: await apiGetSurvey(params.slug, actor) }));
