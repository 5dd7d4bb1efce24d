import "server-only";
import { can, type Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ZDefinition, ZTranslations, type Definition } from "./definition";

const surveySelect = {
  id: true,
  organisationId: true,
  slug: true,
  title: true,
  description: true,
  titleI18n: true,
  descriptionI18n: true,
  status: true,
  allowAnonymous: true,
  publicResults: true,
  demographics: true,
  definition: true,
  definitionVersion: true,
  createdAt: true,
  organisation: { select: { slug: true, name: true } },
  draft: { select: { reference: true, title: true, status: true, closesAt: true } },
} as const;

/** A survey as a respondent sees it; an unpublished one only for its organisation's editors (preview). */
export async function getSurveyForAnswering(slug: string, actor: Actor | null) {
  const survey = await prisma.survey.findUnique({ where: { slug }, select: surveySelect });
  if (!survey) return null;
  const canEdit = can(actor, "survey.manage", { organisationId: survey.organisationId });
  if (survey.status === "DRAFT" && !canEdit) return null;
  const definition: Definition = ZDefinition.parse(survey.definition);
  const open = survey.status === "OPEN" && (!survey.draft || (survey.draft.status === "OPEN" && (!survey.draft.closesAt || survey.draft.closesAt > new Date())));
  return { ...survey, titleI18n: ZTranslations.parse(survey.titleI18n ?? {}), descriptionI18n: ZTranslations.parse(survey.descriptionI18n ?? {}), definition, canEdit, open };
}
export type AnsweringSurvey = NonNullable<Awaited<ReturnType<typeof getSurveyForAnswering>>>;

export async function getSurveyForEditing(id: string, actor: Actor | null) {
  const survey = await prisma.survey.findUnique({ where: { id }, select: surveySelect });
  if (!survey || !can(actor, "survey.manage", { organisationId: survey.organisationId })) return null;
  return { ...survey, titleI18n: ZTranslations.parse(survey.titleI18n ?? {}), descriptionI18n: ZTranslations.parse(survey.descriptionI18n ?? {}), definition: ZDefinition.parse(survey.definition) };
}

/** A survey's parsed questions (for reading the answer form's fields), or null when there is no such survey. */
export async function getSurveyDefinition(slug: string): Promise<Definition | null> {
  const survey = await prisma.survey.findUnique({ where: { slug }, select: { definition: true } });
  return survey ? ZDefinition.parse(survey.definition) : null;
}

/** Whether the actor may read the survey's results (public results, or survey.viewResults) and review held answers. */
export function resultsAccess(actor: Actor | null, survey: { organisationId: string; publicResults: boolean }) {
  const staff = can(actor, "survey.viewResults", { organisationId: survey.organisationId });
  return { canView: staff || survey.publicResults, canExport: staff, canReview: can(actor, "survey.reviewHeld", { organisationId: survey.organisationId }) };
}

/** Whether this account (or anonymous device) has already answered. */
export async function hasAnswered(surveyId: string, actor: Actor | null, deviceToken: string | null): Promise<boolean> {
  if (actor) return (await prisma.surveyResponse.count({ where: { surveyId, userId: actor.id } })) > 0;
  if (deviceToken) return (await prisma.surveyResponse.count({ where: { surveyId, deviceToken } })) > 0;
  return false;
}

/** Published surveys (open or closed), newest first, for the API and the organisation pages. */
export async function listPublicSurveys(options: { organisationId?: string; page?: number; pageSize?: number } = {}) {
  const page = options.page ?? 1;
  const pageSize = options.pageSize ?? 20;
  const where = { status: { in: ["OPEN" as const, "CLOSED" as const] }, ...(options.organisationId ? { organisationId: options.organisationId } : {}) };
  const [items, total] = await Promise.all([
    prisma.survey.findMany({ where, select: { slug: true, title: true, description: true, titleI18n: true, descriptionI18n: true, status: true, allowAnonymous: true, publicResults: true, organisation: { select: { slug: true, name: true } }, draft: { select: { reference: true } }, createdAt: true }, orderBy: { createdAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
    prisma.survey.count({ where }),
  ]);
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The organisation's surveys for its editors, drafts included. */
export async function listOrganisationSurveys(organisationId: string, actor: Actor | null) {
  const editor = can(actor, "survey.manage", { organisationId });
  return prisma.survey.findMany({
    where: { organisationId, ...(editor ? {} : { status: { in: ["OPEN", "CLOSED"] } }) },
    select: { id: true, slug: true, title: true, titleI18n: true, status: true, allowAnonymous: true, draft: { select: { reference: true } } },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}

/** Published surveys attached to a draft, for its page. */
export async function listDraftSurveys(draftId: string) {
  return prisma.survey.findMany({ where: { draftId, status: { in: ["OPEN", "CLOSED"] } }, select: { slug: true, title: true, titleI18n: true, status: true }, orderBy: { createdAt: "asc" }, take: 10 });
}
