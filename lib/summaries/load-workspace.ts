import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { prisma } from "@/lib/db/client";
import type { OpinionMethod } from "./analysis/opinions";
import { voteDensity } from "@/lib/deck/vote-density";
import { draftForSummary } from "./access";
import { workspaceComments } from "./queries";
import { analysisState } from "./run-analysis";
import { buildSummary } from "./snapshot";
import { paragraphHeat, positionDistribution, volumeByDay } from "./workspace";

/** Comments per page of the disposition worklist. */
export const WORKSPACE_PAGE_SIZE = 20;

export interface WorkspaceQuery {
  theme?: string;
  open?: string;
  page?: string;
}

/**
 * Everything the moderators' workspace shows for one draft, loaded in parallel: analysis state, the
 * summary content as it would be published, participation figures, the disposition worklist (one page),
 * published versions, and how the last run found its opinion groups (silhouette per k, chosen k,
 * departures, pinned k). Errors: AppError (NotFound/Forbidden) from `draftForSummary` when the user may
 * not summarise this draft.
 */
export async function loadWorkspace(user: CurrentUser, reference: string, query: WorkspaceQuery) {
  const draft = await draftForSummary(user, { reference });
  const page = Math.max(1, Math.min(100_000, Number.parseInt(query.page ?? "1", 10) || 1));
  const themeFilter = query.theme || undefined;
  const openOnly = query.open === "1";
  const [state, content, volume, heat, positions, worklist, versions, density] = await Promise.all([
    analysisState(draft.id),
    buildSummary(draft),
    volumeByDay(draft.id),
    paragraphHeat(draft.id, draft.currentVersion),
    positionDistribution(draft.id),
    workspaceComments(draft.id, { themeId: themeFilter, undecided: openOnly, page, pageSize: WORKSPACE_PAGE_SIZE }),
    prisma.summaryVersion.findMany({ where: { draftId: draft.id }, orderBy: { number: "desc" }, select: { number: true, publishedAt: true, note: true } }),
    // Voting deck (lib/deck): votes per participant and the vote matrix density.
    voteDensity(draft.id),
  ]);
  const result = state.finished?.result as { opinions?: { method?: OpinionMethod; participantsConsidered: number; participantsLeftOut: number } } | null | undefined;
  const opinionMethod = result?.opinions?.method
    ? { ...result.opinions.method, considered: result.opinions.participantsConsidered, leftOut: result.opinions.participantsLeftOut }
    : null;
  const pinnedK = (state.finished?.settings as { opinionGroupCount?: number | null } | null | undefined)?.opinionGroupCount ?? null;
  return { draft, page, themeFilter, openOnly, state, content, volume, heat, positions, worklist, versions, opinionMethod, pinnedK, density };
}
export type WorkspaceData = Awaited<ReturnType<typeof loadWorkspace>>;
