"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { idleState, type ActionState } from "@/lib/action-state";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { useFormText } from "@/components/form/use-form-text";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Profile = {
  name: string;
  stakeholderGroup: string;
  country: string;
  affiliation: string;
  speaksForOrganisation: boolean;
};

type Props = {
  action: Action;
  profile: Profile;
  groups: ReadonlyArray<{ value: string; label: string }>;
  countries: ReadonlyArray<{ code: string; name: string }>;
};

export function ProfileForm({ action, profile, groups, countries }: Props) {
  const t = useTranslations("profile");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  // After a save or an error, show what was submitted; otherwise the stored profile.
  const v = (name: keyof Profile) => f.value(name) ?? String(profile[name] ?? "");
  const speaks = state.values ? state.values.speaksForOrganisation === "on" : profile.speaksForOrganisation;
  const groupError = f.fieldError("stakeholderGroup");
  const countryError = f.fieldError("country");
  return (
    <form action={formAction} noValidate className="card flex flex-col gap-5">
      {state.status === "success" ? <FormMessage kind="success">{t("saved")}</FormMessage> : null}
      {f.formError ? (
        <FormMessage kind="error" title={te("title")}>
          {f.formError}
        </FormMessage>
      ) : null}
      <TextField name="name" label={t("displayName")} autoComplete="name" required maxLength={80} defaultValue={v("name")} error={f.fieldError("name")} />

      <div className="flex flex-col gap-1">
        <label htmlFor="field-stakeholderGroup" className="font-semibold">
          {t("group")}
        </label>
        <p id="field-stakeholderGroup-hint" className="text-sm text-muted">
          {t("groupHint")}
        </p>
        {groupError ? (
          <p id="field-stakeholderGroup-error" className="text-sm font-semibold text-danger">
            {groupError}
          </p>
        ) : null}
        <select
          id="field-stakeholderGroup"
          name="stakeholderGroup"
          required
          aria-required
          aria-invalid={groupError ? true : undefined}
          aria-describedby={`field-stakeholderGroup-hint${groupError ? " field-stakeholderGroup-error" : ""}`}
          defaultValue={v("stakeholderGroup")}
          key={`group-${v("stakeholderGroup")}`}
          className="input"
        >
          <option value="">{t("chooseGroup")}</option>
          {groups.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
      </div>

      <div className="flex flex-col gap-1">
        <label htmlFor="field-country" className="font-semibold">
          {t("country")}
        </label>
        {countryError ? (
          <p id="field-country-error" className="text-sm font-semibold text-danger">
            {countryError}
          </p>
        ) : null}
        <select
          id="field-country"
          name="country"
          autoComplete="country"
          aria-invalid={countryError ? true : undefined}
          aria-describedby={countryError ? "field-country-error" : undefined}
          defaultValue={v("country")}
          key={`country-${v("country")}`}
          className="input"
        >
          <option value="">{t("noCountry")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>

      <TextField name="affiliation" label={t("affiliation")} hint={t("affiliationHint")} autoComplete="organization" maxLength={120} defaultValue={v("affiliation")} error={f.fieldError("affiliation")} />

      <div className="flex items-start gap-3">
        <input
          id="field-speaksForOrganisation"
          type="checkbox"
          name="speaksForOrganisation"
          defaultChecked={speaks}
          key={`speaks-${speaks}`}
          aria-describedby="field-speaksForOrganisation-hint"
          className="mt-1 size-5"
        />
        <div>
          <label htmlFor="field-speaksForOrganisation" className="font-semibold">
            {t("speaksFor")}
          </label>
          <p id="field-speaksForOrganisation-hint" className="text-sm text-muted">
            {t("speaksForHint")}
          </p>
        </div>
      </div>
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </form>
  );
}
