"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { ConfirmCheckbox } from "@/components/form/confirm-checkbox";
import { useFormText } from "@/components/form/use-form-text";
import { idleState, type ActionState } from "@/lib/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** The problems at the top of the form, each linking to its field (`fields`: name → label, in form order). */
function ErrorSummary({ state, fields = {} }: { state: ActionState; fields?: Record<string, string> }) {
  const te = useTranslations("errors");
  const f = useFormText(state);
  if (state.status !== "error") return null;
  const failed = Object.keys(fields).filter((name) => state.fieldErrors?.[name]);
  return (
    <FormMessage kind="error" title={te("title")}>
      {f.formError ?? te("checkFields")}
      {failed.length > 0 ? (
        <span className="mt-2 flex flex-col gap-1" data-testid="error-summary">
          {failed.map((name) => (
            <a key={name} className="link text-danger" href={`#field-${name}`}>
              {fields[name]}: {f.fieldError(name)}
            </a>
          ))}
        </span>
      ) : null}
    </FormMessage>
  );
}

/** A time-zone select keyed by the echoed value, so the choice survives the form reset after a server-side error (React 19). */
function TimeZoneSelect({ label, timeZones, value }: { label: string; timeZones: string[]; value: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="field-timeZone" className="font-semibold">
        {label}
      </label>
      <select key={value} id="field-timeZone" name="timeZone" defaultValue={value} className="input">
        {timeZones.map((z) => (
          <option key={z} value={z}>
            {z.replaceAll("_", " ")}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Opening for comment: dates on the organisation's wall clock, in a named time zone. */
export function OpenDraftForm({ action, draftId, timeZones, defaults }: { action: Action; draftId: string; timeZones: string[]; defaults: { opensAt: string; closesAt: string; timeZone: string } }) {
  const t = useTranslations("manage");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" aria-labelledby="open-heading">
      <h2 id="open-heading" className="text-xl font-semibold">
        {t("openTitle")}
      </h2>
      <p className="text-muted">{t("openLead")}</p>
      <ErrorSummary state={state} fields={{ opensAt: t("opensAt"), closesAt: t("closesAt"), timeZone: t("timeZone") }} />
      <input type="hidden" name="draftId" value={draftId} />
      <div className="grid gap-4 md:grid-cols-3">
        <TextField name="opensAt" type="datetime-local" label={t("optionalLabel", { label: t("opensAt") })} hint={t("opensAtHint")} defaultValue={f.value("opensAt") ?? defaults.opensAt} error={f.fieldError("opensAt")} />
        <TextField name="closesAt" type="datetime-local" label={t("closesAt")} required defaultValue={f.value("closesAt") ?? defaults.closesAt} error={f.fieldError("closesAt")} />
        <TimeZoneSelect label={t("timeZone")} timeZones={timeZones} value={f.value("timeZone") ?? defaults.timeZone} />
      </div>
      <div>
        <SubmitButton>{t("openButton")}</SubmitButton>
      </div>
    </form>
  );
}

/** Extending the comment period: the new closing time on the wall clock of a chosen zone (the draft's by default). */
export function ExtendDraftForm({ action, draftId, defaultClosesAt, timeZone, timeZones }: { action: Action; draftId: string; defaultClosesAt: string; timeZone: string; timeZones: string[] }) {
  const t = useTranslations("manage");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" aria-labelledby="extend-heading">
      <h2 id="extend-heading" className="text-xl font-semibold">
        {t("extendTitle")}
      </h2>
      <ErrorSummary state={state} fields={{ closesAt: t("newClosingTime"), timeZone: t("timeZone"), note: t("extendNote") }} />
      <input type="hidden" name="draftId" value={draftId} />
      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="closesAt" type="datetime-local" label={t("newClosingTime")} required defaultValue={f.value("closesAt") ?? defaultClosesAt} error={f.fieldError("closesAt")} />
        <TimeZoneSelect label={t("timeZone")} timeZones={timeZones} value={f.value("timeZone") ?? timeZone} />
      </div>
      <TextField name="note" label={t("extendNote")} hint={t("extendNoteHint")} required maxLength={500} defaultValue={f.value("note")} error={f.fieldError("note")} />
      <div>
        <SubmitButton>{t("extendButton")}</SubmitButton>
      </div>
    </form>
  );
}

export function TransitionDraftForm({ action, draftId, to, label, hint, danger }: { action: Action; draftId: string; to: "CLOSED" | "FINAL" | "WITHDRAWN"; label: string; hint: string; danger?: boolean }) {
  const t = useTranslations("manage");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  const id = `note-${to}`;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3 border-t border-line pt-4">
      <ErrorSummary state={state} />
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="to" value={to} />
      <p className="text-muted">{hint}</p>
      <label htmlFor={id} className="font-semibold">
        {t("transitionNote")}
      </label>
      <input id={id} name="note" maxLength={500} defaultValue={f.value("note")} className="input" />
      {/* Keyed by the state so an error re-renders the box unticked with its message. */}
      <ConfirmCheckbox key={state.status} id={`confirm-${to}`} label={t(`confirm.${to}`)} error={f.fieldError("confirm")} />
      <div>
        <SubmitButton className={danger ? "btn-secondary text-danger" : "btn-secondary"}>{label}</SubmitButton>
      </div>
    </form>
  );
}
