import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { consultationBase } from "./api-urls";
import { applyScheduledTransitionsThrottled } from "./apply-scheduled-transitions";
import { diffDraftVersions } from "./diff-draft-versions";
import { getDraftForReader, getVersionBlocks, type ReaderDraft } from "./get-draft";
import { listDrafts } from "./list-drafts";
import type { TDraftListQuery } from "./schemas";
import { versionLabel } from "./version-label";

/** Read API use cases: the JSON each /api/v1/drafts route returns, or null for "not found". */
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summary(d: { reference: string; title: string; abstract: string; topics: string[]; language: string; status: string; opensAt: Date | null; closesAt: Date | null; currentVersion: number | null }, organisation: { slug: string; name: string }) {
  return {
    reference: d.reference,
    title: d.title,
    abstract: d.abstract,
    topics: d.topics,
    language: d.language,
    status: d.status,
    opensAt: iso(d.opensAt),
    closesAt: iso(d.closesAt),
    currentVersion: d.currentVersion,
    organisation,
    url: consultationBase(d.reference),
  };
}

export async function apiListDrafts(query: TDraftListQuery) {
  await applyScheduledTransitionsThrottled();
  const result = await listDrafts(query);
  return {
    data: result.items.map((d) => summary(d, { slug: d.organisationSlug, name: d.organisationName })),
    page: result.page,
    pageSize: result.pageSize,
    total: result.total,
    pageCount: result.pageCount,
  };
}

async function versionJson(draft: ReaderDraft, number: number) {
  const version = await getVersionBlocks(draft.id, number);
  if (!version) return null;
  const base = consultationBase(draft.reference);
  const page = number === draft.currentVersion ? base : `${base}/versions/${number}`;
  return {
    number: version.number,
    label: versionLabel(draft.reference, version.number),
    title: version.title,
    abstract: version.abstract,
    changeNote: version.changeNote,
    publishedAt: version.publishedAt.toISOString(),
    wordCount: version.wordCount,
    sections: version.blocks
      .filter((b) => b.kind === "heading")
      .map((b) => ({ anchor: b.anchor, number: b.number, title: b.text.replace(/^\d+(\.\d+)*\.?\s+/, ""), level: b.level })),
    paragraphs: version.blocks.map((b) => ({ ...b, url: `${page}#${b.anchor}` })),
  };
}

export async function apiGetDraft(reference: string, actor: Actor | null) {
  await applyScheduledTransitionsThrottled();
  const draft = await getDraftForReader(reference, actor);
  if (!draft) return null;
  const base = consultationBase(draft.reference);
  return {
    ...summary(draft, draft.organisation),
    authors: draft.authors,
    timeZone: draft.timeZone,
    originalClosesAt: iso(draft.originalClosesAt),
    extensionNote: draft.extensionNote,
    versions: draft.versions.map((v) => ({ number: v.number, changeNote: v.changeNote, publishedAt: v.publishedAt.toISOString(), url: `${base}/versions/${v.number}` })),
    version: draft.currentVersion === null ? null : await versionJson(draft, draft.currentVersion),
  };
}

export async function apiGetDraftVersion(reference: string, number: number, actor: Actor | null) {
  const draft = await getDraftForReader(reference, actor);
  return draft ? versionJson(draft, number) : null;
}

export async function apiDiffDraft(reference: string, from: number, to: number, actor: Actor | null) {
  const draft = await getDraftForReader(reference, actor);
  if (!draft) return null;
  const diff = await diffDraftVersions(draft.id, from, to);
  return diff ? { reference: draft.reference, from, to, changes: diff.blocks } : null;
}
