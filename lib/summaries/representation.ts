import { continents, countries } from "countries-list";

export const STAKEHOLDER_GROUPS = ["GOVERNMENT", "INTERGOVERNMENTAL", "CIVIL_SOCIETY", "ACADEMIA", "PRIVATE_SECTOR", "TECHNICAL_COMMUNITY", "INDIVIDUAL"] as const;
/** Continents as regions (countries-list's continent codes), Antarctica aside. */
export const REGIONS = (Object.keys(continents) as (keyof typeof continents)[]).filter((c) => c !== "AN");

export function regionOf(country: string | null | undefined): string | null {
  if (!country) return null;
  return (countries as Record<string, { continent: string }>)[country.toUpperCase()]?.continent ?? null;
}

export type Representation = { key: string; count: number; share: number; status: "ok" | "missing" | "under" };

/**
 * Who took part, per category, with a warning where a category is missing (nobody, while others took
 * part) or badly under-represented: fewer than a fifth of the median of the other categories.
 */
export function representation(counts: Record<string, number>, keys: readonly string[]): Representation[] {
  const total = keys.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
  return keys.map((key) => {
    const count = counts[key] ?? 0;
    const others = keys.filter((k) => k !== key).map((k) => counts[k] ?? 0).sort((a, b) => a - b);
    const median = others.length ? (others[(others.length - 1) >> 1]! + others[others.length >> 1]!) / 2 : 0;
    const status = total === 0 ? "ok" : count === 0 ? "missing" : count < median / 5 ? "under" : "ok";
    return { key, count, share: total ? count / total : 0, status };
  });
}
