import { isCountryCode } from "@/lib/users/countries";
import type { Definition, Question } from "./definition";

/** One stored answer row: SQL aggregates over these. */
export type AnswerRow = { questionId: string; option?: string | null; rank?: number | null; number?: number | null; text?: string | null };
export type AnswerErrors = Record<string, string>;

const OTHER = "other";
const hasNul = (v: string) => v.includes("\u0000");

/** Which questions a respondent sees, given their answers so far (skip logic). */
export function visibleQuestions(definition: Definition, answers: Record<string, unknown>): Question[] {
  return definition.filter((q) => {
    if (!q.showIf) return true;
    const given = answers[q.showIf.questionId];
    return Array.isArray(given) ? given.includes(q.showIf.optionId) : given === q.showIf.optionId;
  });
}

const empty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * Checks answers (keyed by question id) against the survey's current definition and turns them into
 * rows. Unknown questions, options out of range and missing required answers are errors; answers to
 * questions hidden by skip logic are dropped.
 */
export function validateAnswers(definition: Definition, answers: Record<string, unknown>): { ok: true; rows: AnswerRow[] } | { ok: false; errors: AnswerErrors } {
  const errors: AnswerErrors = {};
  const known = new Set(definition.map((q) => q.id));
  for (const key of Object.keys(answers)) if (!known.has(key) && !key.endsWith(`_${OTHER}`)) errors[key] = "unknownQuestion";
  const rows: AnswerRow[] = [];
  for (const q of visibleQuestions(definition, answers)) {
    const value = answers[q.id];
    if (empty(value)) {
      if (q.required) errors[q.id] = "required";
      continue;
    }
    const optionIds = new Set(q.options.map((o) => o.id));
    switch (q.type) {
      case "single": {
        if (typeof value !== "string" || (!optionIds.has(value) && !(q.other && value === OTHER))) {
          errors[q.id] = "optionInvalid";
          break;
        }
        const other = value === OTHER ? String(answers[`${q.id}_${OTHER}`] ?? "").trim() : null;
        if (value === OTHER && !other) errors[q.id] = "otherRequired";
        else rows.push({ questionId: q.id, option: value, text: other ? other.slice(0, 500) : null });
        break;
      }
      case "multiple": {
        const picks = Array.isArray(value) ? value : [value];
        if (picks.some((p) => typeof p !== "string" || (!optionIds.has(p) && !(q.other && p === OTHER))) || new Set(picks).size !== picks.length) {
          errors[q.id] = "optionInvalid";
          break;
        }
        if ((q.minPicks !== undefined && picks.length < q.minPicks) || (q.maxPicks !== undefined && picks.length > q.maxPicks)) {
          errors[q.id] = "pickCount";
          break;
        }
        const other = picks.includes(OTHER) ? String(answers[`${q.id}_${OTHER}`] ?? "").trim() : null;
        if (picks.includes(OTHER) && !other) {
          errors[q.id] = "otherRequired";
          break;
        }
        for (const p of picks as string[]) rows.push({ questionId: q.id, option: p, text: p === OTHER ? other!.slice(0, 500) : null });
        break;
      }
      case "likert":
      case "rating": {
        const n = typeof value === "number" ? value : Number(value);
        const [lo, hi] = q.type === "likert" ? [1, q.scale] : [0, 10];
        if (!Number.isInteger(n) || n < lo || n > hi) errors[q.id] = "outOfRange";
        else rows.push({ questionId: q.id, number: n });
        break;
      }
      case "number": {
        const n = typeof value === "number" ? value : Number(String(value).replace(",", "."));
        if (!Number.isFinite(n) || (q.min !== undefined && n < q.min) || (q.max !== undefined && n > q.max)) errors[q.id] = "outOfRange";
        else rows.push({ questionId: q.id, number: n });
        break;
      }
      case "ranking": {
        const order = value as unknown;
        if (!Array.isArray(order) || order.length !== optionIds.size || new Set(order).size !== order.length || order.some((o) => !optionIds.has(o as string))) {
          errors[q.id] = "rankingInvalid";
          break;
        }
        order.forEach((o, i) => rows.push({ questionId: q.id, option: o as string, rank: i + 1 }));
        break;
      }
      case "shortText":
      case "longText": {
        const max = q.type === "shortText" ? 500 : 5000;
        if (typeof value !== "string" || hasNul(value)) errors[q.id] = "textInvalid";
        else if (value.trim().length > max) errors[q.id] = q.type === "shortText" ? "tooLong500" : "textTooLong";
        else if (value.trim()) rows.push({ questionId: q.id, text: value.trim() });
        else if (q.required) errors[q.id] = "required";
        break;
      }
      case "country": {
        if (typeof value !== "string" || !isCountryCode(value.toUpperCase())) errors[q.id] = "countryInvalid";
        else rows.push({ questionId: q.id, option: value.toUpperCase() });
        break;
      }
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, rows };
}

/**
 * The answer form posts plain fields (it works without JavaScript): q_<id> (repeated for multiple
 * choice), q_<id>_other, and q_<id>_rank_<option> for ranking. This turns them into API-shaped answers.
 */
export function answersFromForm(definition: Definition, form: FormData | URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of definition) {
    const name = `q_${q.id}`;
    if (q.type === "multiple") {
      const all = form.getAll(name).map(String).filter(Boolean);
      if (all.length) out[q.id] = all;
    } else if (q.type === "ranking") {
      const ranked = q.options
        .map((o) => ({ id: o.id, rank: Number(form.get(`${name}_rank_${o.id}`)) }))
        .filter((r) => Number.isInteger(r.rank) && r.rank > 0);
      if (ranked.length) out[q.id] = ranked.length === q.options.length && new Set(ranked.map((r) => r.rank)).size === ranked.length ? ranked.sort((a, b) => a.rank - b.rank).map((r) => r.id) : ["__invalid__"];
    } else {
      const v = form.get(name);
      if (v !== null && String(v) !== "") out[q.id] = String(v);
    }
    const other = form.get(`${name}_other`);
    if (other !== null && String(other).trim()) out[`${q.id}_other`] = String(other);
  }
  return out;
}
