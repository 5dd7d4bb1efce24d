// The closed demo consultation with a few hundred responses, analysed and summarised (see content/connectivity-consultation.ts).
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { publishVersion } from "../../lib/drafts/publish-version";
import { numberUntrackedComments } from "../../lib/receipts/number-untracked";
import { recountVotes } from "../../lib/summaries/import-polis";
import { publishSummary } from "../../lib/summaries/publish";
import { setDisposition } from "../../lib/summaries/dispositions";
import { campaignSummaries, themeSummaries } from "../../lib/summaries/queries";
import { runAnalysisNow } from "../../lib/summaries/run-analysis";
import { ZDisposition } from "../../lib/summaries/schemas";
import { connectivityDraft, connectivityResponses } from "./content/connectivity-consultation";
import { seedDraft } from "./builders";

const day = 24 * 60 * 60 * 1000;

export async function seedSummaryDemo(db: PrismaClient, forumId: string, editorId: string, moderatorId: string) {
  const now = Date.now();
  const draft = await seedDraft(db, {
    organisationId: forumId,
    reference: connectivityDraft.reference,
    title: connectivityDraft.title,
    abstract: connectivityDraft.abstract,
    topics: connectivityDraft.topics,
    authors: ["Lucas Moreau"],
    timeZone: "UTC",
    status: "OPEN",
    opensAt: new Date(now - 45 * day),
    closesAt: new Date(now - 3 * day),
  });
  await db.$transaction(async (tx) => {
    const d = await tx.draft.update({ where: { id: draft.id }, data: { body: connectivityDraft.body }, select: { id: true, title: true, abstract: true, body: true, language: true, currentVersion: true } });
    await publishVersion(tx, d, editorId, "");
  });
  const { participants, comments, votes, positions } = connectivityResponses();
  await db.user.createMany({
    data: participants.map((p) => ({ email: `${p.key}@participants.parley.example`, name: null, stakeholderGroup: p.group, country: p.country, emailVerified: new Date(now - 60 * day) })),
    skipDuplicates: true,
  });
  const users = await db.user.findMany({ where: { email: { in: participants.map((p) => `${p.key}@participants.parley.example`) } }, select: { id: true, email: true } });
  const idOf = new Map(users.map((u) => [u.email, u.id]));
  const userId = (i: number) => idOf.get(`${participants[i]!.key}@participants.parley.example`)!;
  const ids = comments.map((_, i) => `demo-conn-${String(i).padStart(4, "0")}`);
  await db.comment.createMany({
    data: comments.map((c, i) => ({ id: ids[i]!, draftId: draft.id, versionNumber: 0, anchor: c.anchor, authorId: userId(c.author), kind: c.kind, body: c.body, createdAt: new Date(now - c.daysAgo * day + i * 1000) })),
  });
  // Receipts: the demo comments get tracking numbers, as posted ones do.
  await numberUntrackedComments(db);
  await db.commentVote.createMany({ data: votes.map((v) => ({ commentId: ids[v.comment]!, userId: userId(v.voter), value: v.value, createdAt: new Date(now - 4 * day) })) });
  await recountVotes(db, draft.id);
  await db.position.createMany({ data: positions.map((p) => ({ draftId: draft.id, userId: userId(p.participant), value: p.value })) });
  // The consultation closed three days ago; the moderators analysed it and published a first summary.
  await db.draft.update({ where: { id: draft.id }, data: { status: "CLOSED" } });
  await db.draftEvent.createMany({
    data: [
      { draftId: draft.id, type: "OPENED", fromStatus: "DRAFT", toStatus: "OPEN", actorId: editorId, createdAt: new Date(now - 45 * day) },
      { draftId: draft.id, type: "CLOSED", fromStatus: "OPEN", toStatus: "CLOSED", actorId: null, createdAt: new Date(now - 3 * day) },
    ],
  });
  const moderator = { id: moderatorId, isPlatformAdmin: false, suspendedAt: null, memberships: [{ organisationId: forumId, role: "MODERATOR" as const }] };
  const run = await runAnalysisNow(draft.id, moderatorId);
  // Two decisions recorded before the first summary: the form letter, and the largest theme.
  const [campaign] = await campaignSummaries(draft.id);
  if (campaign) {
    await setDisposition(moderator, ZDisposition.parse({ draftId: draft.id, commentId: campaign.id, value: "PARTLY_ACCEPTED", response: "Paragraph 4.2 now asks regulators to consider reserving spectrum for community operators where commercial coverage is absent." }));
  }
  const [largest] = await themeSummaries(draft.id);
  if (largest) {
    await setDisposition(moderator, ZDisposition.parse({ draftId: draft.id, themeId: largest.id, value: "NOTED", response: "These comments will inform the implementation guide that follows the recommendations." }));
  }
  await publishSummary(moderator, { draftId: draft.id, runId: run.id, note: "First summary, published after the consultation closed. More dispositions will follow." });
  return draft;
}
