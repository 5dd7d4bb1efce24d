import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { SurveyBuilder } from "@/components/surveys/survey-builder";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getSurveyForEditing } from "@/lib/surveys/queries";
import { saveSurveyAction, surveyStatusAction } from "@/lib/surveys/actions";

type Props = { params: Promise<{ id: string }> };

export const metadata = { robots: { index: false } };

/** Build, preview and publish a survey. */
export default async function EditSurveyPage({ params }: Props) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/surveys/${id}/edit`)}`);
  const survey = await getSurveyForEditing(id, user);
  if (!survey) notFound();
  const t = await getTranslations("surveyBuilder");
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link className="link" href={`/organisations/${survey.organisation.slug}/surveys`}>
          {t("back", { organisation: survey.organisation.name })}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("heading", { title: survey.title })}</h1>
      <div className="card flex flex-wrap items-center gap-4">
        <p>
          {t("status")}: <strong>{t(`statuses.${survey.status}`)}</strong> · {t("link")}:{" "}
          <a className="link font-mono" href={`/s/${survey.slug}`}>
            /s/{survey.slug}
          </a>{" "}
          · {t("embed")}: <code className="font-mono text-sm">{`<iframe src="/s/${survey.slug}/embed" title="${survey.title.replace(/"/g, "")}"></iframe>`}</code>
        </p>
        <Link className="btn-secondary" href={`/s/${survey.slug}`}>
          {t("preview")}
        </Link>
        <Link className="btn-secondary" href={`/s/${survey.slug}/results`}>
          {t("results")}
        </Link>
        <InlineActionForm action={surveyStatusAction} hidden={{ surveyId: survey.id, status: survey.status === "OPEN" ? "CLOSED" : "OPEN" }}>
          <button type="submit" className="btn-primary">
            {survey.status === "OPEN" ? t("close") : t("publish")}
          </button>
        </InlineActionForm>
      </div>
      <SurveyBuilder
        surveyId={survey.id}
        action={saveSurveyAction}
        initial={survey.definition}
        meta={{ title: survey.title, description: survey.description, allowAnonymous: survey.allowAnonymous, publicResults: survey.publicResults, demographics: survey.demographics }}
      />
    </div>
  );
}
