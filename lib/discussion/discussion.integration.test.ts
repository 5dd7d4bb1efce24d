import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { castVote } from "@/lib/comments/cast-vote";
import { createComment } from "@/lib/comments/create-comment";
import { apiListComments, listThread } from "@/lib/comments/queries";
import { ZCommentListQuery, ZCreateCommentInput } from "@/lib/comments/schemas";
import { setPositions } from "@/lib/comments/set-position";
import { prisma } from "@/lib/db/client";
import { createDraft } from "@/lib/drafts/create-draft";
import { openDraft } from "@/lib/drafts/open-draft";
import { ZCreateDraftInput, ZOpenDraftInput } from "@/lib/drafts/schemas";
import { transitionDraft } from "@/lib/drafts/transition-draft";
import { ForbiddenError } from "@/lib/errors";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { moderateComment } from "@/lib/moderation/moderate-comment";
import { parsePolisExport } from "@/lib/summaries/analysis/polis";
import { seedMembership, seedOrganisation, seedUser } from "@/prisma/seed/builders";
import { openDataDraft, openDataResponse } from "./open-data";
import { divisiveness } from "./order";
import { ZDiscussionFilters, type TDiscussionFilters } from "./schemas";
import { setOpenData } from "./set-open-data";

afterAll(() => prisma.$disconnect());

const actors: Record<string, Actor> = {};
let org = { id: "" };
let draft = { id: "", organisationId: "", reference: "" };
const voters: Actor[] = [];
/** Top-level comments on p-1.1 by name: A split 3/3, B 6 agree, C 2/1, D 1/1, E no votes. */
const ids: Record<string, string> = {};

async function person(email: string, roles: Array<[string, OrgRole]> = [], group: "CIVIL_SOCIETY" | "GOVERNMENT" | "ACADEMIA" = "CIVIL_SOCIETY"): Promise<Actor> {
  const user = await seedUser(prisma, { email, name: email.split("@")[0]!, stakeholderGroup: group, country: "KE" });
  for (const [o, role] of roles) await seedMembership(prisma, o, user.id, role);
  return { id: user.id, isPlatformAdmin: false, suspendedAt: null, memberships: roles.map(([organisationId, role]) => ({ organisationId, role })) };
}

const filters = (f: Partial<TDiscussionFilters>): TDiscussionFilters => ZDiscussionFilters.parse(f);

