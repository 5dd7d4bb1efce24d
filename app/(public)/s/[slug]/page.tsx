import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { SurveyPage } from "@/components/surveys/survey-page";
import { translated } from "@/lib/surveys/definition";
import { getSurveyForAnswering } from "@/lib/surveys/queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string; receipt?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [survey, locale] = await Promise.all([getSurveyForAnswering((await params).slug, null), getLocale()]);
  return survey ? { title: translated(survey.title, survey.titleI18n, locale), description: translated(survey.description, survey.descriptionI18n, locale) } : {};
}

export default async function SurveyAnswerPage({ params, searchParams }: Props) {
  return <SurveyPage slug={(await params).slug} embed={false} done={(await searchParams).done === "1"} receipt={(await searchParams).receipt ?? null} />;
}
