import { json, notFoundJson } from "@/lib/api/respond";
import { apiActor } from "@/lib/api-tokens/api-tokens";
import { getSurveyForAnswering } from "@/lib/surveys/queries";

/** GET /api/v1/surveys/{slug} — the survey and its questions (ids, types, options, translations, skip logic). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const survey = await getSurveyForAnswering((await params).slug, await apiActor(request));
  if (!survey || survey.status === "DRAFT") return notFoundJson();
  return json({
    slug: survey.slug,
    title: survey.title,
    description: survey.description,
    status: survey.status,
    open: survey.open,
    allowAnonymous: survey.allowAnonymous,
    demographics: survey.demographics,
    organisation: survey.organisation,
    draft: survey.draft?.reference ?? null,
    questions: survey.definition,
  });
}
