import "server-only";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ANALYSIS_VERSION, DEFAULT_SETTINGS, type AnalysisInput, type AnalysisSettings } from "./analysis/analyse";
import type { ExistingThemes, Summarised } from "./analysis/summarise";
import type { WarmStart } from "./analysis/polis-groups";
import { env } from "@/lib/env";
import { draftForSummary } from "./access";
import { suggestLabels, type LabelModel } from "./label-suggestions";
import { themeSummaries } from "./queries";

/**
 * A run whose worker has not reported for this long was cut off (a restart, a killed process): the
 * background worker of any process takes it again (lib/jobs/worker.ts polls every second), so an
 * interrupted run restarts within about 21 s. Heartbeats come every HEARTBEAT_MS.
 */
const STALE_AFTER_MS = 20_000;
const HEARTBEAT_MS = 5_000;
/** A run taken this many times without finishing (it keeps killing its process) is failed. */
const MAX_ATTEMPTS = 3;

/**
 * Starts an analysis of the draft's comments and votes, unless one is already queued or running (the
 * unique key on (draftId, active) allows one at a time): then it returns that one. Idempotent, so a
 * double click or a retry starts nothing new.
 */
export async function requestAnalysis(
  actor: Actor | null,
  draftId: string,
  /** Moderator's choices for this run (e.g. a pinned number of opinion groups), recorded in its settings. */
  overrides: Partial<AnalysisSettings> = {},
): Promise<{ runId: string; started: boolean }> {
  const draft = await draftForSummary(actor, { id: draftId });
  try {
    const run = await prisma.analysisRun.create({
      data: { draftId: draft.id, version: ANALYSIS_VERSION, settings: { ...DEFAULT_SETTINGS, ...overrides }, cutoffAt: new Date(), requestedById: actor!.id },
    });
    // Queued: the background worker (this process's, or any other's) takes it within a second.
    void processNextAnalysis().catch((error) => console.error("[analysis] run failed", run.id, error));
    return { runId: run.id, started: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const active = await prisma.analysisRun.findFirstOrThrow({ where: { draftId: draft.id, active: true }, select: { id: true } });
      // If that run was cut off (its heartbeat stopped), this takes it again now.
      void processNextAnalysis().catch((error) => console.error("[analysis] run failed", active.id, error));
      return { runId: active.id, started: false };
    }
    throw error;
  }
}

/** Creates a run and waits for it (seed, benchmarks, command line): no request is waiting on it. */
export async function runAnalysisNow(draftId: string, requestedById: string | null) {
  // Created as running (with a heartbeat) so no background worker takes it meanwhile.
  const run = await prisma.analysisRun.create({
    data: { draftId, version: ANALYSIS_VERSION, settings: { ...DEFAULT_SETTINGS }, cutoffAt: new Date(), requestedById, status: "RUNNING", attempts: 1 },
  });
  await processRun(run.id);
  return prisma.analysisRun.findUniqueOrThrow({ where: { id: run.id } });
}

/** Characters of each attachment's text that enter the analysis (a position paper's opening pages). */
const ANALYSED_ATTACHMENT_CHARS = 20_000;

/**
 * The comments (top-level, published) and votes in the analysis, as they stood at the cut-off. Votes
 * on hidden comments stay in, zeroed in the opinion groups (Pol.is's moderated-out statements); votes
 * come in the order they were cast (Pol.is's row order); the previous finished run's opinion state is
 * carried forward so groups do not flip when only a few votes arrive.
 */
