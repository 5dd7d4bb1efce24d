"use server";

import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getLocale } from "next-intl/server";
import { ZDefinition } from "@/lib/surveys/definition";
import { prisma } from "@/lib/db/client";
import { DEVICE_COOKIE } from "@/lib/surveys/device";
import { clientAddress } from "@/lib/http/client-address";
import { SurveyAnswersError, submitResponse } from "@/lib/surveys/submit-response";
import { answersFromForm } from "@/lib/surveys/validate-answers";

export type SurveyFormState = { status: "idle" | "error"; errors?: Record<string, string>; formError?: string; values?: Record<string, string[]> };

/**
 * The answer form's action (a plain POST, so it works without JavaScript). An anonymous respondent
 * gets a long-lived device cookie; the hidden idempotency key makes a double submit harmless.
 */
export async function submitSurveyAction(_prev: SurveyFormState, form: FormData): Promise<SurveyFormState> {
  const slug = String(form.get("slug") ?? "");
  const values: Record<string, string[]> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) (values[k] ??= []).push(v);
  const survey = await prisma.survey.findUnique({ where: { slug }, select: { definition: true } });
  if (!survey) return { status: "error", formError: "notFound", values };
  const user = await getCurrentUser();
  const jar = await cookies();
  let device = jar.get(DEVICE_COOKIE)?.value ?? null;
  if (!user && !device) {
    device = randomUUID();
    jar.set(DEVICE_COOKIE, device, { httpOnly: true, sameSite: "lax", maxAge: 60 * 60 * 24 * 365 * 2, path: "/" });
  }
  const definition = ZDefinition.parse(survey.definition);
  const demographics: Record<string, string> = {};
  for (const f of ["ageBand", "gender", "country", "group", "education"]) {
    const v = form.get(`demo_${f}`);
    if (typeof v === "string" && v) demographics[f] = v;
  }
  try {
    await submitResponse(user, {
      slug,
      idempotencyKey: String(form.get("idempotencyKey") ?? "") || randomUUID(),
      answers: answersFromForm(definition, form),
      demographics,
      deviceToken: user ? null : device,
      language: await getLocale(),
      clientAddress: clientAddress(await headers()),
    });
  } catch (error) {
    if (error instanceof SurveyAnswersError) return { status: "error", errors: error.errors, values };
    if (error instanceof AppError) return { status: "error", formError: error.code, values };
    throw error;
  }
  const embed = form.get("embed") === "1";
  redirect(`/s/${encodeURIComponent(slug)}${embed ? "/embed" : ""}?done=1`);
}
