import { compareAcrossGroups, tallyByGroup, type StatementAcrossGroups } from "./agreement";
import { findCampaigns } from "./campaigns";
import { findOpinionGroups, type OpinionAnalysis, type Vote } from "./opinions";
import type { WarmStart } from "./polis-groups";
import { findThemes, type FoundTheme } from "./themes";

/** Bumped whenever a change to the analysis could change its results; recorded in every summary. */
export const ANALYSIS_VERSION = "parley-analysis/1.3";

export interface AnalysisSettings {
  seed: number;
  /** Fixed number of themes, or null for the default (√n / 2, between 2 and 12). */
  themeCount: number | null;
  minVotesPerParticipant: number;
  maxOpinionGroups: number;
  campaignSimilarity: number;
  bridgingThreshold: number;
  /** A moderator's pinned number of opinion groups (2–5), or null: chosen by the method. */
  opinionGroupCount: number | null;
  /** How k is chosen: "silhouette" is Pol.is's; "stability" is a named departure (see polis-groups.ts). */
  opinionKSelection: "silhouette" | "stability";
  /** Departure from Pol.is (off): moderated-out statements count as zero votes only where cast. */
  opinionZeroOnlyWhereVoted: boolean;
  /**
   * Departure from Pol.is (on, 20; 0 turns it off): extra seeded k-means++ starts for the group step,
   * keeping the lowest weighted within-group sum of squares (see PolisGroupsSettings.groupRestarts).
   * Measured in bench/opinions.ts: mean ARI on the reproducible shared conversations 0.34 → 0.91,
   * planted groups unchanged or better. Recorded in the provenance's departures as "groupRestarts".
   */
  opinionGroupRestarts?: number;
  /**
   * Departure from Pol.is (on): "nearestCentre" puts each clustered participant in the group with the
   * nearest centre instead of their base cluster's group (see PolisGroupsSettings.membership).
   * Measured in bench/opinions.ts with 20 restarts: ARI vs Pol.is up on 3 of the 5 shared conversations
   * (canadian 0.930 → 0.964, vtaiwan 0.695 → 0.711), down on one (scoop 0.913 → 0.902), planted groups
   * 0.696 → 0.705, stability under 5 % vote removal up on 4 of 5. Recorded as "membership:nearestCentre".
   */
  opinionMembership?: "baseCluster" | "nearestCentre";
  /**
   * Departure from Pol.is (on, 0.02; 0 turns it off): group-step solutions within 2 % of the best
   * within-group sum of squares count as equally good, and the best separated of them is kept (see
   * PolisGroupsSettings.nearEqualTolerance). Measured in bench/opinions.ts (40 seeds of 5 % vote
   * removal) against groupRestarts + membership alone: stability seattle 0.813 → 0.912 (5 seeds
   * 0.845 → 0.918), canadian 0.960 → 0.962, scoop 0.930 → 0.937; ARI vs Pol.is on the reproducible
   * conversations unchanged (seattle 0.884, canadian 0.964), scoop (not reproducible) 0.902 → 0.843;
   * planted groups 0.705 → 0.704. Kept groupings are better separated at every k, so with Pol.is's
   * silhouette over base-cluster centres k ties more often (vtaiwan 0.661 → 0.620, brexit
   * 0.645 → 0.563): opinionSilhouetteOver "participants" is meant to go with it. The tolerance is not
   * critical: 1.5 %, 3 % and "every optimum the restarts found" give the same seattle figure.
   * Recorded as "nearEqualOptima".
   */
  opinionNearEqualTolerance?: number;
  /**
   * Departure from Pol.is (on, "participants"; "baseCentres" turns it off): the silhouette that
   * chooses k counts every clustered participant once instead of every base-cluster centre once (see PolisGroupsSettings.silhouetteOver). Measured in bench/opinions.ts
   * with the other departures on (40 seeds of 5 % vote removal): stability vtaiwan 0.620 → 0.940 (k
   * was 2, 3 or 4, now always 2), brexit 0.563 → 0.728 (k now mostly 3; 2, 3 and 5 groups still
   * tie); seattle, canadian and scoop unchanged (0.912, 0.962, 0.937); ARI vs Pol.is vtaiwan
   * 0.292 → 0.711, the reproducible conversations unchanged; planted groups 0.704 → 0.704.
   * Recorded as "silhouette:participants".
   */
  opinionSilhouetteOver?: "baseCentres" | "participants";
  /**
   * Departure from Pol.is (on, 20; 0 turns it off): resampled runs that choose k and place
   * participants (see PolisGroupsSettings.baggedRuns): 20 runs without 5 % of the votes choose k, the
   * fewest groups whose silhouette is within two standard deviations of the best; 10 runs started
   * from the full run, without 10 % of the votes, place each participant in the group most runs give
   * them. Measured in bench/opinions.ts with the other departures on: see the stop note of issue 14
   * and the docstring of PolisGroupsSettings.baggedRuns. Skipped above 5,000 clustered participants.
   * Recorded as "bagging:voteRemoval".
   */
  opinionBaggedRuns?: number;
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  seed: 42,
  themeCount: null,
  minVotesPerParticipant: 7,
  maxOpinionGroups: 5,
  campaignSimilarity: 0.7,
  bridgingThreshold: 0.6,
  opinionGroupCount: null,
  opinionKSelection: "silhouette",
  opinionZeroOnlyWhereVoted: false,
  opinionGroupRestarts: 20,
  opinionMembership: "nearestCentre",
  opinionNearEqualTolerance: 0.02,
  opinionSilhouetteOver: "participants",
  opinionBaggedRuns: 20,
};

