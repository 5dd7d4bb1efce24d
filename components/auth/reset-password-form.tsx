"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { idleState, type ActionState } from "@/lib/action-state";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { useFormText } from "@/components/form/use-form-text";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const t = useTranslations("auth");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  if (state.status === "success") {
    return (
      <div className="flex flex-col gap-4">
        <FormMessage kind="success" title={t("resetDoneTitle")}>
          {t("resetDoneBody")}
        </FormMessage>
        <p>
          <Link href="/signin" className="btn-primary">
            {t("signInButton")}
          </Link>
        </p>
      </div>
    );
  }
  const linkProblem = state.formError === "invalid" || state.formError === "expired" || state.fieldErrors?.token;
  return (
    <form action={formAction} noValidate className="card flex flex-col gap-4">
      {f.formError || state.fieldErrors?.token ? (
        <FormMessage kind="error" title={te("title")}>
          {f.formError ?? f.fieldError("token")}
        </FormMessage>
      ) : null}
      {linkProblem ? (
        <p>
          <Link href="/forgot-password" className="link">
            {t("requestNewLink")}
          </Link>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <TextField name="password" type="password" label={t("newPassword")} hint={t("passwordHint")} autoComplete="new-password" required error={f.fieldError("password")} />
      <TextField name="confirmPassword" type="password" label={t("confirmPassword")} autoComplete="new-password" required error={f.fieldError("confirmPassword")} />
      <div>
        <SubmitButton>{t("resetButton")}</SubmitButton>
      </div>
    </form>
  );
}
