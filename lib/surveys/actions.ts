"use server";

import { randomUUID } from "node:crypto";
import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, FieldError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { formAction } from "@/lib/safe-action";
import { DEVICE_COOKIE } from "./device";
import { createSurvey, saveSurvey, setSurveyStatus } from "./manage-survey";
import { getSurveyDefinition } from "./queries";
import { decideHeldResponses } from "./review-held";
import { ZCreateSurveyInput, ZDeviceToken, ZReviewHeldInput, ZSaveSurveyInput, ZSubmitAnswerForm, ZSurveyStatusInput, type SurveyFormState } from "./schemas";
import { SurveyAnswersError, submitResponse } from "./submit-response";
import { answersFromForm } from "./validate-answers";

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

/** A survey manager or moderator accepts or rejects held answers (one, or all of them). */
export const reviewHeldAction = formAction(ZReviewHeldInput, { auth: "required" }, async (input, { user }) => {
  const { decided, slug } = await decideHeldResponses(user, input);
  revalidatePath(`/s/${slug}/results`);
  return { status: "success", message: input.decision === "accept" ? "heldAccepted" : "heldRejected", data: { decided: String(decided) } };
});

/**
 * The answer form's action (a plain POST, so it works without JavaScript). An anonymous respondent
 * gets a long-lived device cookie (a UUID; a malformed one is replaced); the hidden idempotency key
 * makes a double submit harmless.
 */
export async function submitSurveyAction(_prev: SurveyFormState, form: FormData): Promise<SurveyFormState> {
  const values: Record<string, string[]> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) (values[k] ??= []).push(v);
  const fields = ZSubmitAnswerForm.safeParse({ slug: form.get("slug") ?? "", idempotencyKey: form.get("idempotencyKey") ?? undefined, embed: form.get("embed") ?? undefined });
  if (!fields.success) return { status: "error", formError: "notFound", values };
  const { slug, idempotencyKey, embed } = fields.data;
  let receipt: string | null = null;
  try {
    const definition = await getSurveyDefinition(slug);
    if (!definition) return { status: "error", formError: "notFound", values };
    const user = await getCurrentUser();
    const jar = await cookies();
    let device = jar.get(DEVICE_COOKIE)?.value ?? null;
    if (!user && !ZDeviceToken.safeParse(device).success) {
      device = randomUUID();
      jar.set(DEVICE_COOKIE, device, { httpOnly: true, sameSite: "lax", maxAge: 60 * 60 * 24 * 365 * 2, path: "/" });
    }
    const demographics: Record<string, string> = {};
    for (const f of ["ageBand", "gender", "country", "group", "education"]) {
      const v = form.get(`demo_${f}`);
      if (typeof v === "string" && v) demographics[f] = v;
    }
    ({ trackingNumber: receipt } = await submitResponse(user, {
      slug,
      idempotencyKey: idempotencyKey || randomUUID(),
      answers: answersFromForm(definition, form),
      demographics,
      deviceToken: user ? null : device,
      language: await getLocale(),
      clientAddress: clientAddress(await headers()),
    }));
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof SurveyAnswersError) return { status: "error", errors: error.errors, values };
    if (error instanceof FieldError || error instanceof AppError) return { status: "error", formError: error.code, values };
    console.error("[surveys] unexpected error", error);
    return { status: "error", formError: "unexpected", values };
  }
  // Receipts: the thanks message shows the answer's tracking number (lib/receipts).
  redirect(`/s/${encodeURIComponent(slug)}${embed ? "/embed" : ""}?done=1${receipt ? `&receipt=${encodeURIComponent(receipt)}` : ""}`);
}
