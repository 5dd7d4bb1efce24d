import { SurveyPage } from "@/components/surveys/survey-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string; receipt?: string }> };

export const metadata = { robots: { index: false } };

/** The same survey, without Parley's header and footer, for an iframe on another site. */
export default async function EmbeddedSurveyPage({ params, searchParams }: Props) {
  return <SurveyPage slug={(await params).slug} embed done={(await searchParams).done === "1"} receipt={(await searchParams).receipt ?? null} />;
}
