import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { InlineActionForm } from "@/components/form/inline-action-form";
import type { CurrentUser } from "@/lib/auth/current-user";
import { localized, type Definition } from "@/lib/surveys/definition";
import { reviewHeldAction } from "@/lib/surveys/actions";
import { listHeldResponses } from "@/lib/surveys/review-held";

/**
 * Answers held past the per-address soft threshold, for a survey manager or moderator: accept or
 * reject each of the oldest twenty, or all of them at once.
 */
export async function HeldAnswers({ surveyId, definition, user, held }: { surveyId: string; definition: Definition; user: CurrentUser; held: number }) {
  const [t, locale, format, rows] = await Promise.all([getTranslations("survey"), getLocale(), getFormatter(), listHeldResponses(user, surveyId)]);
  const question = new Map(definition.map((q) => [q.id, q]));
  return (
    <section aria-labelledby="held-review" className="card flex flex-col gap-3">
      <h2 id="held-review" className="text-xl font-semibold">
        {t("heldReviewTitle")}
      </h2>
      <p className="text-sm">{t("heldCount", { count: held })}</p>
      <div className="flex flex-wrap gap-3">
        <InlineActionForm action={reviewHeldAction} hidden={{ surveyId, decision: "accept" }}>
          <button type="submit" className="btn-primary">
            {t("acceptAllHeld")}
          </button>
        </InlineActionForm>
        <InlineActionForm action={reviewHeldAction} hidden={{ surveyId, decision: "reject" }}>
          <button type="submit" className="btn-secondary">
            {t("rejectAllHeld")}
          </button>
        </InlineActionForm>
      </div>
      <ul className="flex flex-col gap-3">
        {rows.map((r) => (
          <li key={r.id} className="flex flex-col gap-2 border-t border-line pt-3">
            <p className="text-sm text-muted">{t("heldSubmitted", { date: format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
            <dl className="grid gap-1 text-sm sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
              {r.answers.map((a, k) => (
                <div key={k} className="contents">
                  <dt className="font-semibold break-words">{localized(question.get(a.questionId)?.text, locale) || a.questionId}</dt>
                  <dd className="break-words" dir="auto">
                    <bdi>{a.text ?? a.option ?? (a.number === null ? "" : String(a.number))}</bdi>
                  </dd>
                </div>
              ))}
            </dl>
            <div className="flex flex-wrap gap-2">
              <InlineActionForm action={reviewHeldAction} hidden={{ surveyId, decision: "accept", responseId: r.id }}>
                <button type="submit" className="btn-secondary">
                  {t("acceptHeld")}
                </button>
              </InlineActionForm>
              <InlineActionForm action={reviewHeldAction} hidden={{ surveyId, decision: "reject", responseId: r.id }}>
                <button type="submit" className="btn-secondary">
                  {t("rejectHeld")}
                </button>
              </InlineActionForm>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
