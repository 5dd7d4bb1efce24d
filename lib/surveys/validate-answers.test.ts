import { describe, expect, it } from "vitest";
import { ZDefinition } from "./definition";
import { neutraliseCell as neutraliseCsvCell } from "@/lib/csv/write-csv";
import { answersFromForm, validateAnswers } from "./validate-answers";

const definition = ZDefinition.parse([
  { id: "track", type: "single", required: true, text: { en: "On track?" }, options: [{ id: "yes", label: { en: "Yes" } }, { id: "no", label: { en: "No" } }], other: true },
  { id: "why", type: "longText", required: true, text: { en: "Why not?" }, showIf: { questionId: "track", optionId: "no" } },
  { id: "pick", type: "multiple", minPicks: 1, maxPicks: 2, text: { en: "Pick" }, options: [{ id: "a", label: { en: "A" } }, { id: "b", label: { en: "B" } }, { id: "c", label: { en: "C" } }] },
  { id: "agree", type: "likert", scale: 7, text: { en: "Agree?" } },
  { id: "rate", type: "rating", text: { en: "Rate" } },
  { id: "rank", type: "ranking", text: { en: "Rank" }, options: [{ id: "x", label: { en: "X" } }, { id: "y", label: { en: "Y" } }] },
  { id: "short", type: "shortText", text: { en: "Short" } },
  { id: "country", type: "country", text: { en: "Where" } },
  { id: "size", type: "number", min: 1, max: 50, text: { en: "How many" } },
]);

describe("validateAnswers", () => {
  it("turns valid answers of every type into rows SQL can aggregate", () => {
    const result = validateAnswers(definition, { track: "no", why: "Because.", pick: ["a", "c"], agree: 6, rate: "10", rank: ["y", "x"], short: " hi ", country: "ke", size: "3" });
    expect(result).toEqual({
      ok: true,
      rows: [
        { questionId: "track", option: "no", text: null },
        { questionId: "why", text: "Because." },
        { questionId: "pick", option: "a", text: null },
        { questionId: "pick", option: "c", text: null },
        { questionId: "agree", number: 6 },
        { questionId: "rate", number: 10 },
        { questionId: "rank", option: "y", rank: 1 },
        { questionId: "rank", option: "x", rank: 2 },
        { questionId: "short", text: "hi" },
        { questionId: "country", option: "KE" },
        { questionId: "size", number: 3 },
      ],
    });
  });

  it("applies skip logic: a hidden question is neither required nor stored", () => {
    expect(validateAnswers(definition, { track: "yes", why: "ignored" })).toEqual({ ok: true, rows: [{ questionId: "track", option: "yes", text: null }] });
    expect(validateAnswers(definition, { track: "no" })).toEqual({ ok: false, errors: { why: "required" } });
  });

  it("rejects unknown questions, options out of range and missing required answers", () => {
    const result = validateAnswers(definition, { ghost: 1, pick: ["a", "b", "c"], agree: 8, rate: 11, rank: ["x", "x"], country: "XX", size: 51, short: "a\u0000b" });
    expect(result).toEqual({
      ok: false,
      errors: { ghost: "unknownQuestion", track: "required", pick: "pickCount", agree: "outOfRange", rate: "outOfRange", rank: "rankingInvalid", country: "countryInvalid", size: "outOfRange", short: "textInvalid" },
    });
    expect(validateAnswers(definition, { track: "maybe" })).toEqual({ ok: false, errors: { track: "optionInvalid" } });
    expect(validateAnswers(definition, { track: "other" })).toEqual({ ok: false, errors: { track: "otherRequired" } });
    expect(validateAnswers(definition, { track: "other", track_other: "Partly" })).toMatchObject({ ok: true, rows: [{ questionId: "track", option: "other", text: "Partly" }] });
  });

  it("reads the no-JavaScript form encoding", () => {
    const form = new URLSearchParams([["q_track", "no"], ["q_why", "x"], ["q_pick", "a"], ["q_pick", "b"], ["q_rank_rank_x", "2"], ["q_rank_rank_y", "1"], ["q_agree", "4"]]);
    expect(answersFromForm(definition, form)).toEqual({ track: "no", why: "x", pick: ["a", "b"], rank: ["y", "x"], agree: "4" });
  });

  it("refuses skip logic that points forward or at a non-choice question", () => {
    const bad = ZDefinition.safeParse([
      { id: "a", type: "shortText", text: { en: "A" }, showIf: { questionId: "b", optionId: "x" } },
      { id: "b", type: "single", text: { en: "B" }, options: [{ id: "x", label: { en: "X" } }, { id: "y", label: { en: "Y" } }] },
    ]);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(["skipLogicInvalid"]);
  });

  it("neutralises spreadsheet formulas in exported cells", () => {
    expect(neutraliseCsvCell("=HYPERLINK(\"http://evil\")")).toBe("'=HYPERLINK(\"http://evil\")");
    expect(neutraliseCsvCell("+1")).toBe("'+1");
    expect(neutraliseCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCsvCell("plain")).toBe("plain");
  });
});
