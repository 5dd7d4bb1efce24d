import type { Metadata } from "next";
import { SurveyPage } from "@/components/surveys/survey-page";
import { getSurveyForAnswering } from "@/lib/surveys/queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const survey = await getSurveyForAnswering((await params).slug, null);
  return survey ? { title: survey.title, description: survey.description } : {};
}

export default async function SurveyAnswerPage({ params, searchParams }: Props) {
  return <SurveyPage slug={(await params).slug} embed={false} done={(await searchParams).done === "1"} />;
}
