import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { createSurveyAction } from "@/lib/surveys/actions";
import { InlineActionForm } from "@/components/form/inline-action-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/authz/permissions";
import { getOrganisationPage } from "@/lib/orgs/queries";
import { translated } from "@/lib/surveys/definition";
import { listOrganisationSurveys } from "@/lib/surveys/queries";

type Props = { params: Promise<{ slug: string }> };

/** An organisation's surveys; its editors start new ones here. */
export default async function OrganisationSurveysPage({ params }: Props) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const org = await getOrganisationPage(slug, user);
  if (!org) notFound();
  const [t, surveys, locale] = await Promise.all([getTranslations("surveyBuilder"), listOrganisationSurveys(org.org.id, user), getLocale()]);
  const editor = can(user, "survey.manage", { organisationId: org.org.id });
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link className="link" href={`/organisations/${slug}`}>
          {org.org.name}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("listTitle")}</h1>
      <ul className="flex flex-col gap-3">
        {surveys.map((s) => (
          <li key={s.id} className="card flex flex-wrap items-center gap-3">
            <Link className="link font-semibold" href={editor ? `/surveys/${s.id}/edit` : `/s/${s.slug}`}>
              <bdi>{translated(s.title, s.titleI18n, locale)}</bdi>
            </Link>
            <span className="text-sm text-muted">
              {t(`statuses.${s.status}`)} · {s.draft ? t("forDraft", { reference: s.draft.reference }) : t("permanent")}
            </span>
          </li>
        ))}
      </ul>
      {editor ? (
        <section className="card flex flex-col gap-3" aria-labelledby="new-survey">
          <h2 id="new-survey" className="text-xl font-semibold">
            {t("newSurvey")}
          </h2>
          <InlineActionForm action={createSurveyAction} hidden={{ organisationId: org.org.id }} className="flex flex-col gap-3">
            <label htmlFor="ns-title" className="font-semibold">
              {t("title")}
            </label>
            <input id="ns-title" name="title" className="input" maxLength={200} />
            <label htmlFor="ns-draft">{t("draftReference")}</label>
            <input id="ns-draft" name="draftReference" className="input font-mono" maxLength={40} />
            <label className="flex items-center gap-2">
              <input type="checkbox" name="permanent" className="size-5" /> {t("permanentHint")}
            </label>
            <button type="submit" className="btn-primary self-start">
              {t("create")}
            </button>
          </InlineActionForm>
        </section>
      ) : null}
    </div>
  );
}
