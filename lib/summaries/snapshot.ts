import "server-only";
import { prisma } from "@/lib/db/client";
import type { AnalysisResult } from "./analysis/analyse";
import type { StatementAcrossGroups } from "./analysis/agreement";
import { dispositionProgress } from "./dispositions";
import { campaignSummaries, commentTexts, summaryEdits, themeMemberIds, themeSummaries } from "./queries";
import { participation, positionDistribution } from "./workspace";

type Statement = { commentId: string; text: string; anchor: string | null; votes: { agree: number; disagree: number; pass: number }; minAgree: number; spread: number; groups: StatementAcrossGroups["groups"] };

/**
 * Everything the published summary of responses shows, as one JSON document: participation, themes with
 * quotes, opinion groups, consensus, divisive and bridging statements, dispositions, and the provenance
 * note (analysis version and settings, data cut-off, every moderator edit). Each figure carries the ids
 * of the comments behind it, so the page can link to them. Also the body of the summary API and export.
 */
export async function buildSummary(draft: { id: string; reference: string; title: string; organisation: { name: string; slug: string } }) {
  const run = await prisma.analysisRun.findFirst({ where: { draftId: draft.id, status: "DONE" }, orderBy: { createdAt: "desc" } });
  const result = (run?.result ?? null) as Omit<AnalysisResult, "themes" | "unthemed"> | null;
  const [people, positions, themes, campaigns, progress, edits, dispositions, members] = await Promise.all([
    participation(draft.id),
    positionDistribution(draft.id),
    themeSummaries(draft.id),
    campaignSummaries(draft.id),
    dispositionProgress(draft.id),
    summaryEdits(draft.id),
    prisma.disposition.findMany({
      where: { draftId: draft.id, commentId: { not: null } },
      orderBy: { updatedAt: "asc" },
      select: { commentId: true, value: true, response: true, versionNumber: true, anchor: true, comment: { select: { body: true, anchor: true } } },
    }),
    themeMemberIds(draft.id),
  ]);
  const opinions = result?.opinions;
  const statementIds = [
    ...(opinions?.consensus ?? []).slice(0, 15),
    ...(opinions?.divisive ?? []).slice(0, 15),
    ...(result?.bridging ?? []).slice(0, 15),
    ...(result?.split ?? []).slice(0, 15),
  ].map((s) => s.statementId);
  const distinctiveIds = (opinions?.groups ?? []).flatMap((g) => g.distinctive.map((d) => d.statementId));
  const texts = await commentTexts([...new Set([...statementIds, ...distinctiveIds])]);
  const statement = (s: StatementAcrossGroups): Statement => {
    const c = texts.get(s.statementId);
    return { commentId: s.statementId, text: c?.text ?? "", anchor: c?.anchor ?? null, votes: { agree: c?.agree ?? 0, disagree: c?.disagree ?? 0, pass: c?.pass ?? 0 }, minAgree: s.minAgree, spread: s.spread, groups: s.groups };
  };
  return {
    draft: { reference: draft.reference, title: draft.title, organisation: draft.organisation.name },
    generatedAt: new Date().toISOString(),
    participation: people,
    positions,
    themes,
    /** Theme id → every comment in it when the summary was made (the public theme pages list them). */
    themeComments: members,
    campaigns,
    opinionGroups: (opinions?.groups ?? []).map((g) => ({
      index: g.index,
      size: g.participantIds.length,
      /** Mean position of the group's participants on the map (the map's data table). */
      centre: centreOf(opinions?.map ?? [], g.index),
      distinctive: g.distinctive.map((d) => ({ ...d, text: texts.get(d.statementId)?.text ?? "", anchor: texts.get(d.statementId)?.anchor ?? null })),
    })),
    opinionMap: (opinions?.map ?? []).filter((_, i, all) => all.length <= 3000 || i % Math.ceil(all.length / 3000) === 0).map((p) => ({ x: p.x, y: p.y, group: p.group })),
    opinionStats: opinions
      ? {
          considered: opinions.participantsConsidered,
          leftOut: opinions.participantsLeftOut,
          silhouette: opinions.silhouette,
          explainedVariance: opinions.explainedVariance,
          /** How the groups were found (Pol.is's method, departures, k and how it was chosen); absent for runs before 1.1. */
          method: opinions.method ? { method: opinions.method.method, departures: opinions.method.departures, k: opinions.method.k, kChosenBy: opinions.method.kChosenBy, pinnedK: opinions.method.pinnedK, minVotes: opinions.method.minVotes, candidates: opinions.method.candidates } : null,
        }
      : null,
    consensus: (opinions?.consensus ?? []).slice(0, 15).map(statement),
    divisive: (opinions?.divisive ?? []).slice(0, 15).map(statement),
    bridging: (result?.bridging ?? []).slice(0, 15).map(statement),
    split: (result?.split ?? []).slice(0, 15).map(statement),
    dispositionProgress: progress,
    dispositions: dispositions.map((d) => ({ commentId: d.commentId!, text: d.comment?.body.slice(0, 400) ?? "", anchor: d.comment?.anchor ?? null, value: d.value, response: d.response, changedAt: d.versionNumber && d.anchor ? { version: d.versionNumber, anchor: d.anchor } : null })),
    provenance: {
      analysisVersion: run?.version ?? null,
      settings: run?.settings ?? null,
      runId: run?.id ?? null,
      cutoffAt: run?.cutoffAt.toISOString() ?? null,
      commentsAnalysed: run?.commentCount ?? 0,
      votesAnalysed: run?.voteCount ?? 0,
      edits: edits.map((e) => ({ action: e.action, detail: e.detail, by: e.actor?.name ?? null, at: e.createdAt.toISOString() })),
    },
  };
}
export type SummaryContent = Awaited<ReturnType<typeof buildSummary>>;

function centreOf(map: { x: number; y: number; group: number }[], group: number): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let n = 0;
  for (const p of map) {
    if (p.group !== group) continue;
    x += p.x;
    y += p.y;
    n++;
  }
  return n ? { x: x / n, y: y / n } : { x: 0, y: 0 };
}
