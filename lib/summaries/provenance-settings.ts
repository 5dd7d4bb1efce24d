/**
 * An analysis run's settings (stored as JSON on the run and copied into the published summary's
 * provenance) as labelled rows a reader can follow, in a fixed order.
 */

/** The settings the provenance names; their labels are `summaries.provenance.settingNames.<key>`. */
export const knownSettings = [
  "themeCount",
  "opinionGroupCount",
  "maxOpinionGroups",
  "opinionKSelection",
  "minVotesPerParticipant",
  "campaignSimilarity",
  "bridgingThreshold",
  "opinionZeroOnlyWhereVoted",
  "opinionGroupRestarts",
  "opinionMembership",
  "opinionNearEqualTolerance",
  "opinionSilhouetteOver",
  "opinionBaggedRuns",
  "seed",
  "labelModel",
] as const;
export type KnownSetting = (typeof knownSettings)[number];

/** A setting's value as the page shows it: a number, a yes/no, a named choice, "chosen by the method" (null), or text. */
export type SettingValue = { kind: "number"; value: number; percent: boolean } | { kind: "boolean"; value: boolean } | { kind: "automatic" } | { kind: "choice"; value: "silhouette" | "stability" | "baseCluster" | "nearestCentre" | "baseCentres" | "participants" } | { kind: "text"; value: string };

export type SettingRow = { key: KnownSetting; value: SettingValue } | { key: string; known: false; value: SettingValue };

// Shares of 1 (0.7 = 70 %): shown as percentages.
const fractions = new Set<string>(["campaignSimilarity", "bridgingThreshold", "opinionNearEqualTolerance"]);

function valueOf(key: string, raw: unknown): SettingValue {
  if (raw === null || raw === undefined) return { kind: "automatic" };
  if (typeof raw === "boolean") return { kind: "boolean", value: raw };
  if (typeof raw === "number") return { kind: "number", value: raw, percent: fractions.has(key) };
  if (key === "opinionKSelection" && (raw === "silhouette" || raw === "stability")) return { kind: "choice", value: raw };
  if (key === "opinionMembership" && (raw === "baseCluster" || raw === "nearestCentre")) return { kind: "choice", value: raw };
  if (key === "opinionSilhouetteOver" && (raw === "baseCentres" || raw === "participants")) return { kind: "choice", value: raw };
  return { kind: "text", value: typeof raw === "string" ? raw : JSON.stringify(raw) };
}

/**
 * The rows to show for a run's settings: known settings first (in {@link knownSettings} order), then
 * any others under their own key, so nothing recorded is hidden. Not an object (null, a list): no rows.
 */
export function describeSettings(settings: unknown): SettingRow[] {
  if (!settings || typeof settings !== "object" || Array.isArray(settings)) return [];
  const entries = settings as Record<string, unknown>;
  const known = knownSettings.filter((k) => k in entries).map((key) => ({ key, value: valueOf(key, entries[key]) }));
  const others = Object.keys(entries)
    .filter((k) => !(knownSettings as readonly string[]).includes(k))
    .sort()
    .map((key) => ({ key, known: false as const, value: valueOf(key, entries[key]) }));
  return [...known, ...others];
}