beforeAll(async () => {
  org = await seedOrganisation(prisma, { slug: "discussion-org", name: "Discussion Org", description: "", referencePrefix: "DI-RFC" });
  actors.owner = await person("d-owner@example.org", [[org.id, "OWNER"]]);
  actors.moderator = await person("d-moderator@example.org", [[org.id, "MODERATOR"]]);
  actors.gov = await person("d-gov@example.org", [], "GOVERNMENT");
  actors.cso = await person("d-cso@example.org");
  actors.academic = await person("d-academic@example.org", [], "ACADEMIA");
  for (let i = 0; i < 6; i++) voters.push(await person(`d-voter-${i}@example.org`));
  const { reference } = await createDraft(actors.owner!, ZCreateDraftInput.parse({ organisationId: org.id, title: "Discussion draft", abstract: "", language: "en", body: "# Scope\n\nThis applies to consultations.\n" }));
  draft = await prisma.draft.findUniqueOrThrow({ where: { reference }, select: { id: true, organisationId: true, reference: true } });
  await openDraft(actors.owner!, ZOpenDraftInput.parse({ draftId: draft.id, closesAt: "2099-01-01T00:00", timeZone: "UTC" }));
  const make = async (name: string, author: Actor, kind: string, extra: Record<string, unknown> = {}) => {
    ids[name] = (await createComment(author, ZCreateCommentInput.parse({ draftId: draft.id, anchor: "p-1.1", kind, body: `Comment ${name}.`, ...extra }))).id;
  };
  await make("A", actors.gov!, "CONCERN");
  await make("B", actors.cso!, "SUPPORT");
  await make("C", actors.academic!, "CONCERN");
  await make("D", actors.gov!, "QUESTION", { anonymous: "on" });
  await make("E", actors.cso!, "CONCERN");
  const votes: Record<string, Array<"AGREE" | "DISAGREE" | "PASS">> = {
    A: ["AGREE", "AGREE", "AGREE", "DISAGREE", "DISAGREE", "DISAGREE"],
    B: ["AGREE", "AGREE", "AGREE", "AGREE", "AGREE", "AGREE"],
    C: ["AGREE", "AGREE", "DISAGREE", "PASS"],
    D: ["AGREE", "DISAGREE"],
  };
  for (const [name, values] of Object.entries(votes)) for (const [i, value] of values.entries()) await castVote(voters[i]!, { commentId: ids[name]!, value });
  // Replies: three on C, one on E.
  for (const who of ["gov", "cso", "academic"]) ids[`${who}Reply`] = (await createComment(actors[who]!, ZCreateCommentInput.parse({ draftId: draft.id, anchor: "p-1.1", parentId: ids.C, body: `Reply by ${who}.` }))).id;
  ids.reply = (await createComment(actors.gov!, ZCreateCommentInput.parse({ draftId: draft.id, anchor: "p-1.1", parentId: ids.E, body: "A reply on E." }))).id;
  // A general comment (anchor null) stays out of the paragraph's discussion.
  ids.general = (await createComment(actors.cso!, ZCreateCommentInput.parse({ draftId: draft.id, kind: "SUPPORT", body: "General support." }))).id;
  await setPositions(voters[0]!, draft.id, [{ section: "", value: "SUPPORT" }]);
  await setPositions(voters[1]!, draft.id, [{ section: "", value: "OPPOSE" }]);
}, 120_000);

const order = async (f: Partial<TDiscussionFilters>, page = 1, pageSize = 20) => (await listThread(draft, "p-1.1", null, page, pageSize, filters(f))).items.map((c) => c.id);
const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

describe("divisiveness", () => {
  it("is the balance of the vote times its volume, 0 without both sides", () => {
    expect(divisiveness(0, 0)).toBe(0);
    expect(divisiveness(10, 0)).toBe(0);
    expect(divisiveness(5, 5)).toBe(10);
    expect(divisiveness(50, 50)).toBe(100);
    expect(divisiveness(90, 10)).toBeCloseTo(36);
    // A larger even split is more divisive than a smaller one; an even split more than a lopsided one of the same size.
    expect(divisiveness(50, 50)).toBeGreaterThan(divisiveness(5, 5));
    expect(divisiveness(50, 50)).toBeGreaterThan(divisiveness(90, 10));
  });
});

