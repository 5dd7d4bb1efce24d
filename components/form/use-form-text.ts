"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/action-state";

/** Translates an action state's catalog keys for a form. */
export function useFormText(state: ActionState) {
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  return {
    fieldError: (name: string) => {
      const key = state.fieldErrors?.[name];
      return key ? (tv.has(key) ? tv(key) : te("unexpected")) : undefined;
    },
    formError: state.formError ? (te.has(state.formError) ? te(state.formError) : te("unexpected")) : undefined,
    value: (name: string) => state.values?.[name],
  };
}
