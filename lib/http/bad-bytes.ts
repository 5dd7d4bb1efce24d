import { BadRequestError } from "@/lib/errors";

// C0 controls and DEL never come from a person typing a URL or a form value.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Refuses text no valid request carries: NUL and other control characters, the replacement
 * character left by invalid UTF-8, and values over `maxLength` characters.
 *
 * @throws BadRequestError("invalidCharacters" | "tooLong") → 400.
 */
export function assertCleanText(value: string, maxLength: number): void {
  if (value.length > maxLength) throw new BadRequestError("tooLong");
  if (controlCharacters.test(value) || value.includes("\uFFFD")) throw new BadRequestError("invalidCharacters");
}

/**
 * Decodes one URL path segment as Next passes it (still percent-encoded in some cases, decoded in
 * others) and checks it.
 *
 * @returns the decoded segment (at most 200 characters).
 * @throws BadRequestError("invalidEncoding") for malformed percent-encoding or invalid UTF-8,
 *   ("invalidCharacters") for control characters, ("tooLong") over 200 characters.
 */
export function decodePathSegment(raw: string): string {
  let decoded = raw;
  if (raw.includes("%")) {
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      throw new BadRequestError("invalidEncoding");
    }
  }
  assertCleanText(decoded, 200);
  return decoded;
}

/** True when a URL path segment is one a page should answer 404 to at once (bad bytes, over-long). */
export function isHostilePathSegment(raw: string): boolean {
  try {
    decodePathSegment(raw);
    return false;
  } catch {
    return true;
  }
}
