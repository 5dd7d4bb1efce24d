import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { NotFoundError } from "@/lib/errors";
import { ZTranslations } from "./definition";
import { getSurveyForAnswering, listPublicSurveys } from "./queries";

/** GET /api/v1/surveys: a page of published surveys (shape: ZApiSurveyList-like `{data, page, pageSize, total, pageCount}`). */
export async function apiListSurveys(page: number) {
  const result = await listPublicSurveys({ page });
  return {
    data: result.items.map((s) => ({ slug: s.slug, title: s.title, description: s.description, titleTranslations: ZTranslations.parse(s.titleI18n ?? {}), descriptionTranslations: ZTranslations.parse(s.descriptionI18n ?? {}), status: s.status, allowAnonymous: s.allowAnonymous, publicResults: s.publicResults, organisation: s.organisation, draft: s.draft?.reference ?? null, createdAt: s.createdAt.toISOString() })),
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    pageCount: result.pageCount,
  };
}

/**
 * GET /api/v1/surveys/{slug}: the survey and its questions (shape: ZApiSurvey).
 * @throws NotFoundError for an unknown, unpublished or unreadable survey.
 */
export async function apiGetSurvey(slug: string, actor: Actor | null) {
  const survey = await getSurveyForAnswering(slug, actor);
  if (!survey || survey.status === "DRAFT") throw new NotFoundError();
  return {
    slug: survey.slug,
    title: survey.title,
    description: survey.description,
    titleTranslations: survey.titleI18n,
    descriptionTranslations: survey.descriptionI18n,
    status: survey.status,
    open: survey.open,
    allowAnonymous: survey.allowAnonymous,
    demographics: survey.demographics,
    organisation: survey.organisation,
    draft: survey.draft?.reference ?? null,
    questions: survey.definition,
  };
}
