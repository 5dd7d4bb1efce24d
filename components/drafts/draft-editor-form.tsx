"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { useFormText } from "@/components/form/use-form-text";
import { idleState, type ActionState } from "@/lib/action-state";
import { DraftBlocks, type PreviewBlock } from "./draft-blocks";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Preview = (body: string) => Promise<{ blocks: PreviewBlock[]; words: number } | { error: string }>;

type Initial = { reference?: string; title: string; abstract: string; topics: string; language: string; authors: string; body: string };

type Props = {
  action: Action;
  preview: Preview;
  hidden: Record<string, string>;
  initial: Initial;
  mode: "create" | "edit" | "revise";
  nextVersionLabel?: string;
  languages: ReadonlyArray<{ value: string; label: string }>;
};

/** Write or import Markdown, see the numbered reading view as you type, then save or publish. */
export function DraftEditorForm({ action, preview, hidden, initial, mode, nextVersionLabel, languages }: Props) {
  const t = useTranslations("editor");
  const te = useTranslations("errors");
  const tv = useTranslations("validation");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  const v = (name: keyof Initial) => f.value(name) ?? initial[name] ?? "";
  const [body, setBody] = useState(() => v("body"));
  const [rendered, setRendered] = useState<{ blocks: PreviewBlock[]; words: number } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  // Live preview, debounced; rendered by the server with the publishing parser and sanitiser.
  useEffect(() => {
    const handle = setTimeout(() => {
      startTransition(async () => {
        const result = await preview(body);
        if ("error" in result) setPreviewError(tv.has(result.error) ? tv(result.error) : te("unexpected"));
        else {
          setPreviewError(null);
          setRendered(result);
        }
      });
    }, 400);
    return () => clearTimeout(handle);
  }, [body, preview, te, tv]);

  async function importFile(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    setBody(text);
    bodyRef.current?.focus();
  }

  const bodyError = f.fieldError("body");
  return (
    <form action={formAction} noValidate className="flex flex-col gap-6">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {f.formError || state.fieldErrors ? (
        <FormMessage kind="error" title={te("title")}>
          {f.formError ?? t("fixErrors")}
        </FormMessage>
      ) : null}
      <div className="card flex flex-col gap-5">
        {mode === "create" ? (
          <TextField name="reference" label={t("reference")} hint={t("referenceHint")} maxLength={40} defaultValue={v("reference")} error={f.fieldError("reference")} className="input font-mono" />
        ) : null}
        <TextField name="title" label={t("title")} required maxLength={200} defaultValue={v("title")} error={f.fieldError("title")} />
        <div className="flex flex-col gap-1">
          <label htmlFor="field-abstract" className="font-semibold">
            {t("abstract")}
          </label>
          {f.fieldError("abstract") ? (
            <p id="field-abstract-error" className="text-sm font-semibold text-danger">
              {f.fieldError("abstract")}
            </p>
          ) : null}
          <textarea id="field-abstract" name="abstract" rows={3} maxLength={2000} defaultValue={v("abstract")} className="input" aria-invalid={f.fieldError("abstract") ? true : undefined} aria-describedby={f.fieldError("abstract") ? "field-abstract-error" : undefined} />
        </div>
        <div className="grid gap-5 md:grid-cols-2">
          <TextField name="topics" label={t("topics")} hint={t("topicsHint")} defaultValue={v("topics")} error={f.fieldError("topics")} />
          <div className="flex flex-col gap-1">
            <label htmlFor="field-language" className="font-semibold">
              {t("language")}
            </label>
            {/* Keyed by the echoed value: React 19 resets a form after its action, and a select only takes a new defaultValue when remounted. */}
            <select key={v("language") || "en"} id="field-language" name="language" defaultValue={v("language") || "en"} className="input">
              {languages.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="field-authors" className="font-semibold">
            {t("authors")}
          </label>
          <p id="field-authors-hint" className="text-sm text-muted">
            {t("authorsHint")}
          </p>
          <textarea id="field-authors" name="authors" rows={2} defaultValue={v("authors")} className="input" aria-describedby="field-authors-hint" />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-2">
          <div className="flex flex-wrap items-end justify-between gap-2">
            <label htmlFor="field-body" className="font-semibold">
              {t("body")}
            </label>
            <span className="text-sm">
              <label htmlFor="field-import" className="me-2">
                {t("import")}
              </label>
              <input id="field-import" type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" className="max-w-full text-sm" onChange={(e) => void importFile(e.target.files?.[0])} />
            </span>
          </div>
          <p id="field-body-hint" className="text-sm text-muted">
            {t("bodyHint")}
          </p>
          {bodyError ? (
            <p id="field-body-error" className="text-sm font-semibold text-danger">
              {bodyError}
            </p>
          ) : null}
          <textarea
            ref={bodyRef}
            id="field-body"
            name="body"
            rows={24}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            className="input min-h-96 font-mono text-sm"
            spellCheck
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={`field-body-hint${bodyError ? " field-body-error" : ""}`}
          />
        </div>
        <section aria-labelledby="preview-heading" className="flex min-w-0 flex-col gap-2">
          <h2 id="preview-heading" className="font-semibold">
            {t("preview")} {pending ? <span className="text-sm font-normal text-muted">({t("updating")})</span> : null}
          </h2>
          <p className="text-sm text-muted" aria-live="polite">
            {previewError ?? (rendered ? t("words", { count: rendered.words }) : "")}
          </p>
          <div className="card max-h-[48rem] overflow-auto" data-testid="preview">
            {rendered && rendered.blocks.length > 0 ? (
              <DraftBlocks blocks={rendered.blocks} idPrefix="preview-" labels={{ permalink: (n) => t("permalink", { number: n }) }} />
            ) : (
              <p className="text-muted">{t("previewEmpty")}</p>
            )}
          </div>
        </section>
      </div>

      {mode === "revise" ? (
        <div className="card flex flex-col gap-1">
          <label htmlFor="field-changeNote" className="font-semibold">
            {t("changeNote")}
          </label>
          <p id="field-changeNote-hint" className="text-sm text-muted">
            {t("changeNoteHint", { version: nextVersionLabel ?? "" })}
          </p>
          {f.fieldError("changeNote") ? (
            <p id="field-changeNote-error" className="text-sm font-semibold text-danger">
              {f.fieldError("changeNote")}
            </p>
          ) : null}
          <textarea id="field-changeNote" name="changeNote" rows={3} maxLength={2000} defaultValue={v("changeNote" as keyof Initial)} required className="input" aria-invalid={f.fieldError("changeNote") ? true : undefined} aria-describedby={`field-changeNote-hint${f.fieldError("changeNote") ? " field-changeNote-error" : ""}`} />
        </div>
      ) : null}
      <div>
        <SubmitButton>{mode === "create" ? t("create") : mode === "edit" ? t("save") : t("publish", { version: nextVersionLabel ?? "" })}</SubmitButton>
      </div>
    </form>
  );
}
