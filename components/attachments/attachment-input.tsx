"use client";

import { useTranslations } from "next-intl";
import { attachmentAccept, attachmentField, MAX_ATTACHMENTS_PER_COMMENT } from "@/lib/attachments/rules";

/**
 * The comment form's file input (issue 13): up to three files, checked on the server from their
 * bytes. A plain multipart input, so it works without JavaScript.
 * @param maxBytes each file's limit (bytes), shown in the hint.
 * @param error the translated field error, if the last submission was refused.
 */
export function AttachmentInput({ idPrefix, maxBytes, error }: { idPrefix: string; maxBytes: number; error?: string }) {
  const t = useTranslations("attachments");
  const id = `${idPrefix}-attachments`;
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {t("label")}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {t("hint", { count: MAX_ATTACHMENTS_PER_COMMENT, megabytes })}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger" role="alert">
          {error}
        </p>
      ) : null}
      <input
        id={id}
        type="file"
        name={attachmentField}
        multiple
        accept={attachmentAccept}
        className="max-w-full text-sm file:me-3 file:rounded-md file:border file:border-line file:bg-white file:px-3 file:py-2 file:font-semibold"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
      />
    </div>
  );
}
