/** Languages written right to left (ISO 639-1), for a draft's declared language. */
const RTL = new Set(["ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ku"]);

/**
 * The writing direction of a draft's declared language ("ar" → "rtl", "zh-Hant" → "ltr"), for the
 * `dir` beside its `lang` on the element holding the draft's text.
 */
export function textDirection(language: string): "rtl" | "ltr" {
  return RTL.has(language.toLowerCase().split("-")[0] ?? "") ? "rtl" : "ltr";
}
