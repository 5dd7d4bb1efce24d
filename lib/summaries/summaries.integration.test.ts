import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { createDraft } from "@/lib/drafts/create-draft";
import { openDraft } from "@/lib/drafts/open-draft";
import { ZCreateDraftInput, ZOpenDraftInput } from "@/lib/drafts/schemas";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { seedMembership, seedOrganisation, seedUser } from "@/prisma/seed/builders";
import { POLIS_CONVERSATIONS, polisDatasetsDir } from "./analysis/datasets";
import { writeCsv } from "@/lib/csv/write-csv";
import { parsePolisExport } from "./analysis/polis";
import { seededRandom } from "./analysis/random";
import { dispositionProgress, setDisposition } from "./dispositions";
import { commentsCsv, polisExport } from "./export";
import { importPolis } from "./import-polis";
import { getPublishedSummary, publishSummary } from "./publish";
import { campaignSummaries, themeSummaries } from "./queries";
import { startWorker } from "@/lib/jobs/worker";
import { discardPendingEmails } from "@/lib/testing/email-backlog";
import { analysisState, processRun, refineLabels, requestAnalysis } from "./run-analysis";
import { ZDisposition } from "./schemas";
import { mergeThemes, moveComment, renameTheme, splitTheme } from "./themes";
import { participation } from "./workspace";

// Analysis runs are jobs: this process runs the background worker that takes them.
let stopWorker: () => Promise<void> = async () => {};
beforeAll(async () => {
  await discardPendingEmails();
  stopWorker = await startWorker();
});
afterAll(async () => {
  await stopWorker();
  await prisma.$disconnect();
});

let org = { id: "" };
const actors: Record<string, Actor> = {};

async function person(email: string, roles: Array<[string, OrgRole]> = []): Promise<Actor> {
  const user = await seedUser(prisma, { email, name: email.split("@")[0]!, stakeholderGroup: "GOVERNMENT", country: "FR" });
  for (const [o, role] of roles) await seedMembership(prisma, o, user.id, role);
  return { id: user.id, isPlatformAdmin: false, suspendedAt: null, memberships: roles.map(([organisationId, role]) => ({ organisationId, role })) };
}

async function newDraft(title: string) {
  const { reference } = await createDraft(actors.owner!, ZCreateDraftInput.parse({ organisationId: org.id, title, abstract: "", language: "en", body: "# Scope\n\nThis applies to consultations.\n" }));
  const d = await prisma.draft.findUniqueOrThrow({ where: { reference }, select: { id: true, reference: true } });
  await openDraft(actors.owner!, ZOpenDraftInput.parse({ draftId: d.id, closesAt: "2099-01-01T00:00", timeZone: "UTC" }));
  return d;
}

/** A synthetic Pol.is export: three topics, a form letter sent 40 times, two opinion camps voting. */
function syntheticExport() {
  const random = seededRandom(11);
  const topics = [
    ["broadband access for rural villages", "affordable mobile internet access", "rural broadband coverage gaps"],
    ["personal data protection and privacy", "encryption keeps personal data private", "privacy regulators need resources"],
    ["digital skills training for teachers", "digital literacy classes for older people", "skills training in schools"],
  ];
  const comments: (string | number)[][] = [];
  let id = 0;
  for (const phrases of topics) {
    for (let i = 0; i < 15; i++) {
      const text = `${phrases[i % 3]} matters, and ${phrases[(i + 1) % 3]} too (${i})`;
      comments.push([1_700_000_000_000 + id * 1000, "", id, 100 + id, 0, 0, 1, text]);
      id++;
    }
  }
  const letter = "Please withdraw section four of this draft because it weakens the open internet for small providers";
  for (let i = 0; i < 40; i++) comments.push([1_700_000_000_000 + id * 1000, "", id++, 200 + i, 0, 0, 1, i % 2 ? letter.toUpperCase() : letter]);
  comments.push([1_700_000_000_000 + id * 1000, "", id++, 300, 0, 0, -1, "spam spam spam, moderated out in Pol.is"]);
  const votes: (string | number)[][] = [];
  for (let p = 0; p < 80; p++) {
    const camp = p % 2;
    for (let s = 0; s < 45; s++) {
      if (random() < 0.4) continue;
      const agreeP = s < 5 ? 0.95 : s < 25 ? (camp === s % 2 ? 0.9 : 0.1) : 0.5;
      votes.push([1_700_000_100_000 + p * 100 + s, "", s, 1000 + p, random() < agreeP ? 1 : -1]);
    }
  }
  return {
    commentsCsv: writeCsv(["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"], comments),
    votesCsv: writeCsv(["timestamp", "datetime", "comment-id", "voter-id", "vote"], votes),
  };
}

