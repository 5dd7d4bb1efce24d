"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createSurvey, saveSurvey, setSurveyStatus } from "@/lib/surveys/manage-survey";
import { ZCreateSurveyInput, ZSaveSurveyInput, ZSurveyStatusInput } from "@/lib/surveys/schemas";
import { formAction } from "@/lib/safe-action";

export const createSurveyAction = formAction(ZCreateSurveyInput, { auth: "required" }, async (input, { user }) => {
  const survey = await createSurvey(user, input);
  redirect(`/surveys/${survey.id}/edit`);
});

export const saveSurveyAction = formAction(ZSaveSurveyInput, { auth: "required" }, async (input, { user }) => {
  const { slug } = await saveSurvey(user, input);
  revalidatePath(`/s/${slug}`);
  return { status: "success", message: "surveySaved" };
});

export const surveyStatusAction = formAction(ZSurveyStatusInput, { auth: "required" }, async (input, { user }) => {
  const { slug } = await setSurveyStatus(user, input);
  revalidatePath(`/s/${slug}`);
  revalidatePath(`/surveys/${input.surveyId}/edit`);
  return { status: "success", message: input.status === "OPEN" ? "surveyPublished" : "surveyClosed" };
});
