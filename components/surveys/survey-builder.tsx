"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { useFormText } from "@/components/form/use-form-text";
import { idleState, type ActionState } from "@/lib/action-state";
import { demographicFields, questionTypes, surveyLanguages, type Definition, type Question, type QuestionType } from "@/lib/surveys/definition";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Meta = { title: string; description: string; allowAnonymous: boolean; publicResults: boolean; demographics: string[] };

let counter = 0;
const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

function blank(type: QuestionType): Question {
  const choice = type === "single" || type === "multiple" || type === "ranking";
  return {
    id: newId("q"),
    type,
    required: false,
    text: { en: "" },
    help: {},
    options: choice ? [{ id: newId("o"), label: { en: "" } }, { id: newId("o"), label: { en: "" } }] : [],
    other: false,
    scale: 5,
    scaleLabels: { min: {}, max: {} },
    showIf: null,
  };
}

/**
 * The survey builder: questions of every type, required/optional, help, "other, please specify",
 * picks, scales, skip logic, translations per language; reorder with the Move buttons (keyboard) or by
 * dragging. Saves the whole definition at once; the server validates it with the same schema.
 */
export function SurveyBuilder({ surveyId, action, initial, meta }: { surveyId: string; action: Action; initial: Definition; meta: Meta }) {
  const t = useTranslations("surveyBuilder");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  const [questions, setQuestions] = useState<Question[]>(initial);
  const [newType, setNewType] = useState<QuestionType>("single");
  const [dragging, setDragging] = useState<number | null>(null);
  const [announce, setAnnounce] = useState("");

  const update = (i: number, patch: Partial<Question>) => setQuestions((qs) => qs.map((q, k) => (k === i ? { ...q, ...patch } : q)));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= questions.length) return;
    setQuestions((qs) => {
      const next = [...qs];
      const [item] = next.splice(from, 1);
      next.splice(to, 0, item!);
      return next;
    });
    setAnnounce(t("moved", { position: to + 1 }));
  };
  const setText = (i: number, field: "text" | "help", lang: string, value: string) => update(i, { [field]: { ...questions[i]![field], [lang]: value } } as Partial<Question>);

  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      <input type="hidden" name="surveyId" value={surveyId} />
      <input type="hidden" name="definition" value={JSON.stringify(questions)} />
      {state.status === "success" ? <FormMessage kind="success">{t("saved")}</FormMessage> : null}
      {state.status === "error" ? (
        <FormMessage kind="error" title={te("title")}>
          {f.formError ?? f.fieldError("definition") ?? f.fieldError("title") ?? te("checkFields")}
        </FormMessage>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
      <div className="card flex flex-col gap-3">
        <label htmlFor="survey-title" className="font-semibold">
          {t("title")}
        </label>
        <input id="survey-title" name="title" defaultValue={meta.title} className="input" maxLength={200} />
        <label htmlFor="survey-description" className="font-semibold">
          {t("description")}
        </label>
        <textarea id="survey-description" name="description" defaultValue={meta.description} className="input" rows={3} maxLength={2000} />
        <label className="flex items-center gap-2">
          <input type="checkbox" name="allowAnonymous" defaultChecked={meta.allowAnonymous} className="size-5" /> {t("allowAnonymous")}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="publicResults" defaultChecked={meta.publicResults} className="size-5" /> {t("publicResults")}
        </label>
        <fieldset className="flex flex-col gap-1">
          <legend className="font-semibold">{t("demographics")}</legend>
          <DemographicsPicker initial={meta.demographics} label={(d) => t(`demographic.${d}`)} />
        </fieldset>
      </div>

      <ol className="flex flex-col gap-4">
        {questions.map((q, i) => {
          const earlier = questions.slice(0, i).filter((x) => x.type === "single" || x.type === "multiple");
          const prefix = `b-${q.id}`;
          return (
            <li
              key={q.id}
              className={`card flex flex-col gap-3 ${dragging === i ? "opacity-60" : ""}`}
              draggable
              onDragStart={() => setDragging(i)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => {
                if (dragging !== null) move(dragging, i);
                setDragging(null);
              }}
              aria-label={t("questionN", { n: i + 1 })}
              data-testid="builder-question"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-semibold">
                  <span aria-hidden className="me-2 cursor-grab text-muted">⠿</span>
                  {t("questionN", { n: i + 1 })} · {t(`types.${q.type}`)}
                </p>
                <div className="flex gap-2">
                  <button type="button" className="btn-secondary min-h-11 px-3 text-sm" onClick={() => move(i, i - 1)} disabled={i === 0}>
                    {t("moveUp")}
                  </button>
                  <button type="button" className="btn-secondary min-h-11 px-3 text-sm" onClick={() => move(i, i + 1)} disabled={i === questions.length - 1}>
                    {t("moveDown")}
                  </button>
                  <button type="button" className="btn-secondary min-h-11 px-3 text-sm text-danger" onClick={() => setQuestions((qs) => qs.filter((_, k) => k !== i))}>
                    {t("remove")}
                  </button>
                </div>
              </div>
              <label htmlFor={`${prefix}-text`} className="font-semibold">
                {t("questionText")}
              </label>
              <input id={`${prefix}-text`} value={q.text.en ?? ""} onChange={(e) => setText(i, "text", "en", e.target.value)} className="input" maxLength={500} />
              <label htmlFor={`${prefix}-help`}>{t("help")}</label>
              <input id={`${prefix}-help`} value={q.help.en ?? ""} onChange={(e) => setText(i, "help", "en", e.target.value)} className="input" maxLength={1000} />
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={q.required} onChange={(e) => update(i, { required: e.target.checked })} className="size-5" /> {t("required")}
              </label>
              {q.type === "single" || q.type === "multiple" || q.type === "ranking" ? (
                <fieldset className="flex flex-col gap-2">
                  <legend className="font-semibold">{t("options")}</legend>
                  {q.options.map((o, k) => (
                    <div key={o.id} className="flex items-center gap-2">
                      <label htmlFor={`${prefix}-o-${o.id}`} className="sr-only">
                        {t("optionN", { n: k + 1 })}
                      </label>
                      <input
                        id={`${prefix}-o-${o.id}`}
                        value={o.label.en ?? ""}
                        placeholder={t("optionN", { n: k + 1 })}
                        onChange={(e) => update(i, { options: q.options.map((x) => (x.id === o.id ? { ...x, label: { ...x.label, en: e.target.value } } : x)) })}
                        className="input"
                        maxLength={500}
                      />
                      <button type="button" className="link min-h-11" onClick={() => update(i, { options: q.options.filter((x) => x.id !== o.id) })} aria-label={t("removeOption", { n: k + 1 })}>
                        ✕
                      </button>
                    </div>
                  ))}
                  <button type="button" className="btn-secondary self-start" onClick={() => update(i, { options: [...q.options, { id: newId("o"), label: { en: "" } }] })}>
                    {t("addOption")}
                  </button>
                  {q.type !== "ranking" ? (
                    <label className="flex items-center gap-2">
                      <input type="checkbox" checked={q.other} onChange={(e) => update(i, { other: e.target.checked })} className="size-5" /> {t("other")}
                    </label>
                  ) : null}
                  {q.type === "multiple" ? (
                    <div className="flex flex-wrap gap-3">
                      <label className="flex items-center gap-2">
                        {t("minPicks")}
                        <input type="number" min={0} value={q.minPicks ?? ""} onChange={(e) => update(i, { minPicks: e.target.value === "" ? undefined : Number(e.target.value) })} className="input w-20" />
                      </label>
                      <label className="flex items-center gap-2">
                        {t("maxPicks")}
                        <input type="number" min={1} value={q.maxPicks ?? ""} onChange={(e) => update(i, { maxPicks: e.target.value === "" ? undefined : Number(e.target.value) })} className="input w-20" />
                      </label>
                    </div>
                  ) : null}
                </fieldset>
              ) : null}
              {q.type === "likert" ? (
                <div className="flex flex-wrap gap-3">
                  <label className="flex items-center gap-2">
                    {t("points")}
                    <select value={q.scale} onChange={(e) => update(i, { scale: Number(e.target.value) as 5 | 7 })} className="input w-20">
                      <option value={5}>5</option>
                      <option value={7}>7</option>
                    </select>
                  </label>
                  <label className="flex items-center gap-2">
                    {t("lowLabel")}
                    <input value={q.scaleLabels.min.en ?? ""} onChange={(e) => update(i, { scaleLabels: { ...q.scaleLabels, min: { ...q.scaleLabels.min, en: e.target.value } } })} className="input" />
                  </label>
                  <label className="flex items-center gap-2">
                    {t("highLabel")}
                    <input value={q.scaleLabels.max.en ?? ""} onChange={(e) => update(i, { scaleLabels: { ...q.scaleLabels, max: { ...q.scaleLabels.max, en: e.target.value } } })} className="input" />
                  </label>
                </div>
              ) : null}
              {q.type === "number" ? (
                <div className="flex flex-wrap gap-3">
                  <label className="flex items-center gap-2">
                    {t("min")}
                    <input type="number" value={q.min ?? ""} onChange={(e) => update(i, { min: e.target.value === "" ? undefined : Number(e.target.value) })} className="input w-28" />
                  </label>
                  <label className="flex items-center gap-2">
                    {t("max")}
                    <input type="number" value={q.max ?? ""} onChange={(e) => update(i, { max: e.target.value === "" ? undefined : Number(e.target.value) })} className="input w-28" />
                  </label>
                </div>
              ) : null}
              {earlier.length > 0 ? (
                <div className="flex flex-col gap-1">
                  <label htmlFor={`${prefix}-showif`} className="font-semibold">
                    {t("showIf")}
                  </label>
                  <select
                    id={`${prefix}-showif`}
                    value={q.showIf ? `${q.showIf.questionId}:${q.showIf.optionId}` : ""}
                    onChange={(e) => {
                      const [questionId, optionId] = e.target.value.split(":");
                      update(i, { showIf: questionId && optionId ? { questionId, optionId } : null });
                    }}
                    className="input"
                  >
                    <option value="">{t("always")}</option>
                    {earlier.flatMap((src) =>
                      src.options.map((o) => (
                        <option key={`${src.id}:${o.id}`} value={`${src.id}:${o.id}`}>
                          {t("ifAnswer", { n: questions.indexOf(src) + 1, option: o.label.en || "…" })}
                        </option>
                      )),
                    )}
                  </select>
                </div>
              ) : null}
              <details>
                <summary className="cursor-pointer text-accent">{t("translations")}</summary>
                <div className="mt-2 flex flex-col gap-2">
                  {surveyLanguages
                    .filter((l) => l !== "en")
                    .map((lang) => (
                      <div key={lang} className="flex flex-col gap-1">
                        <label htmlFor={`${prefix}-t-${lang}`} className="text-sm">
                          {t("questionIn", { language: lang.toUpperCase() })}
                        </label>
                        <input id={`${prefix}-t-${lang}`} dir="auto" value={q.text[lang] ?? ""} onChange={(e) => setText(i, "text", lang, e.target.value)} className="input" />
                        {q.options.map((o, k) => (
                          <input
                            key={o.id}
                            dir="auto"
                            aria-label={t("optionIn", { n: k + 1, language: lang.toUpperCase() })}
                            value={o.label[lang] ?? ""}
                            onChange={(e) => update(i, { options: q.options.map((x) => (x.id === o.id ? { ...x, label: { ...x.label, [lang]: e.target.value } } : x)) })}
                            className="input ms-6 text-sm"
                          />
                        ))}
                      </div>
                    ))}
                </div>
              </details>
            </li>
          );
        })}
      </ol>
      <div className="card flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="new-type" className="font-semibold">
            {t("newQuestion")}
          </label>
          <select id="new-type" value={newType} onChange={(e) => setNewType(e.target.value as QuestionType)} className="input">
            {questionTypes.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn-secondary" onClick={() => setQuestions((qs) => [...qs, blank(newType)])}>
          {t("addQuestion")}
        </button>
      </div>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}

function DemographicsPicker({ initial, label }: { initial: string[]; label: (d: string) => string }) {
  const [chosen, setChosen] = useState<string[]>(initial);
  return (
    <>
      <input type="hidden" name="demographics" value={chosen.join(",")} />
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {demographicFields.map((d) => (
          <label key={d} className="flex items-center gap-2">
            <input type="checkbox" checked={chosen.includes(d)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, d] : c.filter((x) => x !== d)))} className="size-5" />
            {label(d)}
          </label>
        ))}
      </div>
    </>
  );
}
