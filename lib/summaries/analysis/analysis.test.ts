import { describe, expect, it } from "vitest";

import { compareAcrossGroups, tallyByGroup } from "./agreement";
import { analyse } from "./analyse";
import { adjustedRandIndex } from "./ari";
import { findCampaigns } from "./campaigns";
import { findOpinionGroups, type Vote } from "./opinions";
import { writeCsv } from "@/lib/csv/write-csv";
import { parsePolisExport } from "./polis";
import { silhouette, type Point } from "./polis-groups";
import { seededRandom } from "./random";
import { findThemes, assignToThemes } from "./themes";
import { tokenize } from "./tokenize";

const topics = {
  privacy: ["personal data must stay private", "encryption protects privacy of users", "data protection authorities need power over personal data"],
  access: ["rural villages lack broadband access", "affordable mobile internet access for schools", "broadband access gaps in rural regions"],
  skills: ["teachers need digital skills training", "digital literacy training for older people", "skills programmes and training in schools"],
};

function corpus(perTopic: number) {
  const random = seededRandom(3);
  const docs: { id: string; text: string; topic: string }[] = [];
  for (const [topic, phrases] of Object.entries(topics)) {
    for (let i = 0; i < perTopic; i++) {
      const a = phrases[Math.floor(random() * phrases.length)]!;
      const b = phrases[Math.floor(random() * phrases.length)]!;
      docs.push({ id: `${topic}-${i}`, text: `${a}; also ${b} (${i})`, topic });
    }
  }
  return docs;
}

describe("tokenize", () => {
  it("drops stop words and segments Chinese into words", () => {
    expect(tokenize("The data of the users must be protected")).toEqual(["data", "users", "protected"]);
    const zh = tokenize("我覺得載客的司機都應該保意外險");
    expect(zh).toContain("司機");
    expect(zh.every((w) => w.length > 1)).toBe(true);
  });
});

describe("themes", () => {
  it("recovers planted topics, labels them with their distinctive words, deterministically", () => {
    const docs = corpus(30);
    const first = findThemes(docs, { k: 3 });
    const again = findThemes(docs, { k: 3 });
    expect(again).toEqual(first);
    expect(first.themes).toHaveLength(3);
    const topicOf = new Map(docs.map((d) => [d.id, d.topic]));
    const labels = new Map(first.themes.flatMap((t, i) => t.documentIds.map((id) => [id, i])));
    expect(adjustedRandIndex(docs.map((d) => labels.get(d.id) ?? -1), docs.map((d) => d.topic))).toBeGreaterThan(0.9);
    const access = first.themes.find((t) => topicOf.get(t.documentIds[0]!) === "access")!;
    expect(access.keyPhrases.some((p) => ["access", "broadband", "rural"].includes(p))).toBe(true);
  });

  it("places new comments into existing themes without moving the old ones", () => {
    const docs = corpus(10);
    const byTopic = Object.keys(topics).map((t) => ({ key: t, documents: docs.filter((d) => d.topic === t) }));
    const placed = assignToThemes(byTopic, [
      { id: "new-1", text: "broadband access for rural schools" },
      { id: "new-2", text: "privacy of personal data" },
      { id: "new-3", text: "zzz" },
    ]);
    expect(placed.get("new-1")).toBe("access");
    expect(placed.get("new-2")).toBe("privacy");
    expect(placed.get("new-3")).toBeNull();
  });
});

describe("campaigns", () => {
  it("groups identical and near-identical texts and leaves distinct ones alone", () => {
    const letter = "We urge the committee to withdraw section four because it undermines the open internet and harms small providers across the region";
    const docs = [
      ...Array.from({ length: 50 }, (_, i) => ({ id: `copy-${i}`, text: i % 2 ? letter.toUpperCase() : `${letter}!` })),
      { id: "signed", text: `${letter} Signed, Amina` },
      ...corpus(5).map((d) => ({ id: d.id, text: d.text })),
      { id: "other", text: "We urge the committee to keep section four because it protects the open internet" },
    ];
    const campaigns = findCampaigns(docs);
    const letterCampaign = campaigns.find((c) => c.includes("copy-0"))!;
    expect(letterCampaign).toHaveLength(51);
    expect(letterCampaign).toContain("signed");
    expect(campaigns.flat()).not.toContain("other");
    expect(campaigns.filter((c) => c !== letterCampaign).every((c) => c.every((id) => !id.startsWith("copy")))).toBe(true);
  });

  it("counts a form letter as one voice in the themes, weighted by its signatures", () => {
    const letter = "Stop the new licensing fees for community radio stations now please";
    const comments = [...corpus(10).map((d) => ({ id: d.id, text: d.text })), ...Array.from({ length: 1000 }, (_, i) => ({ id: `l${i}`, text: letter }))];
    const result = analyse({ comments, votes: [] });
    expect(result.campaigns[0]!.commentIds).toHaveLength(1000);
    const themed = result.themes.flatMap((t) => t.documentIds);
    expect(themed.filter((id) => id.startsWith("l"))).toEqual(["l0"]);
  });
});