export async function loadAnalysisInput(draftId: string, cutoffAt: Date): Promise<AnalysisInput> {
  // Issue 13: the text read from a comment's attachments is analysed with it (themes, campaigns),
  // each file's text after a "[📎]" marker (no letters: the marker itself never becomes a term).
  const comments = await prisma.$queryRaw<{ id: string; text: string }[]>`
    SELECT c.id, c.body || coalesce((
        SELECT string_agg(E'\n\n[📎] ' || left(a."extractedText", ${ANALYSED_ATTACHMENT_CHARS}), '' ORDER BY a."createdAt", a.id)
        FROM "Attachment" a WHERE a."commentId" = c.id AND a.extraction = 'DONE' AND a."extractedText" <> ''), '') AS text
    FROM "Comment" c
    WHERE c."draftId" = ${draftId} AND c."parentId" IS NULL AND c.status = 'PUBLISHED' AND c."createdAt" <= ${cutoffAt}
    ORDER BY c."createdAt", c.id`;
  const votes = await prisma.$queryRaw<{ p: string; s: string; v: number; g: string | null; hidden: boolean }[]>`
    SELECT v."userId" AS p, v."commentId" AS s,
           CASE v.value WHEN 'AGREE' THEN 1 WHEN 'DISAGREE' THEN -1 ELSE 0 END AS v,
           u."stakeholderGroup"::text AS g, c.status = 'HIDDEN' AS hidden
    FROM "CommentVote" v
    JOIN "Comment" c ON c.id = v."commentId"
    JOIN "User" u ON u.id = v."userId"
    WHERE c."draftId" = ${draftId} AND c."parentId" IS NULL AND c.status IN ('PUBLISHED', 'HIDDEN') AND v."updatedAt" <= ${cutoffAt}
    ORDER BY v."createdAt", v."userId", v."commentId"`;
  const previous = await prisma.analysisRun.findFirst({ where: { draftId, status: "DONE" }, orderBy: { createdAt: "desc" }, select: { result: true } });
  const stakeholderGroups = new Map<string, string>();
  for (const v of votes) if (v.g) stakeholderGroups.set(v.p, v.g);
  return {
    comments,
    votes: votes.map((v) => ({ participantId: v.p, statementId: v.s, value: v.v })),
    stakeholderGroups,
    zeroedStatements: [...new Set(votes.filter((v) => v.hidden).map((v) => v.s))],
    previousOpinions: (previous?.result as { opinions?: { warmStart?: WarmStart } } | null)?.opinions?.warmStart ?? null,
  };
}

async function existingThemes(draftId: string): Promise<ExistingThemes> {
  const rows = await prisma.$queryRaw<{ key: string; ids: string[] }[]>`
    SELECT "themeId" AS key, array_agg("commentId" ORDER BY centrality DESC, "commentId") AS ids
    FROM "ThemeComment" WHERE "draftId" = ${draftId} GROUP BY "themeId" ORDER BY "themeId"`;
  return rows.map((r) => ({ key: r.key, commentIds: r.ids }));
}

function workerPath() {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "summaries", "analysis", "worker.mjs");
}

/** Runs the analysis in a worker thread, so the server keeps answering requests meanwhile. */
export function summariseInWorker(
  data: { input: AnalysisInput; existing: ExistingThemes; settings: object },
  onProgress: (step: string, fraction: number) => void = () => {},
): Promise<Summarised> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath(), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 1536 } });
    let done = false;
    worker.on("message", (message: { type: "progress"; step: string; fraction: number } | { type: "done"; result: Summarised }) => {
      if (message.type === "progress") onProgress(message.step, message.fraction);
      else {
        done = true;
        resolve(message.result);
      }
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (!done) reject(new Error(`analysis worker stopped (exit code ${code})`));
    });
  });
}

/**
 * Takes the oldest queued run, or a running one whose heartbeat stopped (its process died), and does
 * it; the claim (FOR UPDATE SKIP LOCKED, then a fresh heartbeat) lets any number of processes poll.
 * A run taken MAX_ATTEMPTS times is failed instead. @returns the run's id, or null if none was waiting
 */
