import { existsSync } from "node:fs";
import path from "node:path";

/** The shared Pol.is conversations (CC BY 4.0), read in place: `POLIS_DATASETS` or ../shared/datasets/polis. */
export function polisDatasetsDir(): string | null {
  const candidates = [process.env.POLIS_DATASETS, path.resolve(process.cwd(), "../shared/datasets/polis"), "/work/shared/datasets/polis"];
  return candidates.find((c): c is string => !!c && existsSync(path.join(c, "brexit-consensus", "votes.csv"))) ?? null;
}

export const POLIS_CONVERSATIONS = [
  "15-per-hour-seattle",
  "brexit-consensus",
  "canadian-electoral-reform",
  "scoop-hivemind.biodiversity",
  "vtaiwan.uberx",
] as const;
