/** FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (Unicode Bidirectional Algorithm, UAX #9). */
const FSI = "\u2068";
const PDI = "\u2069";

/**
 * Wraps user or document text placed inside a translated sentence (a title in "Back to “{title}”",
 * a name in an email subject) so it keeps its own direction: an English title in an Arabic sentence
 * no longer drags the punctuation around it, in HTML and in plain-text emails alike. Use <bdi> where
 * the text is its own element.
 */
export function isolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}
