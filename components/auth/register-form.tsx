"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { idleState, type ActionState } from "@/lib/action-state";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { useFormText } from "@/components/form/use-form-text";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function RegisterForm({ action }: { action: Action }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  if (state.status === "success") {
    return (
      <FormMessage kind="success" title={t("checkEmailTitle")}>
        {t("checkEmailBody", { email: state.values?.email ?? "" })}
      </FormMessage>
    );
  }
  return (
    <form action={formAction} noValidate className="card flex flex-col gap-4">
      {f.formError ? (
        <FormMessage kind="error" title={te("title")}>
          {f.formError}
        </FormMessage>
      ) : null}
      <TextField name="name" label={t("name")} autoComplete="name" required maxLength={80} defaultValue={f.value("name")} error={f.fieldError("name")} />
      <TextField name="email" type="email" label={t("email")} autoComplete="email" required defaultValue={f.value("email")} error={f.fieldError("email")} />
      <TextField name="password" type="password" label={t("newPassword")} hint={t("passwordHint")} autoComplete="new-password" required error={f.fieldError("password")} />
      <TextField name="confirmPassword" type="password" label={t("confirmPassword")} autoComplete="new-password" required error={f.fieldError("confirmPassword")} />
      <div>
        <SubmitButton>{t("registerButton")}</SubmitButton>
      </div>
    </form>
  );
}