export interface AnalysisInput {
  comments: { id: string; text: string }[];
  votes: Vote[];
  /** Declared stakeholder group by participant id, for the bridging statements. */
  stakeholderGroups?: Map<string, string>;
  /** Statements moderated out: zeroed in the opinion groups (as Pol.is does), not dropped. */
  zeroedStatements?: string[];
  /** Participants in order of their first vote (Pol.is's row order). */
  participantOrder?: string[];
  /** The previous finished run's opinion state on the same draft (carried forward). */
  previousOpinions?: WarmStart | null;
}

export interface Campaign {
  /** The first comment of the campaign stands for all of them in the themes. */
  representativeId: string;
  commentIds: string[];
}

export interface AnalysisResult {
  version: string;
  settings: AnalysisSettings;
  campaigns: Campaign[];
  themes: FoundTheme[];
  unthemed: string[];
  opinions: OpinionAnalysis;
  bridging: StatementAcrossGroups[];
  split: StatementAcrossGroups[];
  timings: Record<string, number>;
}

export type Progress = (step: string, fraction: number) => void;

/**
 * The whole analysis of a consultation, with no database and no network: campaigns first (so a form
 * letter counts as one voice in the themes, weighted by its signatures), then themes, then opinion groups
 * and consensus from the votes, then bridging across declared stakeholder groups.
 */
export function analyse(input: AnalysisInput, partial: Partial<AnalysisSettings> = {}, progress: Progress = () => {}): AnalysisResult {
  const settings = { ...DEFAULT_SETTINGS, ...partial };
  const timings: Record<string, number> = {};
  let started = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - started);
    started = now;
  };

  progress("campaigns", 0.05);
  const groups = findCampaigns(input.comments, { threshold: settings.campaignSimilarity, seed: settings.seed });
  const campaigns = groups.map((ids) => ({ representativeId: ids[0]!, commentIds: ids }));
  const absorbed = new Set(groups.flatMap((g) => g.slice(1)));
  const weight = new Map(groups.map((g) => [g[0]!, g.length]));
  lap("campaigns");

  progress("themes", 0.3);
  const docs = input.comments.filter((c) => !absorbed.has(c.id)).map((c) => ({ ...c, weight: weight.get(c.id) ?? 1 }));
  const { themes, unthemed } = findThemes(docs, { seed: settings.seed, k: settings.themeCount ?? undefined });
  lap("themes");

  progress("opinions", 0.6);
  const opinions = findOpinionGroups(input.votes, {
    minVotes: settings.minVotesPerParticipant,
    maxGroups: settings.maxOpinionGroups,
    seed: settings.seed,
    pinnedK: settings.opinionGroupCount,
    kSelection: settings.opinionKSelection,
    zeroOnlyWhereVoted: settings.opinionZeroOnlyWhereVoted,
    groupRestarts: settings.opinionGroupRestarts ?? DEFAULT_SETTINGS.opinionGroupRestarts,
    membership: settings.opinionMembership ?? DEFAULT_SETTINGS.opinionMembership,
    nearEqualTolerance: settings.opinionNearEqualTolerance ?? DEFAULT_SETTINGS.opinionNearEqualTolerance,
    silhouetteOver: settings.opinionSilhouetteOver ?? DEFAULT_SETTINGS.opinionSilhouetteOver,
    baggedRuns: settings.opinionBaggedRuns ?? DEFAULT_SETTINGS.opinionBaggedRuns,
    zeroedStatements: input.zeroedStatements,
    participantOrder: input.participantOrder,
    warmStart: input.previousOpinions,
  });
  lap("opinions");

  progress("bridging", 0.9);
  let bridging: StatementAcrossGroups[] = [];
  let split: StatementAcrossGroups[] = [];
  if (input.stakeholderGroups && input.stakeholderGroups.size > 0) {
    const declared = input.stakeholderGroups;
    const compared = compareAcrossGroups(
      tallyByGroup(input.votes.map((v) => ({ statementId: v.statementId, value: v.value, group: declared.get(v.participantId) }))),
      { threshold: settings.bridgingThreshold },
    );
    bridging = compared.filter((s) => s.agreed).sort((a, b) => b.minAgree - a.minAgree);
    split = compared.filter((s) => s.divided).sort((a, b) => b.spread - a.spread);
  }
  lap("bridging");
  progress("done", 1);
  return { version: ANALYSIS_VERSION, settings, campaigns, themes, unthemed, opinions, bridging, split, timings };
}