function syntheticVotes(perGroup: number, seed = 5): { votes: Vote[]; truth: Map<string, number> } {
  const random = seededRandom(seed);
  const votes: Vote[] = [];
  const truth = new Map<string, number>();
  for (let g = 0; g < 2; g++) {
    for (let p = 0; p < perGroup; p++) {
      const id = `g${g}-p${p}`;
      truth.set(id, g);
      for (let s = 0; s < 20; s++) {
        if (random() < 0.3) continue;
        // s0–s4: everyone agrees; s5–s14: the groups disagree; s15–19: noise.
        const agreeP = s < 5 ? 0.9 : s < 15 ? (g === (s % 2) ? 0.9 : 0.1) : 0.5;
        votes.push({ participantId: id, statementId: `s${s}`, value: random() < agreeP ? 1 : random() < 0.2 ? 0 : -1 });
      }
    }
  }
  return { votes, truth };
}

describe("opinion groups", () => {
  it("finds planted opinion groups, consensus and divisive statements", () => {
    const { votes, truth } = syntheticVotes(60);
    const result = findOpinionGroups(votes);
    expect(result.groups).toHaveLength(2);
    const found = result.groups.flatMap((g) => g.participantIds.map((p) => [p, g.index] as const));
    expect(adjustedRandIndex(found.map(([, g]) => g), found.map(([p]) => truth.get(p)!))).toBeGreaterThan(0.9);
    const consensus = result.consensus.map((s) => s.statementId);
    expect(consensus).toEqual(expect.arrayContaining(["s0", "s1", "s2", "s3", "s4"]));
    expect(consensus.some((s) => Number(s.slice(1)) >= 5)).toBe(false);
    expect(result.divisive.map((s) => s.statementId).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `s${i + 5}`).sort());
    expect(result.groups.every((g) => g.distinctive.length > 0)).toBe(true);
    expect(findOpinionGroups(votes)).toEqual(result);
  });

  it("leaves out participants with too few votes", () => {
    const { votes } = syntheticVotes(20);
    votes.push({ participantId: "lurker", statementId: "s0", value: 1 });
    const result = findOpinionGroups(votes);
    expect(result.participantsLeftOut).toBe(1);
    expect(result.map.some((p) => p.participantId === "lurker")).toBe(false);
  });
});

describe("bridging across declared groups", () => {
  it("needs a majority of 60% in every group that voted", () => {
    const votes = [
      ...["a", "b", "c"].map((p) => ({ statementId: "s1", group: "GOVERNMENT", value: 1, p })),
      ...["d", "e", "f", "g", "h"].map((p, i) => ({ statementId: "s1", group: "CIVIL_SOCIETY", value: i < 3 ? 1 : -1, p })),
      ...["a", "b", "c"].map((p) => ({ statementId: "s2", group: "GOVERNMENT", value: 1, p })),
      ...["d", "e", "f"].map((p) => ({ statementId: "s2", group: "CIVIL_SOCIETY", value: -1, p })),
    ];
    const compared = compareAcrossGroups(tallyByGroup(votes));
    const s1 = compared.find((s) => s.statementId === "s1")!;
    const s2 = compared.find((s) => s.statementId === "s2")!;
    expect(s1.agreed).toBe(true);
    expect(s1.minAgree).toBeCloseTo(0.6);
    expect(s2.agreed).toBe(false);
    expect(s2.divided).toBe(true);
  });
});

describe("adjusted Rand index", () => {
  it("is 1 for the same partition under other names and about 0 for unrelated ones", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], ["x", "x", "y", "y", "z"])).toBe(1);
    const random = seededRandom(9);
    const a = Array.from({ length: 2000 }, () => Math.floor(random() * 3));
    const b = Array.from({ length: 2000 }, () => Math.floor(random() * 3));
    expect(Math.abs(adjustedRandIndex(a, b))).toBeLessThan(0.02);
  });
});

describe("Pol.is format", () => {
  it("reads quoted multi-line comments and keeps each voter's latest vote", () => {
    const comments = writeCsv(["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"], [
      [1000, "", 0, 1, 0, 0, 1, 'A "quoted", multi-line\ncomment'],
    ]);
    const votes = "timestamp,datetime,comment-id,voter-id,vote\n1472552518501,,0,5,1\n1472552519501,,0,5,-1\n";
    const parsed = parsePolisExport(comments, votes);
    expect(parsed.comments[0]!.text).toBe('A "quoted", multi-line\ncomment');
    expect(parsed.votes).toEqual([{ participantId: "5", commentId: "0", value: -1, createdAt: new Date(1472552519501) }]);
  });
});

describe("silhouette over participants (departure silhouette:participants)", () => {
  it("equals the plain silhouette of every participant placed at their base-cluster centre", () => {
    const random = seededRandom(7);
    const centres: Point[] = Array.from({ length: 30 }, (_, i) => [random() * 4 + (i % 3) * 3, random() * 4]);
    const sizes = centres.map(() => 1 + Math.floor(random() * 6));
    const labels = centres.map((_, i) => i % 3);
    const expanded = centres.flatMap((c, i) => Array.from({ length: sizes[i]! }, () => c));
    const expandedLabels = labels.flatMap((l, i) => Array.from({ length: sizes[i]! }, () => l));
    expect(silhouette(centres, labels, sizes)).toBeCloseTo(silhouette(expanded, expandedLabels), 12);
    // Unit weights are Pol.is's silhouette over the centres.
    expect(silhouette(centres, labels, centres.map(() => 1))).toBeCloseTo(silhouette(centres, labels), 12);
    // A crowded base cluster weighs as many participants: here it moves the score.
    expect(Math.abs(silhouette(centres, labels, sizes) - silhouette(centres, labels))).toBeGreaterThan(1e-3);
  });
});