export async function processNextAnalysis(now = new Date()): Promise<string | null> {
  const [claimed] = await prisma.$queryRaw<{ id: string; attempts: number }[]>`
    UPDATE "AnalysisRun" SET status = 'RUNNING', "heartbeatAt" = ${now}, attempts = attempts + 1
    WHERE id = (
      SELECT id FROM "AnalysisRun"
      WHERE active = true AND (status = 'QUEUED' OR (status = 'RUNNING' AND "heartbeatAt" < ${new Date(now.getTime() - STALE_AFTER_MS)}))
      ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id, attempts`;
  if (!claimed) return null;
  if (claimed.attempts > MAX_ATTEMPTS) {
    await prisma.analysisRun.update({ where: { id: claimed.id }, data: { status: "FAILED", active: null, error: "interrupted", finishedAt: new Date() } });
    return claimed.id;
  }
  await processRun(claimed.id).catch((error) => console.error("[analysis] run failed", claimed.id, error));
  return claimed.id;
}

/** Does one queued run: load, analyse in a worker, then store themes and results in one transaction. */
export async function processRun(runId: string): Promise<void> {
  const run = await prisma.analysisRun.update({ where: { id: runId }, data: { status: "RUNNING", heartbeatAt: new Date(), step: "loading" } });
  // A heartbeat while the run is alive, however long one step takes; a run whose heartbeat stops
  // (the server restarted) counts as interrupted after STALE_AFTER_MS and is taken again.
  const heartbeat = setInterval(() => {
    prisma.analysisRun.update({ where: { id: runId }, data: { heartbeatAt: new Date() } }).catch(() => {});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const input = await loadAnalysisInput(run.draftId, run.cutoffAt);
    const existing = await existingThemes(run.draftId);
    await prisma.analysisRun.update({ where: { id: runId }, data: { commentCount: input.comments.length, voteCount: input.votes.length, progress: 0.02 } });
    let pending: Promise<unknown> = Promise.resolve();
    const summarised = await summariseInWorker({ input, existing, settings: run.settings as object }, (step, fraction) => {
      pending = pending.then(() => prisma.analysisRun.update({ where: { id: runId }, data: { step, progress: fraction * 0.9, heartbeatAt: new Date() } })).catch(() => {});
    });
    await pending;
    await prisma.analysisRun.update({ where: { id: runId }, data: { step: "saving", progress: 0.92, heartbeatAt: new Date() } });
    await storeSummary(run.draftId, runId, summarised);
  } catch (error) {
    clearInterval(heartbeat);
    await prisma.analysisRun.update({
      where: { id: runId },
      data: { status: "FAILED", active: null, error: String((error as Error)?.message ?? error).slice(0, 500), finishedAt: new Date() },
    });
    throw error;
  }
  clearInterval(heartbeat);
  if (env.SUMMARY_LLM_URL && env.SUMMARY_LLM_MODEL) {
    await refineLabels(run.draftId, runId, { url: env.SUMMARY_LLM_URL, model: env.SUMMARY_LLM_MODEL, apiKey: env.SUMMARY_LLM_API_KEY }).catch((error) =>
      console.warn("[analysis] label suggestions unavailable:", (error as Error).message),
    );
  }
}

/** Stores the label model's suggestions for themes a moderator has not named, and notes the model. */
export async function refineLabels(draftId: string, runId: string, model: LabelModel) {
  const [draft, themes] = await Promise.all([prisma.draft.findUniqueOrThrow({ where: { id: draftId }, select: { language: true } }), themeSummaries(draftId)]);
  const unnamed = themes.filter((t) => !t.customLabel);
  const labels = await suggestLabels(model, unnamed.map((t) => ({ id: t.id, keyPhrases: t.keyPhrases, quotes: t.quotes.map((q) => q.text) })), draft.language);
  await prisma.$transaction(async (tx) => {
    for (const [id, label] of labels) await tx.theme.update({ where: { id }, data: { suggestedLabel: label } });
    const run = await tx.analysisRun.findUniqueOrThrow({ where: { id: runId }, select: { settings: true } });
    await tx.analysisRun.update({ where: { id: runId }, data: { settings: { ...(run.settings as object), labelModel: model.model } } });
  });
  return labels;
}

async function storeSummary(draftId: string, runId: string, summarised: Summarised) {
  await prisma.$transaction(
    async (tx) => {
      // Moderators may have merged or split themes while the run was working: a theme that no longer
      // exists is skipped (its new comments are placed by the next run), and no comment that already
      // has a theme is moved (ON CONFLICT keeps "themeId").
      const existingKeys = summarised.themes.filter((t) => !t.key.startsWith("new-")).map((t) => t.key);
      const alive = new Set((await tx.theme.findMany({ where: { draftId, id: { in: existingKeys } }, select: { id: true } })).map((t) => t.id));
      const commentIds: string[] = [];
      const themeOfComment: string[] = [];
      const centrality: number[] = [];
      const campaign: (string | null)[] = [];
      for (const t of summarised.themes) {
        let id = t.key;
        if (t.key.startsWith("new-")) {
          id = randomUUID();
          await tx.theme.create({ data: { id, draftId, keyPhrases: t.keyPhrases } });
        } else if (alive.has(id)) {
          await tx.theme.update({ where: { id }, data: { keyPhrases: t.keyPhrases } });
        } else continue;
        t.commentIds.forEach((commentId, i) => {
          commentIds.push(commentId);
          themeOfComment.push(id);
          centrality.push(1 - i / t.commentIds.length);
          campaign.push(summarised.campaignOf[commentId] ?? null);
        });
      }
      await tx.$executeRaw`
        INSERT INTO "ThemeComment" ("commentId", "themeId", "draftId", centrality, "campaignId")
        SELECT c, t, ${draftId}, r, k FROM unnest(${commentIds}::text[], ${themeOfComment}::text[], ${centrality}::float8[], ${campaign}::text[]) AS x(c, t, r, k)
        ON CONFLICT ("commentId") DO UPDATE SET centrality = EXCLUDED.centrality, "campaignId" = EXCLUDED."campaignId"`;
      // Comments hidden or withdrawn since the last run leave their theme; themes left empty go.
      const analysed = Object.keys(summarised.campaignOf).concat(summarised.themes.flatMap((t) => t.commentIds));
      await tx.$executeRaw`DELETE FROM "ThemeComment" WHERE "draftId" = ${draftId} AND NOT ("commentId" = ANY(${analysed}::text[]))
        AND "commentId" IN (SELECT id FROM "Comment" WHERE "draftId" = ${draftId} AND status <> 'PUBLISHED')`;
      await tx.$executeRaw`
        DELETE FROM "Theme" t WHERE t."draftId" = ${draftId}
          AND NOT EXISTS (SELECT 1 FROM "ThemeComment" m WHERE m."themeId" = t.id)
          AND NOT EXISTS (SELECT 1 FROM "Disposition" d WHERE d."themeId" = t.id)`;
      await tx.analysisRun.update({
        where: { id: runId },
        data: { status: "DONE", active: null, progress: 1, step: "done", finishedAt: new Date(), result: summarised.analysis as unknown as Prisma.InputJsonValue },
      });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/**
 * The latest run (for progress) and the latest finished run (for results) of a draft. `active` is
 * false for a run whose heartbeat stopped, so the workspace offers to start again.
 */
export async function analysisState(draftId: string, now = Date.now()) {
  const [latest, finished] = await Promise.all([
    prisma.analysisRun.findFirst({ where: { draftId }, orderBy: { createdAt: "desc" }, select: { id: true, status: true, progress: true, step: true, error: true, createdAt: true, heartbeatAt: true } }),
    prisma.analysisRun.findFirst({ where: { draftId, status: "DONE" }, orderBy: { createdAt: "desc" } }),
  ]);
  const running = latest?.status === "QUEUED" || latest?.status === "RUNNING";
  const active = running && latest!.heartbeatAt.getTime() > now - STALE_AFTER_MS;
  return { latest, finished, active, interrupted: running && !active };
}
