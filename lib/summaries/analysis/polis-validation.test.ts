import { describe, expect, it } from "vitest";

import { analyseFolder, cliJson } from "./cli";
import { POLIS_CONVERSATIONS, polisDatasetsDir } from "./datasets";

const dir = polisDatasetsDir();

// The real Pol.is conversations are the ground truth for opinion groups (group-id in participants-votes.csv).
describe.skipIf(!dir)("analysis of the shared Pol.is conversations", () => {
  const scores: Record<string, number> = {};
  for (const name of POLIS_CONVERSATIONS) {
    it(`${name}: groups close to Pol.is's own, themes and consensus`, () => {
      const analysed = analyseFolder(`${dir}/${name}`);
      scores[name] = analysed.ari!;
      expect(analysed.ari).toBeGreaterThan(0.65);
      const json = cliJson(analysed);
      const grouped = json.groups.flatMap((g) => g.participants);
      expect(new Set(grouped).size).toBe(grouped.length);
      expect(json.themes.length).toBeGreaterThanOrEqual(2);
      expect(json.themes.every((t) => t.label.length > 0 && t.comments.length > 0)).toBe(true);
      const shown = new Set(analysed.data.comments.filter((c) => c.moderated !== -1).map((c) => c.id));
      expect(json.consensus.every((id) => shown.has(id))).toBe(true);
    });
  }
  it("matches Pol.is with an adjusted Rand index of 0.85 or better on average", () => {
    const values = Object.values(scores);
    expect(values).toHaveLength(POLIS_CONVERSATIONS.length);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    console.info("adjusted Rand index per conversation", scores, "mean", mean.toFixed(3));
    expect(mean).toBeGreaterThanOrEqual(0.85);
  });
});
