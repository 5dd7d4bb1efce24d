"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { useFormText } from "@/components/form/use-form-text";
import { idleState, type ActionState } from "@/lib/action-state";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Creates a personal API token and shows it once. */
export function ApiTokenForm({ action }: { action: Action }) {
  const t = useTranslations("apiTokens");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3">
      {state.data?.token ? (
        <FormMessage kind="success" title={t("createdTitle")}>
          {t("createdBody")} <code className="break-all font-mono" data-testid="new-token">{state.data.token}</code>
        </FormMessage>
      ) : null}
      <TextField name="name" id="token-name" label={t("name")} hint={t("nameHint")} maxLength={80} defaultValue={f.value("name")} error={f.fieldError("name")} />
      <div>
        <SubmitButton className="btn-secondary">{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
