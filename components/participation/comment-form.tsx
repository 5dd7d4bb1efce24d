"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { useFormText } from "@/components/form/use-form-text";
import { idleState, type ActionState } from "@/lib/action-state";
import { AttachmentInput } from "@/components/attachments/attachment-input";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Comment on a paragraph (or the whole draft), or reply. A proposed change starts from the
 * paragraph's text so the author edits it in place; the thread shows it as a diff.
 */
export function CommentForm({
  action,
  draftId,
  anchor,
  paragraphText,
  parentId,
  idempotencyKey,
  canPostOfficially,
  idPrefix = "comment",
  attachmentMaxBytes,
}: {
  action: Action;
  draftId: string;
  anchor: string | null;
  paragraphText?: string;
  parentId?: string;
  idempotencyKey: string;
  canPostOfficially: boolean;
  idPrefix?: string;
  /** Issue 13: each attached file's limit (bytes); no file input when absent. */
  attachmentMaxBytes?: number;
}) {
  const t = useTranslations("participation");
  const te = useTranslations("errors");
  const [state, formAction] = useActionState(action, idleState);
  const f = useFormText(state);
  const [kind, setKind] = useState(f.value("kind") ?? "");
  const reply = Boolean(parentId);
  const err = (name: string) => f.fieldError(name);
  const id = (name: string) => `${idPrefix}-${name}`;
  // After a success the form starts afresh with a new key; after an error it keeps what was typed.
  const values = state.status === "success" ? {} : (state.values ?? {});
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4" aria-label={reply ? t("replyTitle") : t("formTitle")}>
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="anchor" value={anchor ?? ""} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <input type="hidden" name="idempotencyKey" value={state.status === "success" ? `${idempotencyKey}-next` : idempotencyKey} />
      {state.status === "success" && state.message ? <FormMessage kind="success">{t(`messages.${state.message}`)}</FormMessage> : null}
      {state.status === "error" ? (
        <FormMessage kind="error" title={te("title")}>
          {f.formError ?? te("checkFields")}
        </FormMessage>
      ) : null}
      {!reply ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="font-semibold">{t("kind")}</legend>
          {err("kind") ? (
            <p id={id("kind-error")} className="text-sm font-semibold text-danger">
              {err("kind")}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {(["SUPPORT", "CONCERN", "QUESTION", "CHANGE"] as const).map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input type="radio" name="kind" value={k} defaultChecked={(values.kind ?? "") === k} onChange={() => setKind(k)} className="size-5" />
                {t(`kinds.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {!reply && anchor ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={id("quote")} className="font-semibold">
            {t("quote")}
          </label>
          <p id={id("quote-hint")} className="text-sm text-muted">
            {t("quoteHint")}
          </p>
          <input id={id("quote")} name="quote" className="input" dir="auto" maxLength={1000} defaultValue={values.quote ?? ""} aria-describedby={id("quote-hint")} />
        </div>
      ) : null}
      {!reply && kind === "CHANGE" ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={id("proposedText")} className="font-semibold">
            {t("proposedText")}
          </label>
          <p id={id("proposedText-hint")} className="text-sm text-muted">
            {t("proposedTextHint")}
          </p>
          {err("proposedText") ? (
            <p id={id("proposedText-error")} className="text-sm font-semibold text-danger">
              {err("proposedText")}
            </p>
          ) : null}
          <textarea
            dir="auto"
            id={id("proposedText")}
            name="proposedText"
            rows={5}
            className="input"
            defaultValue={values.proposedText ?? paragraphText ?? ""}
            aria-invalid={err("proposedText") ? true : undefined}
            aria-describedby={`${id("proposedText-hint")}${err("proposedText") ? ` ${id("proposedText-error")}` : ""}`}
          />
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor={id("body")} className="font-semibold">
          {reply ? t("replyBody") : t("body")}
        </label>
        <p id={id("body-hint")} className="text-sm text-muted">
          {t("bodyHint")}
        </p>
        {err("body") ? (
          <p id={id("body-error")} className="text-sm font-semibold text-danger">
            {err("body")}
          </p>
        ) : null}
        <textarea
            dir="auto"
          id={id("body")}
          name="body"
          rows={reply ? 3 : 5}
          className="input"
          defaultValue={values.body ?? ""}
          key={state.status === "success" ? "reset" : "keep"}
          aria-invalid={err("body") ? true : undefined}
          aria-describedby={`${id("body-hint")}${err("body") ? ` ${id("body-error")}` : ""}`}
        />
      </div>
      {err("anchor") ? <p className="text-sm font-semibold text-danger">{err("anchor")}</p> : null}
      {attachmentMaxBytes ? <AttachmentInput idPrefix={idPrefix} maxBytes={attachmentMaxBytes} error={err("attachments")} /> : null}
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="anonymous" defaultChecked={values.anonymous === "on"} className="size-5" />
          {t("anonymous")}
        </label>
        {canPostOfficially ? (
          <label className="flex items-center gap-2">
            <input type="checkbox" name="official" defaultChecked={values.official === "on"} className="size-5" />
            {t("official")}
          </label>
        ) : null}
      </div>
      <div>
        <SubmitButton>{reply ? t("postReply") : t("post")}</SubmitButton>
      </div>
    </form>
  );
}
