import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { prisma } from "@/lib/db/client";
import { ConflictError, FieldError, ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { seedMembership, seedOrganisation, seedUser } from "@/prisma/seed/builders";
import { apiDiffDraft, apiGetDraft, apiListDrafts } from "./api";
import { applyScheduledTransitions } from "./apply-scheduled-transitions";
import { createDraft } from "./create-draft";
import { commentCountsByAnchor } from "@/lib/comments/queries";
import { diffDraftVersions } from "./diff-draft-versions";
import { getDraftForReader, getParagraph, getVersionBlocks } from "./get-draft";
import { listDrafts } from "./list-drafts";
import { openDraft } from "./open-draft";
import { ZCreateDraftInput, ZDraftListQuery, ZOpenDraftInput, ZUpdateDraftInput } from "./schemas";
import { extendDraft, transitionDraft } from "./transition-draft";
import { updateDraft } from "./update-draft";

afterAll(() => prisma.$disconnect());

let orgId = "";
let otherOrgId = "";
const actors: Record<string, Actor> = {};

async function actorWith(email: string, roles: Array<[string, OrgRole]>): Promise<Actor> {
  const user = await seedUser(prisma, { email, name: email.split("@")[0]! });
  for (const [org, role] of roles) await seedMembership(prisma, org, user.id, role);
  return { id: user.id, isPlatformAdmin: false, suspendedAt: null, memberships: roles.map(([organisationId, role]) => ({ organisationId, role })) };
}

const body0 = `# Scope

This guidance applies to online consultations on digital policy.

# Principles

## Reach

Consultations should reach the people affected, not only experts.

Announcements should use channels each stakeholder group actually reads.

## Time

A consultation should stay open for at least twelve weeks.
`;

beforeAll(async () => {
  orgId = (await seedOrganisation(prisma, { slug: "test-forum", name: "Test Forum", description: "", referencePrefix: "TF-RFC" })).id;
  otherOrgId = (await seedOrganisation(prisma, { slug: "other-body", name: "Other Body", description: "", referencePrefix: "OB-RFC" })).id;
  actors.owner = await actorWith("drafts-owner@example.org", [[orgId, "OWNER"]]);
  actors.editor = await actorWith("drafts-editor@example.org", [[orgId, "EDITOR"]]);
  actors.moderator = await actorWith("drafts-moderator@example.org", [[orgId, "MODERATOR"]]);
  actors.outsider = await actorWith("drafts-outsider@example.org", [[otherOrgId, "EDITOR"]]);
  actors.stakeholder = await actorWith("drafts-stakeholder@example.org", []);
});

const createInput = (over: Record<string, string> = {}) =>
  ZCreateDraftInput.parse({ organisationId: orgId, title: "Guidance on consultations", abstract: "How to consult well.", topics: "participation, Open Government", language: "en", authors: "A. Editor", body: body0, ...over });

describe("creating and editing drafts", () => {
  it("numbers references per organisation and year, and refuses a duplicate", async () => {
    const a = await createDraft(actors.editor!, createInput());
    const b = await createDraft(actors.owner!, createInput());
    const year = new Date().getUTCFullYear();
    expect(a.reference).toMatch(new RegExp(`^TF-RFC-${year}-\\d{3}$`));
    expect(Number(b.reference.slice(-3))).toBe(Number(a.reference.slice(-3)) + 1);
    await expect(createDraft(actors.editor!, createInput({ reference: a.reference }))).rejects.toMatchObject({ field: "reference", code: "referenceTaken" });
    const stored = await prisma.draft.findUniqueOrThrow({ where: { reference: a.reference }, select: { topics: true, status: true } });
    expect(stored).toEqual({ topics: ["participation", "open government"], status: "DRAFT" });
  });

  it("lets only the organisation's owners and editors create, edit and open drafts", async () => {
    for (const who of ["moderator", "outsider", "stakeholder"]) await expect(createDraft(actors[who]!, createInput())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createDraft(null, createInput())).rejects.toBeInstanceOf(UnauthenticatedError);
    const { reference } = await createDraft(actors.editor!, createInput());
    const draft = await prisma.draft.findUniqueOrThrow({ where: { reference } });
    const update = ZUpdateDraftInput.parse({ draftId: draft.id, title: "Changed by an intruder", abstract: "", language: "en", body: "x" });
    for (const who of ["moderator", "outsider", "stakeholder"]) await expect(updateDraft(actors[who]!, update)).rejects.toBeInstanceOf(ForbiddenError);
    const open = ZOpenDraftInput.parse({ draftId: draft.id, closesAt: "2099-01-01T12:00", timeZone: "UTC" });
    for (const who of ["moderator", "outsider", "stakeholder"]) await expect(openDraft(actors[who]!, open)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await prisma.draft.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe("Guidance on consultations");
  });

  it("validates input: empty title, closing before opening, bodies over 1,000,000 characters", () => {
    const bad = ZCreateDraftInput.safeParse({ organisationId: orgId, title: " ", language: "en", body: "x".repeat(5 * 1024 * 1024) });
    expect(bad.success).toBe(false);
    const issues = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(issues).toMatchObject({ title: "tooShort3", body: "bodyTooLong" });
    const dates = ZOpenDraftInput.safeParse({ draftId: "x", opensAt: "2030-05-02T10:00", closesAt: "2030-05-01T10:00", timeZone: "Europe/Zurich" });
    expect(dates.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["closesAt", "closesBeforeOpens"]]);
  });
});

describe("versions, anchors and the lifecycle", () => {
  it("publishes -00 on opening, keeps anchors across a revision, and diffs the two", async () => {
    const { reference } = await createDraft(actors.editor!, createInput({ body: `${body0}\n<script>alert(1)</script>\n\n[bad](javascript:alert(1)) link` }));
    const draft = await prisma.draft.findUniqueOrThrow({ where: { reference } });
    await openDraft(actors.editor!, ZOpenDraftInput.parse({ draftId: draft.id, closesAt: "2099-01-01T12:00", timeZone: "Europe/Zurich" }));
    const v0 = (await getVersionBlocks(draft.id, 0))!;
    expect(v0.blocks.map((b) => b.anchor)).toContain("p-2.1.1");
    const html = v0.blocks.map((b) => b.html).join("");
    expect(html).not.toMatch(/<script|javascript:/i);

    // A revision: a new paragraph before "Consultations should reach…", and a light edit of "A consultation should stay open…".
    const revised = body0
      .replace("## Reach\n\n", "## Reach\n\nReaching people takes planning before the consultation opens.\n\n")
      .replace("at least twelve weeks.", "at least twelve weeks, and never less than six.");
    const missingNote = ZUpdateDraftInput.parse({ draftId: draft.id, title: draft.title, abstract: draft.abstract, language: "en", body: revised });
    await expect(updateDraft(actors.editor!, missingNote)).rejects.toMatchObject({ field: "changeNote" });
    const result = await updateDraft(actors.editor!, { ...missingNote, changeNote: "Adds a planning paragraph; sets a minimum period." });
    expect(result.publishedVersion).toBe(1);
    const v1 = (await getVersionBlocks(draft.id, 1))!;
    const anchorOf = (blocks: typeof v1.blocks, start: string) => blocks.find((b) => b.text.startsWith(start))?.anchor;
    expect(anchorOf(v1.blocks, "Consultations should reach")).toBe(anchorOf(v0.blocks, "Consultations should reach"));
    expect(anchorOf(v1.blocks, "A consultation should stay open")).toBe(anchorOf(v0.blocks, "A consultation should stay open"));
    expect(new Set(v1.blocks.map((b) => b.anchor)).size).toBe(v1.blocks.length);

    const diff = (await apiDiffDraft(reference, 0, 1, null))!;
    expect(diff.changes.filter((c) => c.type === "added")).toHaveLength(1);
    const changed = diff.changes.find((c) => c.type === "changed");
    expect(changed && "words" in changed ? changed.words.filter((w) => w.type === "added").map((w) => w.text).join("") : "").toContain("never less than six");
  });

  it("keeps a paragraph's comments with it when it moves to another section and is lightly edited", async () => {
    const { reference } = await createDraft(actors.editor!, createInput());
    const draft = await prisma.draft.findUniqueOrThrow({ where: { reference } });
    await openDraft(actors.editor!, ZOpenDraftInput.parse({ draftId: draft.id, closesAt: "2099-01-01T12:00", timeZone: "Europe/Zurich" }));
    const v0 = (await getVersionBlocks(draft.id, 0))!;
    const reach = v0.blocks.find((b) => b.text.startsWith("Consultations should reach"))!;
    expect(reach.number).toBe("2.1.1");
    await prisma.comment.create({ data: { draftId: draft.id, versionNumber: 0, anchor: reach.anchor, authorId: actors.stakeholder!.id, kind: "SUPPORT", body: "Yes, reach matters." } });

    // "Consultations should reach…" moves from Reach (2.1.1) to the end of Time (2.2.2), lightly edited.
    const revised = body0
      .replace("Consultations should reach the people affected, not only experts.\n\n", "")
      .replace("at least twelve weeks.\n", "at least twelve weeks.\n\nConsultations should reach all the people affected, not only experts.\n");
    await updateDraft(actors.editor!, { ...ZUpdateDraftInput.parse({ draftId: draft.id, title: draft.title, abstract: draft.abstract, language: "en", body: revised }), changeNote: "Moves the reach paragraph." });
    const moved = await getParagraph(draft.id, 1, reach.anchor);
    expect(moved).toMatchObject({ number: "2.2.2", text: "Consultations should reach all the people affected, not only experts." });
    expect((await commentCountsByAnchor(draft.id))[reach.anchor]).toBe(1);

    const diff = (await diffDraftVersions(draft.id, 0, 1))!;
    expect(diff.blocks.filter((b) => b.type === "removed" || b.type === "added")).toEqual([]);
    expect(diff.blocks.find((b) => b.type === "moved")).toMatchObject({ fromAnchor: reach.anchor, toAnchor: reach.anchor, fromNumber: "2.1.1", toNumber: "2.2.2" });
  });

  it("opens and closes by itself at the set times, records it, and allows an announced extension", async () => {
    const { reference } = await createDraft(actors.owner!, createInput());
    const draft = await prisma.draft.findUniqueOrThrow({ where: { reference } });
    const now = new Date();
    const inUtc = (ms: number) => new Date(now.getTime() + ms).toISOString().slice(0, 16);
    await openDraft(actors.owner!, ZOpenDraftInput.parse({ draftId: draft.id, opensAt: inUtc(60_000), closesAt: inUtc(3_600_000), timeZone: "UTC" }), now);
    expect((await prisma.draft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("SCHEDULED");
    await applyScheduledTransitions(new Date(now.getTime() + 120_000));
    expect((await prisma.draft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("OPEN");
    await applyScheduledTransitions(new Date(now.getTime() + 7_200_000));
    expect((await prisma.draft.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("CLOSED");
    const events = await prisma.draftEvent.findMany({ where: { draftId: draft.id }, orderBy: { createdAt: "asc" }, select: { type: true, actorId: true } });
    expect(events.map((e) => e.type)).toEqual(["CREATED", "VERSION_PUBLISHED", "SCHEDULED", "OPENED", "CLOSED"]);
    expect(events.slice(-2).every((e) => e.actorId === null)).toBe(true);

    await expect(extendDraft(actors.owner!, { draftId: draft.id, closesAt: "2000-01-01T00:00", note: "Too late" })).rejects.toBeInstanceOf(FieldError);
    await extendDraft(actors.owner!, { draftId: draft.id, closesAt: "2099-06-01T12:00", note: "Extended at the request of several delegations." });
    const extended = await prisma.draft.findUniqueOrThrow({ where: { id: draft.id } });
    expect(extended).toMatchObject({ status: "OPEN", extensionNote: "Extended at the request of several delegations." });
    expect(extended.originalClosesAt).toEqual(new Date(now.getTime() + 3_600_000 - (now.getTime() % 60_000)));
    // A second extension is announced from the closing time it replaces, not the first one.
    await extendDraft(actors.owner!, { draftId: draft.id, closesAt: "2099-09-01T12:00", note: "Extended again." });
    const again = await prisma.draft.findUniqueOrThrow({ where: { id: draft.id } });
    expect(again).toMatchObject({ originalClosesAt: new Date("2099-06-01T12:00:00Z"), closesAt: new Date("2099-09-01T12:00:00Z"), extensionNote: "Extended again." });

    // Closing early is not an extension: the planned closing time is kept, the announcement cleared.
    const closingTime = new Date("2099-07-01T00:00:00Z");
    await transitionDraft(actors.owner!, { draftId: draft.id, to: "CLOSED", note: "The mandate ended." }, closingTime);
    expect(await prisma.draft.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "CLOSED",
      closesAt: closingTime,
      originalClosesAt: new Date("2099-09-01T12:00:00Z"),
      extensionNote: null,
    });
    await transitionDraft(actors.owner!, { draftId: draft.id, to: "CLOSED", note: "" }); // a retry is a no-op
    await transitionDraft(actors.owner!, { draftId: draft.id, to: "FINAL", note: "Adopted." });
    await expect(transitionDraft(actors.owner!, { draftId: draft.id, to: "CLOSED", note: "" })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("reading, search and privacy", () => {
  it("hides a private draft from everyone outside the organisation, through every read path", async () => {
    const { reference } = await createDraft(actors.editor!, createInput({ title: "Confidential working text on quasar regulation", body: "# One\n\nQuasar regulation paragraph." }));
    expect(await getDraftForReader(reference, null)).toBeNull();
    expect(await getDraftForReader(reference, actors.outsider!)).toBeNull();
    expect(await getDraftForReader(reference, actors.moderator!)).not.toBeNull();
    expect(await apiGetDraft(reference, actors.stakeholder!)).toBeNull();
    const listed = await apiListDrafts(ZDraftListQuery.parse({ q: "quasar" }));
    expect(listed.data.map((d) => d.reference)).not.toContain(reference);
  });

  it("finds public drafts by words in the body, ranked and highlighted", async () => {
    const { reference } = await createDraft(actors.editor!, createInput({ title: "Satellite broadband licensing", body: "# Licensing\n\nSpectrum for low-orbit satellites should be assigned transparently." }));
    const draft = await prisma.draft.findUniqueOrThrow({ where: { reference } });
    await openDraft(actors.editor!, ZOpenDraftInput.parse({ draftId: draft.id, closesAt: "2099-01-01T12:00", timeZone: "UTC" }));
    const found = await listDrafts(ZDraftListQuery.parse({ q: "spectrum satellites" }));
    expect(found.items[0]?.reference).toBe(reference);
    expect(found.items[0]?.snippet).toContain("\u0002");
    const filtered = await listDrafts(ZDraftListQuery.parse({ q: "spectrum", organisation: "other-body" }));
    expect(filtered.total).toBe(0);
  });
});
