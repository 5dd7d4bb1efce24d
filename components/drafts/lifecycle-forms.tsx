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

function ErrorSummary({ state }: { state: ActionState }) {
  const te = useTranslations("errors");
  const f = useFormText(state);
  if (state.status !== "error") return null;
  return (
    <FormMessage kind="error" title={te("title")}>
      {f.formError ?? te("checkFields")}
    </FormMessage>
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
      <ErrorSummary state={state} />
      <input type="hidden" name="draftId" value={draftId} />
      <div className="grid gap-4 md:grid-cols-3">
        <TextField name="opensAt" type="datetime-local" label={t("opensAt")} hint={t("opensAtHint")} defaultValue={f.value("opensAt") ?? defaults.opensAt} error={f.fieldError("opensAt")} />
        <TextField name="closesAt" type="datetime-local" label={t("closesAt")} required defaultValue={f.value("closesAt") ?? defaults.closesAt} error={f.fieldError("closesAt")} />
        <div className="flex flex-col gap-1">
          <label htmlFor="field-timeZone" className="font-semibold">
            {t("timeZone")}
          </label>
          {/* Keyed by the echoed value so the choice survives the form reset after a server-side error (React 19). */}
          <select key={f.value("timeZone") ?? defaults.timeZone} id="field-timeZone" name="timeZone" defaultValue={f.value("timeZone") ?? defaults.timeZone} className="input">
            {timeZones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div>
        <SubmitButton>{t("openButton")}</SubmitButton>
      </div>
    </form>
  );
}

export function ExtendDraftForm({ action, draftId, defaultClosesAt, timeZone }: { action: Action; draftId: string; defaultClosesAt: string; timeZone: string }) {
  const t = useTranslations("manage");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" aria-labelledby="extend-heading">
      <h2 id="extend-heading" className="text-xl font-semibold">
        {t("extendTitle")}
      </h2>
      <ErrorSummary state={state} />
      <input type="hidden" name="draftId" value={draftId} />
      <TextField name="closesAt" type="datetime-local" label={t("newClosesAt", { zone: timeZone })} required defaultValue={f.value("closesAt") ?? defaultClosesAt} error={f.fieldError("closesAt")} />
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
