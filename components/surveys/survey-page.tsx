import { randomUUID } from "node:crypto";
import { getLocale, getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { submitSurveyAction } from "@/lib/surveys/actions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { participationBlock } from "@/lib/comments/participation";
import { ageBands, educationLevels, genders, stakeholderGroups } from "@/lib/surveys/demographics";
import { DEVICE_COOKIE } from "@/lib/surveys/device";
import { translated } from "@/lib/surveys/definition";
import { getSurveyForAnswering, hasAnswered } from "@/lib/surveys/queries";
import { countryOptions } from "@/lib/users/countries";
import { ReceiptNotice } from "@/components/receipts/receipt-notice";
import { surveyAnswerNumber } from "@/lib/receipts/lookup-receipt";
import { SurveyForm } from "./survey-form";

/** The public survey (at /s/<slug>, and without site chrome at /s/<slug>/embed). */
export async function SurveyPage({ slug, embed, done, receipt = null }: { slug: string; embed: boolean; done: boolean; receipt?: string | null }) {
  const user = await getCurrentUser();
  const survey = await getSurveyForAnswering(slug, user);
  if (!survey) notFound();
  const [t, tg, tp, locale, jar] = await Promise.all([getTranslations("survey"), getTranslations("groups"), getTranslations("participation"), getLocale(), cookies()]);
  const device = jar.get(DEVICE_COOKIE)?.value ?? null;
  const [answered, blocked, trackingNumber] = await Promise.all([
    done || hasAnswered(survey.id, user, device),
    participationBlock(user, survey.organisationId),
    done && receipt ? surveyAnswerNumber(survey.id, receipt) : null,
  ]);
  const demographicOptions: Record<string, Array<{ value: string; label: string }>> = {
    ageBand: ageBands.map((v) => ({ value: v, label: t(`ageBands.${v}`) })),
    // The empty choice already reads "Prefer not to say": offer it once.
    gender: genders.filter((v) => v !== "preferNot").map((v) => ({ value: v, label: t(`genders.${v}`) })),
    education: educationLevels.map((v) => ({ value: v, label: t(`education.${v}`) })),
    group: stakeholderGroups.map((v) => ({ value: v, label: tg(v) })),
    country: countryOptions(locale).map((c) => ({ value: c.code, label: c.name })),
  };
  return (
    <div className="flex max-w-2xl flex-col gap-5">
      <header className="flex flex-col gap-2">
        <p className="text-sm text-muted">
          <bdi>{survey.organisation.name}</bdi>
        </p>
        {/* The title and description are the organisation's text, in the reader's language when translated: their own direction. */}
        <h1 className="text-2xl font-bold" dir="auto" data-content="survey-title">
          {translated(survey.title, survey.titleI18n, locale)}
        </h1>
        {survey.description ? (
          <p dir="auto" data-content="survey-description">
            {translated(survey.description, survey.descriptionI18n, locale)}
          </p>
        ) : null}
        {survey.draft ? (
          <p className="text-sm">
            <Link className="link" href={`/drafts/${encodeURIComponent(survey.draft.reference)}`}>
              {t("aboutDraft", { reference: survey.draft.reference })}
            </Link>
          </p>
        ) : null}
        {survey.status === "DRAFT" ? <p className="rounded-md bg-blue-50 p-3 text-sm">{t("previewNotice")}</p> : null}
      </header>
      {done ? (
        <div role="status" className="rounded-md border-s-4 border-success bg-green-50 p-4 text-success">
          <p className="font-bold">{t("thanksTitle")}</p>
          <p>{t("thanksBody")}</p>
          {trackingNumber ? <ReceiptNotice trackingNumber={trackingNumber} /> : null}
        </div>
      ) : answered ? (
        <p className="card" data-testid="already-answered">
          {t("alreadyAnswered")}
        </p>
      ) : !survey.open && survey.status !== "DRAFT" ? (
        <p className="card">{t("closed")}</p>
      ) : blocked ? (
        <p className="card" role="note" data-testid="suspended-notice">
          {tp("suspendedNotice")}
        </p>
      ) : !user && !survey.allowAnonymous ? (
        <p className="card">
          <Link className="link" href={`/signin?callbackUrl=${encodeURIComponent(`/s/${slug}`)}`}>
            {t("signInToAnswer")}
          </Link>
        </p>
      ) : (
        <SurveyForm
          action={submitSurveyAction}
          slug={survey.slug}
          definition={survey.definition}
          locale={locale}
          idempotencyKey={randomUUID()}
          embed={embed}
          countries={demographicOptions.country!}
          demographics={user ? [] : survey.demographics.map((field) => ({ field, label: t(`demographics.${field}`), options: demographicOptions[field] ?? [] }))}
        />
      )}
      <details className="text-sm text-muted">
        <summary className="cursor-pointer">{t("privacyTitle")}</summary>
        <p className="mt-2">{user ? t("privacySignedIn") : t("privacyAnonymous")}</p>
      </details>
      {survey.publicResults || survey.canEdit ? (
        <p className="text-sm">
          <Link className="link" href={`/s/${encodeURIComponent(slug)}/results`}>
            {t("seeResults")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