describe("the sorted and filtered discussion", () => {
  it("orders by newest and oldest with the id as tiebreaker, as the rows in the database say", async () => {
    const rows = await prisma.comment.findMany({ where: { draftId: draft.id, anchor: "p-1.1", parentId: null }, select: { id: true, createdAt: true } });
    const newest = [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);
    expect(await order({})).toEqual(newest);
    expect(await order({ sort: "oldest" })).toEqual([...newest].reverse());
  });

  it("orders by most agreed, most divisive and most replies from the counters, ties by id", async () => {
    expect((await order({ sort: "agreed" })).map(name)).toEqual(["B", "A", "C", "D", "E"]);
    const divisive = (await order({ sort: "divisive" })).map(name);
    expect(divisive.slice(0, 3)).toEqual(["A", "C", "D"]);
    // B (6/0) and E (no votes) both score 0: the larger id first.
    expect(divisive.slice(3)).toEqual(ids.B! > ids.E! ? ["B", "E"] : ["E", "B"]);
    expect((await order({ sort: "replies" })).slice(0, 2).map(name)).toEqual(["C", "E"]);
    // The counters the SQL sorts by equal the vote rows.
    const counted = await prisma.commentVote.groupBy({ by: ["commentId", "value"], where: { commentId: ids.A }, _count: true });
    expect(counted.find((c) => c.value === "DISAGREE")?._count).toBe(3);
  });

  it("filters by kind and by the author's stakeholder group, and counts what matches", async () => {
    expect((await order({ kind: "CONCERN", sort: "oldest" })).map(name)).toEqual(["A", "C", "E"]);
    expect((await order({ group: "GOVERNMENT", sort: "oldest" })).map(name)).toEqual(["A", "D"]);
    const thread = await listThread(draft, "p-1.1", null, 1, 20, filters({ kind: "CONCERN", group: "GOVERNMENT" }));
    expect(thread.items.map((c) => name(c.id))).toEqual(["A"]);
    expect(thread.total).toBe(1);
  });

  it("pages keep the order: two pages of two are the first four of the whole order", async () => {
    const all = await order({ sort: "divisive" });
    const pages = [...(await order({ sort: "divisive" }, 1, 2)), ...(await order({ sort: "divisive" }, 2, 2))];
    expect(pages).toEqual(all.slice(0, 4));
    expect((await listThread(draft, "p-1.1", null, 3, 2, filters({ sort: "divisive" }))).pageCount).toBe(3);
  });

  it("keeps the replies under their comment whatever the order", async () => {
    const thread = await listThread(draft, "p-1.1", null, 1, 20, filters({ sort: "replies" }));
    expect(thread.items[0]!.replies).toHaveLength(3);
  });

  it("the API takes the same parameters, replies included, and refuses unknown values", async () => {
    const q = (v: Record<string, unknown>) => ZCommentListQuery.parse(v);
    const divisive = await apiListComments(draft.id, q({ sort: "divisive", anchor: "p-1.1", kind: "CONCERN" }));
    expect(divisive.data.map((c) => name(c.id))).toEqual(["A", "C", "E"]);
    const group = await apiListComments(draft.id, q({ group: "GOVERNMENT", sort: "oldest" }));
    expect(group.data.map((c) => name(c.id))).toEqual(["A", "D", "govReply", "reply"]);
    expect(group.total).toBe(4);
    expect(ZCommentListQuery.safeParse({ sort: "loudest" }).success).toBe(false);
    expect(ZCommentListQuery.safeParse({ kind: "PRAISE" }).success).toBe(false);
    expect(ZCommentListQuery.safeParse({ group: "ROBOTS" }).success).toBe(false);
    expect(ZCommentListQuery.parse({ kind: "", group: "" })).toMatchObject({ sort: "newest", kind: undefined, group: undefined });
  });
});

async function text(response: Response | null) {
  expect(response?.status).toBe(200);
  // ignoreBOM: keep the byte order mark in the text, to check it is there.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await response!.arrayBuffer()));
}