async function analyseNow(draftId: string, actor: Actor) {
  const { runId, started } = await requestAnalysis(actor, draftId);
  expect(started).toBe(true);
  // requestAnalysis started the run in the background; wait for it (the worker does the work).
  for (let i = 0; i < 600; i++) {
    const run = await prisma.analysisRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.status === "DONE" || run.status === "FAILED") return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("analysis did not finish");
}

beforeAll(async () => {
  org = await seedOrganisation(prisma, { slug: "summary-org", name: "Summary Org", description: "", referencePrefix: "SUM-RFC" });
  actors.owner = await person("sum-owner@example.org", [[org.id, "OWNER"]]);
  actors.moderator = await person("sum-moderator@example.org", [[org.id, "MODERATOR"]]);
  actors.stranger = await person("sum-stranger@example.org");
});

describe("summary of responses", () => {
  it("imports a Pol.is export, analyses it off the request path, and keeps moderators' edits across runs", async () => {
    const draft = await newDraft("Summary draft");
    const exported = syntheticExport();
    await expect(importPolis(actors.stranger!, { draftId: draft.id, ...exported })).rejects.toBeInstanceOf(ForbiddenError);
    const imported = await importPolis(actors.moderator!, { draftId: draft.id, ...exported });
    expect(imported.comments).toBe(86);
    const again = await importPolis(actors.moderator!, { draftId: draft.id, ...exported });
    expect(again.comments).toBe(0);
    expect(await prisma.comment.count({ where: { draftId: draft.id } })).toBe(86);
    expect(await prisma.comment.count({ where: { draftId: draft.id, status: "HIDDEN" } })).toBe(1);

    await expect(requestAnalysis(actors.stranger!, draft.id)).rejects.toBeInstanceOf(ForbiddenError);
    const run = await analyseNow(draft.id, actors.moderator!);
    expect(run.status).toBe("DONE");
    expect(run.commentCount).toBe(85);
    const result = run.result as { opinions: { groups: { participantIds: string[] }[]; consensus: { statementId: string }[] }; campaigns: { commentIds: string[] }[] };
    expect(result.opinions.groups).toHaveLength(2);
    expect(result.opinions.consensus.length).toBeGreaterThanOrEqual(3);
    expect(result.campaigns[0]!.commentIds).toHaveLength(40);

    const campaigns = await campaignSummaries(draft.id);
    expect(campaigns[0]!.signatures).toBe(40);
    let themes = await themeSummaries(draft.id);
    expect(themes.reduce((n, t) => n + t.comments, 0)).toBe(85);
    const letterTheme = themes.find((t) => t.id === campaigns[0]!.themeId)!;
    expect(letterTheme.voices).toBeLessThan(letterTheme.comments);
    expect(themes.every((t) => t.quotes.length > 0 && t.label.length > 0)).toBe(true);
    const votesOnPublished = await prisma.commentVote.count({ where: { comment: { draftId: draft.id, status: "PUBLISHED" } } });
    expect(themes.reduce((n, t) => n + t.votes.agree + t.votes.disagree + t.votes.pass, 0)).toBe(votesOnPublished);

    // Rename, merge, split and move; then new comments arrive and the analysis runs again.
    const [a, b] = themes;
    await renameTheme(actors.moderator!, { themeId: a!.id, label: "Connectivity" });
    await expect(renameTheme(actors.stranger!, { themeId: a!.id, label: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    const bigTheme = [...themes].sort((x, y) => y.voices - x.voices)[0]!;
    await splitTheme(actors.moderator!, { themeId: bigTheme.id, size: bigTheme.comments });
    const themeCount = (await themeSummaries(draft.id)).length;
    await splitTheme(actors.moderator!, { themeId: bigTheme.id, size: bigTheme.comments }); // retried: no second split
    themes = await themeSummaries(draft.id);
    expect(themes).toHaveLength(themeCount);
    const target = themes.find((t) => t.id !== a!.id && t.id !== b!.id)!;
    await mergeThemes(actors.moderator!, { themeId: target.id, intoThemeId: b!.id });
    await mergeThemes(actors.moderator!, { themeId: target.id, intoThemeId: b!.id }); // retry: no-op
    const moved = a!.quotes[0]!.id;
    await moveComment(actors.moderator!, { commentId: moved, themeId: b!.id });
    const before = await prisma.themeComment.findMany({ where: { draftId: draft.id }, select: { commentId: true, themeId: true } });

    const newcomer = await seedUser(prisma, { email: "sum-newcomer@example.org", name: "Newcomer", stakeholderGroup: "ACADEMIA", country: "KE" });
    await prisma.comment.create({ data: { draftId: draft.id, versionNumber: 0, authorId: newcomer.id, body: "Rural broadband access needs public money" } });
    const second = await analyseNow(draft.id, actors.moderator!);
    expect(second.status).toBe("DONE");
    const after = new Map((await prisma.themeComment.findMany({ where: { draftId: draft.id }, select: { commentId: true, themeId: true } })).map((m) => [m.commentId, m.themeId]));
    expect(before.every((m) => after.get(m.commentId) === m.themeId)).toBe(true);
    expect(after.size).toBe(before.length + 1);
    const renamed = await prisma.theme.findUniqueOrThrow({ where: { id: a!.id } });
    expect(renamed.customLabel).toBe("Connectivity");
    expect(after.get(moved)).toBe(b!.id);
    const edits = await prisma.summaryEdit.findMany({ where: { draftId: draft.id }, orderBy: { createdAt: "asc" } });
    expect(edits.map((e) => e.action)).toEqual(["import", "rename", "split", "merge", "move"]);

    // Dispositions: per comment and per theme; progress counts what is left.
    const progress0 = await dispositionProgress(draft.id);
    expect(progress0).toMatchObject({ total: 86, open: 86 });
    await setDisposition(actors.moderator!, ZDisposition.parse({ draftId: draft.id, themeId: a!.id, value: "ACCEPTED", response: "We will add a section on connectivity." }));
    await setDisposition(actors.moderator!, ZDisposition.parse({ draftId: draft.id, commentId: campaigns[0]!.id, value: "NOT_ACCEPTED", response: "Section four stays." }));
    await setDisposition(actors.moderator!, ZDisposition.parse({ draftId: draft.id, commentId: campaigns[0]!.id, value: "NOTED", response: "Section four stays." }));
    await expect(setDisposition(actors.moderator!, ZDisposition.parse({ draftId: draft.id, commentId: moved, value: "ACCEPTED", changedAt: "9:p-1.1" }))).rejects.toMatchObject({ code: "invalidParagraph" });
    const progress1 = await dispositionProgress(draft.id);
    expect(progress1.byValue.NOTED).toBe(40);
    const campaignMembers = await prisma.themeComment.findMany({ where: { OR: [{ commentId: campaigns[0]!.id }, { campaignId: campaigns[0]!.id }] }, select: { commentId: true } });
    const decided = new Set([...campaignMembers.map((m) => m.commentId), ...[...after.entries()].filter(([, t]) => t === a!.id).map(([c]) => c)]);
    expect(progress1.open).toBe(86 - decided.size);

    // Publish: a numbered snapshot; publishing again unchanged returns the same version.
    await expect(publishSummary(actors.moderator!, { draftId: draft.id, runId: run.id, note: "" })).rejects.toBeInstanceOf(ConflictError);
    const first = await publishSummary(actors.moderator!, { draftId: draft.id, runId: second.id, note: "First summary" });
    expect(first).toEqual({ number: 1, created: true });
    expect(await publishSummary(actors.moderator!, { draftId: draft.id, runId: second.id, note: "First summary" })).toEqual({ number: 1, created: false });
    const published = await getPublishedSummary(draft.reference, null);
    expect(published.number).toBe(1);
    expect(published.content.themes.find((t) => t.id === a!.id)?.label).toBe("Connectivity");
    expect(published.content.consensus.length).toBeGreaterThan(0);
    expect(published.content.provenance.edits.map((e) => e.action)).toContain("merge");
    expect(published.content.provenance.cutoffAt).toBe(second.cutoffAt.toISOString());
    expect(published.content.dispositions.some((d) => d.value === "NOTED")).toBe(true);
    // Theme sizes trace to the comments: every published comment is in exactly one theme's list.
    const listed = Object.values(published.content.themeComments).flat();
    expect(listed).toHaveLength(86);
    expect(new Set(listed).size).toBe(86);
    expect(published.content.themeComments[a!.id]!.length).toBe(published.content.themes.find((t) => t.id === a!.id)!.comments);

    // Exports: our CSV, and the Pol.is format read back by the Pol.is parser.
    const csv = await commentsCsv(draft.id);
    expect(csv.split("\n")[0]).toContain("disposition");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const polis = await polisExport(draft.id);
    expect(polis.comments.charCodeAt(0)).toBe(0xfeff);
    expect(polis.votes.charCodeAt(0)).toBe(0xfeff);
    const reread = parsePolisExport(polis.comments, polis.votes);
    expect(reread.comments).toHaveLength(87);
    expect(reread.comments.filter((c) => c.moderated === -1)).toHaveLength(1);
    expect(reread.votes.length).toBe(await prisma.commentVote.count({ where: { comment: { draftId: draft.id } } }));
    const people = await participation(draft.id);
    expect(people.participants).toBeGreaterThan(80);
    expect(people.groups.find((g) => g.key === "GOVERNMENT")?.status).toBe("missing");
    expect((await analysisState(draft.id)).finished?.id).toBe(second.id);
  });

  it("runs one analysis per draft at a time", async () => {
    const draft = await newDraft("Concurrency draft");
    await importPolis(actors.owner!, { draftId: draft.id, ...syntheticExport() });
    const requests = await Promise.all(Array.from({ length: 5 }, () => requestAnalysis(actors.owner!, draft.id)));
    expect(new Set(requests.map((r) => r.runId)).size).toBe(1);
    expect(requests.filter((r) => r.started)).toHaveLength(1);
    for (let i = 0; i < 600; i++) {
      const state = await analysisState(draft.id);
      if (state.latest?.status === "DONE") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await prisma.analysisRun.count({ where: { draftId: draft.id } })).toBe(1);
    // An unknown run id is Prisma's "record to update not found", not a silent success.
    await expect(processRun("missing-run")).rejects.toMatchObject({ code: "P2025" });

    // A run whose server went away (no heartbeat for 15 s) is taken again and finished, not left stuck.
    const ghost = await prisma.analysisRun.create({ data: { draftId: draft.id, status: "RUNNING", version: "x", settings: {}, cutoffAt: new Date(), heartbeatAt: new Date(Date.now() - 25_000), attempts: 1 } });
    const state = await analysisState(draft.id);
    expect(state).toMatchObject({ active: false, interrupted: true });
    const next = await requestAnalysis(actors.owner!, draft.id);
    expect(next).toEqual({ runId: ghost.id, started: false });
    for (let i = 0; i < 600 && (await prisma.analysisRun.findUniqueOrThrow({ where: { id: ghost.id } })).active; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await prisma.analysisRun.findUniqueOrThrow({ where: { id: ghost.id } })).toMatchObject({ status: "DONE", active: null, attempts: 2 });
  });
});

describe("optional label model", () => {
  it("stores labels an OpenAI-compatible endpoint suggests, unless a moderator named the theme", async () => {
    const requests: { model: string; messages: { content: string }[] }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        if (req.url !== "/v1/chat/completions") return res.writeHead(404).end();
        const parsed = JSON.parse(body);
        requests.push(parsed);
        const themes = JSON.parse(parsed.messages[1].content) as { id: string }[];
        const labels = Object.fromEntries([...themes.map((t, i) => [t.id, `Suggested label ${i + 1}`]), ["not-a-theme", "ignored"]]);
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ choices: [{ message: { content: "Here you are: " + JSON.stringify({ labels }) } }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
    try {
      const draft = await newDraft("Label draft");
      await importPolis(actors.owner!, { draftId: draft.id, ...syntheticExport() });
      const run = await analyseNow(draft.id, actors.owner!);
      const before = await themeSummaries(draft.id);
      await renameTheme(actors.owner!, { themeId: before[0]!.id, label: "Named by a moderator" });
      const labels = await refineLabels(draft.id, run.id, { url, model: "test-model" });
      expect(labels.size).toBe(before.length - 1);
      expect(requests[0]!.model).toBe("test-model");
      const after = await themeSummaries(draft.id);
      expect(after.find((t) => t.id === before[0]!.id)!.label).toBe("Named by a moderator");
      expect(after.filter((t) => t.label.startsWith("Suggested label"))).toHaveLength(before.length - 1);
      const settings = (await prisma.analysisRun.findUniqueOrThrow({ where: { id: run.id } })).settings as { labelModel?: string };
      expect(settings.labelModel).toBe("test-model");
      await expect(refineLabels(draft.id, run.id, { url: `${url}/missing`, model: "test-model" })).rejects.toThrow(/404/);
    } finally {
      server.close();
    }
  });
});

const dir = polisDatasetsDir();
describe.skipIf(!dir)("importing the shared Pol.is conversations", () => {
  for (const name of POLIS_CONVERSATIONS) {
    it(`imports ${name} with every comment and each voter's latest vote`, async () => {
      const draft = await newDraft(`Import ${name}`);
      const commentsCsvText = readFileSync(`${dir}/${name}/comments.csv`, "utf8");
      const votesCsvText = readFileSync(`${dir}/${name}/votes.csv`, "utf8");
      const expected = parsePolisExport(commentsCsvText, votesCsvText);
      const result = await importPolis(actors.owner!, { draftId: draft.id, commentsCsv: commentsCsvText, votesCsv: votesCsvText });
      expect(result.comments).toBe(expected.comments.filter((c) => c.text.trim()).length);
      expect(await prisma.commentVote.count({ where: { comment: { draftId: draft.id } } })).toBe(expected.votes.length);
    }, 120_000);
  }
});
