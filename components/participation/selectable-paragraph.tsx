"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

/**
 * The paragraph above its discussion. Selecting words in it (mouse, touch or keyboard) copies them
 * into the comment form's "passage" field, so a comment can be about part of a paragraph. The text
 * carries the draft's language and direction (`lang`, `dir`).
 */
export function SelectableParagraph({ html, quoteFieldId, lang, dir }: { html: string; quoteFieldId: string; lang?: string; dir?: "ltr" | "rtl" }) {
  const t = useTranslations("participation");
  const ref = useRef<HTMLQuoteElement>(null);
  const [announce, setAnnounce] = useState("");
  function takeSelection() {
    const selection = window.getSelection();
    const text = selection?.toString().replace(/\s+/g, " ").trim();
    if (!text || !selection?.anchorNode || !ref.current?.contains(selection.anchorNode)) return;
    const field = document.getElementById(quoteFieldId) as HTMLInputElement | null;
    if (!field) return;
    field.value = text.slice(0, 1000);
    setAnnounce(t("passageCopied"));
  }
  return (
    <div className="flex flex-col gap-1">
      <blockquote ref={ref} className="card prose-block" data-testid="paragraph" lang={lang} dir={dir} onMouseUp={takeSelection} onKeyUp={takeSelection} onTouchEnd={takeSelection} dangerouslySetInnerHTML={{ __html: html }} />
      <p className="text-sm text-muted">{t("selectHint")}</p>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
    </div>
  );
}