describe("open data", () => {
  it("is not available while the consultation is open and the organisation has not opened it", async () => {
    expect(await openDataDraft(draft.reference, null)).toBeNull();
    expect(await openDataResponse(draft.reference, null, "comments.csv")).toBeNull();
  });

  it("opening it early is for editors and owners, audited once per change", async () => {
    await expect(setOpenData(actors.moderator!, { draftId: draft.id, openData: true, dataLicence: null })).rejects.toBeInstanceOf(ForbiddenError);
    await setOpenData(actors.owner!, { draftId: draft.id, openData: true, dataLicence: "CC0-1.0" });
    await setOpenData(actors.owner!, { draftId: draft.id, openData: true, dataLicence: "CC0-1.0" });
    const audit = await prisma.openDataChange.findMany({ where: { draftId: draft.id } });
    expect(audit).toMatchObject([{ actorId: actors.owner!.id, openData: true, dataLicence: "CC0-1.0" }]);
    expect((await openDataDraft(draft.reference, null))?.licence).toBe("CC0-1.0");
    await setOpenData(actors.owner!, { draftId: draft.id, openData: false, dataLicence: null });
    expect(await openDataDraft(draft.reference, null)).toBeNull();
    expect(await prisma.openDataChange.count({ where: { draftId: draft.id } })).toBe(2);
  });

  it("once closed: every published comment and reply, counted against the database, with the licence and pseudonyms", async () => {
    await moderateComment(actors.moderator!, { commentId: ids.E!, action: "HIDE", reason: "Off topic." });
    await transitionDraft(actors.owner!, { draftId: draft.id, to: "CLOSED", note: "" });
    const expected = await prisma.comment.findMany({ where: { draftId: draft.id, status: { in: ["PUBLISHED", "HIDDEN"] } }, select: { id: true, agreeCount: true } });
    // Five comments and four replies on the paragraph, one general comment.
    expect(expected.length).toBe(10);

    const csv = await text(await openDataResponse(draft.reference, null, "comments.csv"));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => r.licence))).toEqual(new Set(["CC-BY-4.0"]));
    expect(rows[0]!.licence_url).toBe("https://creativecommons.org/licenses/by/4.0/");
    const byId = new Map(rows.map((r) => [r.comment_id, r]));
    expect(byId.get(ids.A!)).toMatchObject({ agree: "3", disagree: "3", author_name: "d-gov", stakeholder_group: "GOVERNMENT", status: "published" });
    expect(byId.get(ids.E!)).toMatchObject({ status: "removed", text: "Removed by the moderator: Off topic." });
    expect(csv).not.toContain("Comment E.");
    // The anonymous comment: no name, and a pseudonym different from the same person's signed comment.
    expect(byId.get(ids.D!)).toMatchObject({ author_name: "", country: "" });
    expect(byId.get(ids.D!)!.author).not.toBe(byId.get(ids.A!)!.author);
    expect(byId.get(ids.reply!)!.author).toBe(byId.get(ids.A!)!.author);
    expect(byId.get(ids.reply!)!.parent_id).toBe(ids.E);
    expect(csv).not.toContain("@example.org");
    for (const e of expected) expect(Number(byId.get(e.id)!.agree)).toBe(e.agreeCount);

    const json = JSON.parse(await text(await openDataResponse(draft.reference, null, "comments.json"))) as { licence: string; comments: Array<{ id: string; text: string; author: string }>; positions: Array<{ section: string; value: string; count: number }> };
    expect(json.licence).toBe("CC-BY-4.0");
    expect(json.comments).toHaveLength(expected.length);
    expect(json.comments.find((c) => c.id === ids.E)!.text).toBe("Removed by the moderator: Off topic.");
    expect(json.positions).toEqual([
      { section: "", value: "OPPOSE", count: 1 },
      { section: "", value: "SUPPORT", count: 1 },
    ]);
  });

  it("the Pol.is files read back with Pol.is's columns: top-level comments, every vote", async () => {
    const comments = await text(await openDataResponse(draft.reference, null, "polis/comments.csv"));
    const votes = await text(await openDataResponse(draft.reference, null, "polis/votes.csv"));
    const polis = parsePolisExport(comments, votes);
    const top = await prisma.comment.count({ where: { draftId: draft.id, parentId: null, status: { in: ["PUBLISHED", "HIDDEN"] } } });
    const voteRows = await prisma.commentVote.count({ where: { comment: { draftId: draft.id, parentId: null, status: { in: ["PUBLISHED", "HIDDEN"] } } } });
    expect(polis.comments).toHaveLength(top);
    expect(polis.votes).toHaveLength(voteRows);
    expect(polis.comments.filter((c) => c.moderated === -1)).toHaveLength(1);
    // Voters are pseudonyms apart from authors: a signed comment does not reveal its author's votes.
    const authors = new Set(polis.comments.map((c) => c.authorId));
    expect(polis.votes.some((v) => authors.has(v.participantId))).toBe(false);
    expect(new Set(polis.votes.map((v) => v.participantId)).size).toBe(6);
  });
});
