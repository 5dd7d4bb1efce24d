import "server-only";
import { randomBytes } from "node:crypto";
import { assertCan } from "@/lib/authz/assert-can";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { FieldError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZDefinition } from "./definition";
import { forgetCachedSurvey } from "./submit-response";

function slugify(title: string): string {
  const base = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "survey";
  return `${base}-${randomBytes(2).toString("hex")}`;
}

/** An editor starts a survey: standalone (a permanent input mechanism) or attached to one of the organisation's drafts. */
export async function createSurvey(actor: Actor | null, input: { organisationId: string; title: string; draftReference: string; permanent: boolean }) {
  assertCan(actor, "survey.manage", { organisationId: input.organisationId });
  let draftId: string | null = null;
  if (input.draftReference) {
    const draft = await prisma.draft.findUnique({ where: { reference: input.draftReference }, select: { id: true, organisationId: true } });
    if (!draft || draft.organisationId !== input.organisationId) throw new FieldError("draftReference", "draftUnknown");
    draftId = draft.id;
  }
  return prisma.survey.create({
    data: { organisationId: input.organisationId, draftId, slug: slugify(input.title), title: input.title, allowAnonymous: input.permanent && !draftId },
    select: { id: true, slug: true },
  });
}

async function loadForEditing(tx: Prisma.TransactionClient, actor: Actor | null, surveyId: string) {
  const survey = await tx.survey.findUnique({ where: { id: surveyId }, select: { id: true, organisationId: true, definition: true, definitionVersion: true, slug: true } });
  if (!survey) throw new NotFoundError();
  assertCan(actor, "survey.manage", { organisationId: survey.organisationId });
  return survey;
}

/** Saves the builder's work. Changing the questions of a survey that has answers bumps its definition version. */
export async function saveSurvey(
  actor: Actor | null,
  input: { surveyId: string; title: string; description: string; allowAnonymous: boolean; publicResults: boolean; demographics: string[]; definition: string },
) {
  let raw: unknown;
  try {
    raw = JSON.parse(input.definition);
  } catch {
    throw new FieldError("definition", "definitionInvalid");
  }
  const parsed = ZDefinition.safeParse(raw);
  if (!parsed.success) throw new FieldError("definition", parsed.error.issues[0]?.message ?? "definitionInvalid");
  return prisma.$transaction(async (tx) => {
    const survey = await loadForEditing(tx, actor, input.surveyId);
    const changed = JSON.stringify(survey.definition) !== JSON.stringify(parsed.data);
    const answered = changed ? (await tx.surveyResponse.count({ where: { surveyId: survey.id }, take: 1 })) > 0 : false;
    await tx.survey.update({
      where: { id: survey.id },
      data: {
        title: input.title,
        description: input.description,
        allowAnonymous: input.allowAnonymous,
        publicResults: input.publicResults,
        demographics: input.demographics,
        definition: parsed.data,
        ...(answered ? { definitionVersion: survey.definitionVersion + 1 } : {}),
      },
    });
    forgetCachedSurvey(survey.slug);
    return { slug: survey.slug };
  });
}

export async function setSurveyStatus(actor: Actor | null, input: { surveyId: string; status: "OPEN" | "CLOSED" }) {
  return prisma.$transaction(async (tx) => {
    const survey = await loadForEditing(tx, actor, input.surveyId);
    if (input.status === "OPEN" && ZDefinition.parse(survey.definition).length === 0) throw new FieldError("definition", "noQuestions");
    await tx.survey.update({ where: { id: survey.id }, data: { status: input.status } });
    forgetCachedSurvey(survey.slug);
    return { slug: survey.slug };
  });
}
