import { analyse, type AnalysisInput, type AnalysisResult, type AnalysisSettings, type Progress } from "./analyse";
import { assignToThemes, findThemes, labelGroups, type ThemeDocument } from "./themes";

/** Themes as they stand (after moderators' edits): theme key → comment ids. */
export type ExistingThemes = { key: string; commentIds: string[] }[];

export interface SummarisedTheme {
  /** An existing theme's key, or "new-N" for a theme this run created. */
  key: string;
  keyPhrases: string[];
  /** Comment ids, most central first, with their centrality rank (1 = most central). */
  commentIds: string[];
}

export interface Summarised {
  analysis: Omit<AnalysisResult, "themes" | "unthemed">;
  themes: SummarisedTheme[];
  /** Comment id → the first comment of its campaign (only for campaign members). */
  campaignOf: Record<string, string>;
}

/**
 * One analysis run over a consultation. The first run finds the themes from scratch; later runs keep
 * every existing theme and membership (so moderators' renames, merges, splits and moves survive) and
 * only place comments that arrived since: into the closest existing theme, or into new themes when
 * they share no words with any. Key phrases are recomputed for every theme.
 */
export function summarise(
  input: AnalysisInput,
  existing: ExistingThemes,
  settings: Partial<AnalysisSettings> = {},
  progress: Progress = () => {},
): Summarised {
  const result = analyse(input, settings, progress);
  const campaignOf: Record<string, string> = {};
  for (const c of result.campaigns) for (const id of c.commentIds.slice(1)) campaignOf[id] = c.representativeId;
  const text = new Map(input.comments.map((c) => [c.id, c.text]));
  const weight = new Map(result.campaigns.map((c) => [c.representativeId, c.commentIds.length]));
  const doc = (id: string): ThemeDocument => ({ id, text: text.get(id) ?? "", weight: weight.get(id) ?? 1 });

  const members = new Map<string, string[]>();
  const placed = new Set<string>();
  for (const t of existing) {
    const ids = t.commentIds.filter((id) => text.has(id));
    members.set(t.key, ids);
    for (const id of ids) placed.add(id);
  }
  const freshVoices = input.comments.map((c) => c.id).filter((id) => !placed.has(id) && !(id in campaignOf));
  let newThemes = 0;
  const addNew = (ids: string[]) => {
    const key = `new-${++newThemes}`;
    members.set(key, ids);
    return key;
  };
  // On a first run the analysis has already labelled and ordered the themes: no need to do it twice.
  const labelled = new Map<string, { keyPhrases: string[]; documentIds: string[] }>();
  if (existing.length === 0) {
    for (const t of result.themes) labelled.set(addNew([...t.documentIds]), t);
    if (result.unthemed.length) labelled.set(addNew([...result.unthemed]), { keyPhrases: [], documentIds: result.unthemed });
  } else if (freshVoices.length) {
    const assigned = assignToThemes(
      existing.map((t) => ({ key: t.key, documents: (members.get(t.key) ?? []).filter((id) => !(id in campaignOf)).map(doc) })),
      freshVoices.map(doc),
    );
    const homeless: string[] = [];
    for (const id of freshVoices) {
      const key = assigned.get(id);
      if (key) members.get(key)!.push(id);
      else homeless.push(id);
    }
    if (homeless.length >= 10) {
      const found = findThemes(homeless.map(doc), { seed: result.settings.seed });
      for (const t of found.themes) addNew([...t.documentIds]);
      if (found.unthemed.length) addNew(found.unthemed);
    } else if (homeless.length) addNew(homeless);
  }
  // Campaign members follow the first comment of their campaign (unless already placed by a moderator).
  const themeOf = new Map<string, string>();
  for (const [key, ids] of members) for (const id of ids) themeOf.set(id, key);
  for (const [id, rep] of Object.entries(campaignOf)) {
    if (placed.has(id)) continue;
    const key = themeOf.get(rep);
    if (key) members.get(key)!.push(id);
  }
  progress("labels", 0.95);
  // Label each theme from its distinct voices (a campaign's first comment carries its signatures'
  // weight), then list the campaign members after them.
  const groups = [...members.entries()]
    .filter(([, ids]) => ids.length > 0)
    .map(([key, ids]) => ({ key, documents: ids.filter((id) => !(id in campaignOf)).map(doc), followers: ids.filter((id) => id in campaignOf) }));
  const labels = labelled.size ? labelled : labelGroups(groups);
  const themes = groups.map((g) => ({
    key: g.key,
    keyPhrases: labels.get(g.key)?.keyPhrases ?? [],
    commentIds: [...(labels.get(g.key)?.documentIds ?? g.documents.map((d) => d.id)), ...g.followers],
  }));
  const analysis = { version: result.version, settings: result.settings, campaigns: result.campaigns, opinions: result.opinions, bridging: result.bridging, split: result.split, timings: result.timings };
  return { analysis, themes, campaignOf };
}
