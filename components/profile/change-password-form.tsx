"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { useFormText } from "@/components/form/use-form-text";
import { idleState, type ActionState } from "@/lib/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** New password for the signed-in account; the server ends every other session. */
export function ChangePasswordForm({ action, hasPassword }: { action: Action; hasPassword: boolean }) {
  const t = useTranslations("sessions");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4">
      {state.status === "success" ? <FormMessage kind="success">{t("passwordChanged")}</FormMessage> : null}
      {f.formError ? (
        <FormMessage kind="error" title={te("title")}>
          {f.formError}
        </FormMessage>
      ) : null}
      {hasPassword ? (
        <TextField name="currentPassword" type="password" label={t("currentPassword")} autoComplete="current-password" required maxLength={200} error={f.fieldError("currentPassword")} />
      ) : (
        <p className="text-sm text-muted">{t("noPasswordYet")}</p>
      )}
      <TextField name="password" id="new-password" type="password" label={t("newPassword")} autoComplete="new-password" required maxLength={200} error={f.fieldError("password")} />
      <TextField name="confirmPassword" id="confirm-new-password" type="password" label={t("confirmPassword")} autoComplete="new-password" required maxLength={200} error={f.fieldError("confirmPassword")} />
      <div>
        <SubmitButton className="btn-secondary">{t("passwordSave")}</SubmitButton>
      </div>
    </form>
  );
}
