import { directionOf, isLocale, defaultLocale } from "@/lib/i18n/config";
import { isolate } from "@/lib/i18n/isolate";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A whole HTML email in the recipient's language: `<html lang dir>` from their locale (Arabic is
 * right to left), so mail clients lay the interface text out the right way round. `body` is HTML
 * already escaped; content quoted inside it carries its own direction (see `contentBlock`).
 */
export function emailDocument(locale: string | null | undefined, body: string): string {
  const chosen = isLocale(locale) ? locale : defaultLocale;
  return `<!doctype html><html lang="${chosen}" dir="${directionOf(chosen)}"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
}

/**
 * Quoted user or document text (a comment excerpt) as its own block with `dir="auto"`: an Arabic
 * comment in an English email reads right to left, an English one in an Arabic email left to right.
 */
export function contentBlock(text: string, tag: "blockquote" | "p" = "blockquote"): string {
  return `<${tag} dir="auto">${escapeHtml(text)}</${tag}>`;
}

/**
 * Values inserted into a translated sentence (titles, names, references) wrapped in bidi isolates,
 * so their own direction does not reorder the sentence around them (plain text and HTML alike).
 * Empty values stay empty (catalog messages test for them with `select`).
 */
export function isolateValues(values: Record<string, string>, keep: readonly string[] = ["path", "url"]): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v && !keep.includes(k) ? isolate(v) : v]));
}
