import { z } from "zod";

/** Kind letters in a tracking number: C a comment, R a reply, S a survey answer. */
export type ReceiptKindLetter = "C" | "R" | "S";

const pattern = /^([A-Z0-9][A-Z0-9.-]{0,120})-([CRS])-(\d{6,12})$/;

/**
 * A tracking number as it is written: "<docket>-<kind letter>-<sequence>", the sequence zero-padded
 * to at least six digits, e.g. "GDPF-RFC-2026-004-C-000123".
 * @param docket a draft's reference, or a standalone survey's slug (put in capitals)
 * @param sequence a positive integer from the docket's counter
 */
export function formatTrackingNumber(docket: string, kind: ReceiptKindLetter, sequence: number): string {
  return `${docket.toUpperCase()}-${kind}-${String(sequence).padStart(6, "0")}`;
}

/** The docket (a draft's reference, or a survey's slug in capitals) a survey's answers are numbered in. */
export function surveyDocket(survey: { slug: string; draftReference: string | null }): string {
  return (survey.draftReference ?? survey.slug).toUpperCase();
}

/**
 * Reads what someone typed: trims, removes inner spaces, upper-cases.
 * @returns the parts, or null when it cannot be a tracking number (so lookups of junk cost nothing)
 */
export function parseTrackingNumber(input: string): { trackingNumber: string; docket: string; kind: ReceiptKindLetter; sequence: number } | null {
  const value = input.trim().replace(/\s+/g, "").toUpperCase();
  const m = pattern.exec(value);
  if (!m) return null;
  return { trackingNumber: value, docket: m[1]!, kind: m[2] as ReceiptKindLetter, sequence: Number(m[3]) };
}

/** The lookup form's and the API's input: normalised (see parseTrackingNumber) or refused. */
export const ZTrackingNumber = z
  .string()
  .max(160)
  .transform((v, ctx) => {
    const parsed = parseTrackingNumber(v);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: "trackingNumberInvalid" });
      return z.NEVER;
    }
    return parsed.trackingNumber;
  });
