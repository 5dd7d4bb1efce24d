"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { idleState, type ActionState } from "@/lib/action-state";
import { useFormText } from "./use-form-text";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A small form posting to a server action (vote, follow, withdraw, moderate…), showing its result
 * or error next to it. Works without JavaScript as a plain POST.
 */
export function InlineActionForm({
  action,
  hidden,
  children,
  className = "flex flex-wrap items-center gap-2",
  label,
}: {
  action: Action;
  hidden: Record<string, string>;
  children: React.ReactNode;
  className?: string;
  label?: string;
}) {
  const [state, formAction] = useActionState(action, idleState);
  const form = useRef<HTMLFormElement>(null);
  // React resets a form after its action; on an error, put back what the user had typed or chosen.
  useEffect(() => {
    if (state.status !== "error" || !state.values || !form.current) return;
    for (const el of Array.from(form.current.elements)) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) continue;
      if (!el.name || el.type === "hidden" || el.type === "file" || el.type === "password") continue;
      const value = state.values[el.name];
      if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) el.checked = value !== undefined && el.value === value;
      else if (value !== undefined) el.value = value;
    }
  }, [state]);
  const tm = useTranslations("participation.messages");
  const f = useFormText(state);
  // Every field's message at once (e.g. a missing reason and an unticked confirmation box).
  const fieldErrors = state.fieldErrors ? [...new Set(Object.keys(state.fieldErrors).map((k) => f.fieldError(k)).filter(Boolean))] : [];
  const fieldError = fieldErrors.length ? fieldErrors.join(" ") : undefined;
  return (
    <form ref={form} action={formAction} className={className} aria-label={label}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {state.status === "error" ? (
        <p role="alert" className="text-sm font-semibold text-danger">
          {f.formError ?? fieldError}
        </p>
      ) : state.status === "success" && state.message ? (
        <p role="status" className="text-sm text-success">
          {tm.has(state.message) ? tm(state.message) : ""}
        </p>
      ) : null}
    </form>
  );
}
