"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useSyncExternalStore } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import type { SurveyFormState } from "@/lib/surveys/schemas";
import { localized, type Definition, type Question } from "@/lib/surveys/definition";

type Action = (state: SurveyFormState, form: FormData) => Promise<SurveyFormState>;
type Option = { value: string; label: string };

/**
 * The answer form. Plain HTML controls posting to a server action: it works without JavaScript
 * (skip-logic questions are then all shown, each saying when to answer it); with JavaScript,
 * questions appear only when their condition is met.
 */
export function SurveyForm({
  action,
  slug,
  definition,
  locale,
  idempotencyKey,
  demographics,
  countries,
  embed,
}: {
  action: Action;
  slug: string;
  definition: Definition;
  locale: string;
  idempotencyKey: string;
  demographics: Array<{ field: string; label: string; options: Option[] }>;
  countries: Option[];
  embed: boolean;
}) {
  const t = useTranslations("survey");
  const [state, formAction] = useActionState(action, { status: "idle" });
  const [picked, setPicked] = useState<Record<string, string[]>>({});
  // Skip logic hides questions only once JavaScript runs; the server-rendered form shows them all.
  const enhanced = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );
  const value = (name: string) => state.values?.[name] ?? [];
  const label = (q: Question) => localized(q.text, locale);
  const visible = (q: Question) => {
    if (!q.showIf) return true;
    const chosen = picked[q.showIf.questionId] ?? value(`q_${q.showIf.questionId}`);
    return chosen.includes(q.showIf.optionId);
  };
  const track = (q: Question) => (e: React.ChangeEvent<HTMLFormElement | HTMLInputElement>) => {
    const form = e.currentTarget.form ?? (e.currentTarget as HTMLFormElement);
    setPicked((p) => ({ ...p, [q.id]: new FormData(form).getAll(`q_${q.id}`).map(String) }));
  };
  const errorText = (code: string | undefined) => (code ? (t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.invalid")) : undefined);
  // Messages that say what to do, with the numbers from the question ("Choose 1 to 3 options").
  const questionError = (q: Question, code: string | undefined) => {
    if (code === "pickCount") {
      const min = q.minPicks ?? 0;
      const max = q.maxPicks ?? q.options.length + (q.other ? 1 : 0);
      return min > 0 && q.maxPicks !== undefined ? t("errors.pickRange", { min, max }) : min > 0 ? t("errors.pickAtLeast", { min }) : t("errors.pickAtMost", { max });
    }
    if (code === "outOfRange") {
      const [min, max] = q.type === "likert" ? [1, q.scale] : q.type === "rating" ? [0, 10] : [q.min, q.max];
      if (min !== undefined && max !== undefined) return t("errors.numberRange", { min, max });
      if (min !== undefined) return t("errors.numberAtLeast", { min });
      if (max !== undefined) return t("errors.numberAtMost", { max });
    }
    if (code === "rankingInvalid") return t("errors.rankEach", { count: q.options.length });
    return errorText(code);
  };
  const errorCount = Object.keys(state.errors ?? {}).length;
  const failed = definition.filter((q) => state.errors?.[q.id]);
  // A select takes a new defaultValue only when remounted, and React 19 resets the form after its
  // action: keying each select by the echoed value keeps the choice after a server-side error.
  const selectKey = (name: string) => `${name}:${value(name)[0] ?? ""}`;

  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {embed ? <input type="hidden" name="embed" value="1" /> : null}
      {state.status === "error" ? (
        <div role="alert" className="rounded-md border-s-4 border-danger bg-red-50 p-4 text-danger">
          <p className="font-bold">{t("problemTitle")}</p>
          <p>{state.formError ? errorText(state.formError) : t("fixAnswers", { count: errorCount })}</p>
          {failed.length > 0 ? (
            <ul className="mt-2 flex list-disc flex-col gap-1 ps-6" data-testid="error-summary">
              {failed.map((q) => (
                <li key={q.id}>
                  <a className="link text-danger" href={`#q-${q.id}`}>
                    {t("questionNumber", { number: definition.indexOf(q) + 1 })} <bdi>{label(q)}</bdi>: {questionError(q, state.errors?.[q.id])}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {definition.map((q, index) => {
        const id = `q-${q.id}`;
        const err = questionError(q, state.errors?.[q.id]);
        const describedBy = [q.help && Object.keys(q.help).length ? `${id}-help` : null, q.showIf ? `${id}-cond` : null, err ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
        const condition = q.showIf ? definition.find((x) => x.id === q.showIf!.questionId) : undefined;
        const conditionOption = condition?.options.find((o) => o.id === q.showIf!.optionId);
        const options: Option[] = q.options.map((o) => ({ value: o.id, label: localized(o.label, locale) }));
        const title = (
          <>
            <span className="me-1 text-muted">{index + 1}.</span>{" "}
            <span dir="auto" data-content="question">
              {label(q)}
            </span>{" "}
            <span className="text-sm font-normal text-muted">({q.required ? t("required") : t("optional")})</span>
          </>
        );
        const extras = (
          <>
            {q.help && localized(q.help, locale) ? <p id={`${id}-help`} dir="auto" className="text-sm text-muted">{localized(q.help, locale)}</p> : null}
            {condition && conditionOption ? (
              <p id={`${id}-cond`} className="text-sm text-muted">
                {t("condition", { question: definition.indexOf(condition) + 1, option: localized(conditionOption.label, locale) })}
              </p>
            ) : null}
            {err ? (
              <p id={`${id}-error`} className="text-sm font-semibold text-danger">
                {err}
              </p>
            ) : null}
          </>
        );
        const hidden = enhanced && !visible(q);
        const group = (children: React.ReactNode) => (
          <fieldset key={q.id} id={id} tabIndex={-1} className="card flex flex-col gap-2" aria-describedby={describedBy} hidden={hidden} data-question={q.id}>
            <legend className="float-start mb-1 w-full font-semibold">{title}</legend>
            {extras}
            {children}
          </fieldset>
        );
        switch (q.type) {
          case "single":
          case "multiple":
            return group(
              <div className="flex flex-col gap-2">
                {options.map((o) => (
                  <label key={o.value} className="flex min-h-11 items-center gap-3">
                    <input type={q.type === "single" ? "radio" : "checkbox"} name={`q_${q.id}`} value={o.value} defaultChecked={value(`q_${q.id}`).includes(o.value)} onChange={track(q)} className="size-5" />
                    <span dir="auto" data-content="option">
                      {o.label}
                    </span>
                  </label>
                ))}
                {q.other ? (
                  <div className="flex flex-wrap items-center gap-3">
                    <label className="flex min-h-11 items-center gap-3">
                      <input type={q.type === "single" ? "radio" : "checkbox"} name={`q_${q.id}`} value="other" defaultChecked={value(`q_${q.id}`).includes("other")} onChange={track(q)} className="size-5" />
                      {t("other")}
                    </label>
                    <label className="sr-only" htmlFor={`${id}-other`}>
                      {t("otherSpecify")}
                    </label>
                    <input id={`${id}-other`} name={`q_${q.id}_other`} dir="auto" placeholder={t("otherSpecify")} defaultValue={value(`q_${q.id}_other`)[0] ?? ""} className="input max-w-xs" maxLength={500} />
                  </div>
                ) : null}
                {q.type === "multiple" && (q.minPicks || q.maxPicks) ? <p className="text-sm text-muted">{t("picks", { min: q.minPicks ?? 0, max: q.maxPicks ?? options.length })}</p> : null}
              </div>,
            );
          case "likert":
          case "rating": {
            const points = q.type === "likert" ? Array.from({ length: q.scale }, (_, i) => i + 1) : Array.from({ length: 11 }, (_, i) => i);
            const lo = q.type === "likert" ? localized(q.scaleLabels.min, locale) || t("disagreeStrongly") : t("ratingLow");
            const hi = q.type === "likert" ? localized(q.scaleLabels.max, locale) || t("agreeStrongly") : t("ratingHigh");
            return group(
              <div className="flex flex-col gap-1">
                <div className="flex flex-wrap gap-2">
                  {points.map((p) => (
                    <label key={p} className="flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-md border border-line px-2">
                      <input type="radio" name={`q_${q.id}`} value={p} defaultChecked={value(`q_${q.id}`).includes(String(p))} className="size-5" />
                      <span>
                        {p}
                        {p === points[0] ? <span className="sr-only"> ({lo})</span> : p === points[points.length - 1] ? <span className="sr-only"> ({hi})</span> : null}
                      </span>
                    </label>
                  ))}
                </div>
                <p className="flex justify-between text-sm text-muted" aria-hidden>
                  <span>{lo}</span>
                  <span>{hi}</span>
                </p>
              </div>,
            );
          }
          case "ranking":
            return group(
              <div className="flex flex-col gap-2">
                <p className="text-sm text-muted">{t("rankHint", { count: options.length })}</p>
                {options.map((o) => (
                  <div key={o.value} className="flex items-center gap-3">
                    <select key={selectKey(`q_${q.id}_rank_${o.value}`)} id={`${id}-${o.value}`} name={`q_${q.id}_rank_${o.value}`} defaultValue={value(`q_${q.id}_rank_${o.value}`)[0] ?? ""} className="input w-20">
                      <option value="">–</option>
                      {options.map((_, i) => (
                        <option key={i} value={i + 1}>
                          {i + 1}
                        </option>
                      ))}
                    </select>
                    <label htmlFor={`${id}-${o.value}`} dir="auto" data-content="option">
                      {o.label}
                    </label>
                  </div>
                ))}
              </div>,
            );
          case "country":
            return group(
              <select key={selectKey(`q_${q.id}`)} id={`${id}-country`} name={`q_${q.id}`} aria-label={label(q)} defaultValue={value(`q_${q.id}`)[0] ?? ""} className="input">
                <option value="">{t("chooseCountry")}</option>
                {countries.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>,
            );
          case "number":
            return group(<input type="number" inputMode="decimal" name={`q_${q.id}`} aria-label={label(q)} min={q.min} max={q.max} step="any" defaultValue={value(`q_${q.id}`)[0] ?? ""} className="input max-w-xs" />);
          case "shortText":
            return group(<input name={`q_${q.id}`} dir="auto" aria-label={label(q)} maxLength={500} defaultValue={value(`q_${q.id}`)[0] ?? ""} className="input" />);
          case "longText":
            return group(<textarea name={`q_${q.id}`} dir="auto" aria-label={label(q)} rows={4} maxLength={5000} defaultValue={value(`q_${q.id}`)[0] ?? ""} className="input" />);
        }
      })}
      {demographics.length > 0 ? (
        <fieldset className="card flex flex-col gap-3">
          <legend className="float-start mb-1 w-full font-semibold">{t("aboutYou")}</legend>
          <p className="text-sm text-muted">{t("aboutYouHint")}</p>
          {demographics.map((d) => (
            <div key={d.field} className="flex flex-col gap-1">
              <label htmlFor={`demo-${d.field}`}>{d.label}</label>
              <select key={selectKey(`demo_${d.field}`)} id={`demo-${d.field}`} name={`demo_${d.field}`} defaultValue={value(`demo_${d.field}`)[0] ?? ""} className="input">
                <option value="">{t("preferNotToSay")}</option>
                {d.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      ) : null}
      <div>
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
