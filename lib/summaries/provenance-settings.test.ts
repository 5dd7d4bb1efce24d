import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./analysis/analyse";
import { describeSettings } from "./provenance-settings";

describe("describeSettings", () => {
  it("names every default setting, in a fixed order, with typed values", () => {
    const rows = describeSettings({ ...DEFAULT_SETTINGS, labelModel: "small-model" });
    expect(rows.map((r) => r.key)).toEqual(["themeCount", "opinionGroupCount", "maxOpinionGroups", "opinionKSelection", "minVotesPerParticipant", "campaignSimilarity", "bridgingThreshold", "opinionZeroOnlyWhereVoted", "opinionGroupRestarts", "opinionMembership", "opinionNearEqualTolerance", "opinionSilhouetteOver", "opinionBaggedRuns", "seed", "labelModel"]);
    expect(rows.every((r) => !("known" in r))).toBe(true);
    const value = (key: string) => rows.find((r) => r.key === key)?.value;
    expect(value("themeCount")).toEqual({ kind: "automatic" });
    expect(value("campaignSimilarity")).toEqual({ kind: "number", value: 0.7, percent: true });
    expect(value("maxOpinionGroups")).toEqual({ kind: "number", value: 5, percent: false });
    expect(value("opinionKSelection")).toEqual({ kind: "choice", value: "silhouette" });
    expect(value("opinionZeroOnlyWhereVoted")).toEqual({ kind: "boolean", value: false });
    expect(value("opinionMembership")).toEqual({ kind: "choice", value: "nearestCentre" });
    expect(value("opinionNearEqualTolerance")).toEqual({ kind: "number", value: 0.02, percent: true });
    expect(value("opinionSilhouetteOver")).toEqual({ kind: "choice", value: "participants" });
    expect(value("opinionBaggedRuns")).toEqual({ kind: "number", value: 20, percent: false });
    expect(value("labelModel")).toEqual({ kind: "text", value: "small-model" });
  });

  it("keeps settings it does not know, under their own key, after the known ones", () => {
    expect(describeSettings({ seed: 1, zeta: "x", alpha: [1, 2] })).toEqual([
      { key: "seed", value: { kind: "number", value: 1, percent: false } },
      { key: "alpha", known: false, value: { kind: "text", value: "[1,2]" } },
      { key: "zeta", known: false, value: { kind: "text", value: "x" } },
    ]);
  });

  it("shows nothing for missing settings", () => {
    expect(describeSettings(null)).toEqual([]);
    expect(describeSettings([1])).toEqual([]);
  });
});
