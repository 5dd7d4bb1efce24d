import "server-only";
import { createHmac } from "node:crypto";
import type { Actor } from "@/lib/authz/permissions";
import { csvChunk, type CsvCell } from "@/lib/csv/write-csv";
import { prisma } from "@/lib/db/client";
import { getDraftForReader } from "@/lib/drafts/get-draft";
import { env } from "@/lib/env";
import { licenceUrls } from "./schemas";

/**
 * Open data: a consultation's published comments, replies, vote totals and positions, for anyone,
 * once the consultation has closed (CLOSED or FINAL) or earlier when the organisation opened it
 * (Draft.openData). Files:
 * - /drafts/{ref}/comments.csv: one row per comment or reply, UTF-8 with BOM; the licence is the
 *   first column (`licence`, an SPDX id, the same on every row) and `licence_url` the second;
 * - /drafts/{ref}/comments.json: `{ licence, licenceUrl, draft, positions, comments: [...] }`;
 * - /drafts/{ref}/polis/comments.csv and /drafts/{ref}/polis/votes.csv: the Pol.is export format
 *   (integer comment ids in order of writing, integer participant ids), readable by Pol.is tools
 *   and by Parley's own Pol.is import.
 * Privacy: nobody is identified by account. A comment author is a pseudonym stable per draft
 * (keyed hash of draft, account and whether the comment was anonymous, so an anonymous comment is
 * never linked to the same person's signed ones); a name, country and affiliation appear only on
 * comments their author signed (not anonymous), as on the discussion pages. Voters (Pol.is votes)
 * are pseudonyms from a separate key, so a signed comment does not reveal how its author voted.
 * Hidden comments keep their place with the text "Removed by the moderator: <public reason>".
 * Withdrawn and pending comments are left out. Everything is read in pages of `batchSize` rows.
 */

export type OpenDataDraft = { id: string; reference: string; title: string; status: string; licence: string; licenceUrl: string | null; closed: boolean; openData: boolean };

const batchSize = 500;

/**
 * The draft's open data as `actor` may download it, or null (unknown, private, never published, or
 * neither closed nor opened by its organisation: the routes answer 404).
 */
export async function openDataDraft(reference: string, actor: Actor | null): Promise<OpenDataDraft | null> {
  const readable = await getDraftForReader(reference, actor);
  if (!readable || readable.currentVersion === null) return null;
  const draft = await prisma.draft.findUnique({
    where: { id: readable.id },
    select: { id: true, reference: true, title: true, status: true, openData: true, dataLicence: true, organisation: { select: { dataLicence: true } } },
  });
  if (!draft) return null;
  const closed = draft.status === "CLOSED" || draft.status === "FINAL";
  if (!closed && !draft.openData) return null;
  const licence = draft.dataLicence ?? draft.organisation.dataLicence;
  return { id: draft.id, reference: draft.reference, title: draft.title, status: draft.status, licence, licenceUrl: licenceUrls[licence as keyof typeof licenceUrls] ?? null, closed, openData: draft.openData };
}

/** Whether the draft's open data can be downloaded (for links on the draft and summary pages). */
export async function openDataAvailable(draftId: string): Promise<{ licence: string; licenceUrl: string | null } | null> {
  const draft = await prisma.draft.findUnique({ where: { id: draftId }, select: { status: true, openData: true, currentVersion: true, dataLicence: true, organisation: { select: { dataLicence: true } } } });
  if (!draft || draft.currentVersion === null || !(draft.openData || draft.status === "CLOSED" || draft.status === "FINAL")) return null;
  const licence = draft.dataLicence ?? draft.organisation.dataLicence;
  return { licence, licenceUrl: licenceUrls[licence as keyof typeof licenceUrls] ?? null };
}

function keyed(label: string): string {
  return createHmac("sha256", env.NEXTAUTH_SECRET ?? "parley-development-secret").update(label).digest("base64url");
}

/** A comment author's pseudonym in this draft's open data: "p-" and 16 characters. */
export function authorPseudonym(draftId: string, userId: string, anonymous: boolean): string {
  return `p-${keyed(`open-data:author:${draftId}:${userId}:${anonymous ? "anonymous" : "signed"}`).slice(0, 16)}`;
}

/** A Pol.is participant id (an integer below 2^48) for an author persona or a voter of the draft. */
export function polisParticipant(draftId: string, role: "author" | "voter", userId: string, anonymous = false): number {
  const digest = createHmac("sha256", env.NEXTAUTH_SECRET ?? "parley-development-secret").update(`open-data:polis:${role}:${draftId}:${userId}:${anonymous}`).digest();
  return digest.readUIntBE(0, 6);
}

export const removedText = (reason: string | null) => `Removed by the moderator: ${reason ?? ""}`.trim();

type ExportRow = {
  id: string;
  parentId: string | null;
  anchor: string | null;
  quote: string | null;
  versionNumber: number;
  kind: string | null;
  status: "PUBLISHED" | "HIDDEN";
  body: string;
  proposedText: string | null;
  official: boolean;
  anonymous: boolean;
  moderationNote: string | null;
  authorId: string;
  name: string | null;
  group: string | null;
  country: string | null;
  affiliation: string | null;
  agree: number;
  disagree: number;
  pass: number;
  replyCount: number;
  createdAt: Date;
  editedAt: Date | null;
};

/** Every published or hidden comment and reply of the draft, oldest first, `batchSize` at a time (keyset on createdAt, id). */
async function* commentBatches(draftId: string): AsyncGenerator<ExportRow[]> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const cursor: { createdAt: Date; id: string } | null = after;
    const rows: ExportRow[] = await prisma.$queryRaw<ExportRow[]>`
      SELECT c.id, c."parentId", c.anchor, c.quote, c."versionNumber", c.kind::text AS kind, c.status::text AS status, c.body, c."proposedText",
             c.official, c.anonymous, c."moderationNote", c."authorId", u.name, u."stakeholderGroup"::text AS "group", u.country, u.affiliation,
             c."agreeCount" AS agree, c."disagreeCount" AS disagree, c."passCount" AS pass, c."replyCount", c."createdAt", c."editedAt"
      FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
      WHERE c."draftId" = ${draftId} AND c.status IN ('PUBLISHED', 'HIDDEN')
        AND (${cursor === null} OR (c."createdAt", c.id) > (${cursor?.createdAt ?? new Date(0)}, ${cursor?.id ?? ""}))
      ORDER BY c."createdAt", c.id LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    const last: ExportRow = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** One comment as open data (the JSON object; the CSV row has the same fields in this order). */
export function openComment(draftId: string, r: ExportRow) {
  const signed = !r.anonymous;
  const removed = r.status === "HIDDEN";
  return {
    id: r.id,
    parentId: r.parentId,
    paragraph: r.anchor,
    quote: removed ? null : r.quote,
    version: r.versionNumber,
    kind: r.kind,
    status: removed ? ("removed" as const) : ("published" as const),
    text: removed ? removedText(r.moderationNote) : r.body,
    proposedText: removed ? null : r.proposedText,
    official: r.official,
    author: authorPseudonym(draftId, r.authorId, r.anonymous),
    authorName: signed ? r.name : null,
    stakeholderGroup: r.group,
    country: signed ? r.country : null,
    affiliation: signed ? r.affiliation : null,
    votes: { agree: r.agree, disagree: r.disagree, pass: r.pass },
    replyCount: r.replyCount,
    createdAt: r.createdAt.toISOString(),
    editedAt: r.editedAt?.toISOString() ?? null,
  };
}

export const openDataCsvHeader = [
  "licence", "licence_url", "comment_id", "parent_id", "paragraph", "quote", "version", "kind", "status", "text", "proposed_text", "official",
  "author", "author_name", "stakeholder_group", "country", "affiliation", "agree", "disagree", "pass", "reply_count", "created_at", "edited_at",
] as const;

/** Position totals per section ("" for the whole draft) and value: the counts, never who. */
async function positionTotals(draftId: string) {
  return prisma.$queryRaw<{ section: string; value: string; count: number }[]>`
    SELECT section, value::text AS value, count(*)::int AS count FROM "Position" WHERE "draftId" = ${draftId} GROUP BY section, value ORDER BY section, value`;
}

const encoder = new TextEncoder();

function streamOf(chunks: () => AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const iterator = chunks();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}

/** comments.csv as a stream (header row first, with the BOM). */
export function openDataCsv(draft: OpenDataDraft): ReadableStream<Uint8Array> {
  return streamOf(async function* () {
    yield csvChunk([openDataCsvHeader], { first: true });
    for await (const batch of commentBatches(draft.id)) {
      yield csvChunk(
        batch.map((r): CsvCell[] => {
          const c = openComment(draft.id, r);
          return [draft.licence, draft.licenceUrl, c.id, c.parentId, c.paragraph, c.quote, c.version, c.kind, c.status, c.text, c.proposedText, c.official, c.author, c.authorName, c.stakeholderGroup, c.country, c.affiliation, c.votes.agree, c.votes.disagree, c.votes.pass, c.replyCount, c.createdAt, c.editedAt];
        }),
        { first: false },
      );
    }
  });
}

/** comments.json as a stream: the header fields and positions, then the comments one batch at a time. */
export function openDataJson(draft: OpenDataDraft): ReadableStream<Uint8Array> {
  return streamOf(async function* () {
    const positions = await positionTotals(draft.id);
    const head = {
      licence: draft.licence,
      licenceUrl: draft.licenceUrl,
      draft: { reference: draft.reference, title: draft.title, status: draft.status },
      generatedAt: new Date().toISOString(),
      positions,
    };
    yield `${JSON.stringify(head).slice(0, -1)},"comments":[`;
    let first = true;
    for await (const batch of commentBatches(draft.id)) {
      yield batch.map((r) => `${first ? ((first = false), "") : ","}\n${JSON.stringify(openComment(draft.id, r))}`).join("");
    }
    yield "\n]}\n";
  });
}

export const polisFiles = ["comments.csv", "votes.csv"] as const;

/**
 * The Pol.is export files as streams. comments.csv: timestamp (ms), datetime, comment-id (the
 * comment's number in order of writing, from 0), author-id, agrees, disagrees, moderated (1, or -1
 * for a removed comment, whose text is the removal notice), comment-body. votes.csv: timestamp,
 * datetime, comment-id, voter-id, vote (1 agree, -1 disagree, 0 pass). Top-level comments only, as
 * in Pol.is (replies have no place there).
 */
export function openDataPolis(draft: OpenDataDraft, file: (typeof polisFiles)[number]): ReadableStream<Uint8Array> {
  const datetime = (d: Date) => d.toUTCString();
  if (file === "comments.csv") {
    return streamOf(async function* () {
      yield csvChunk([["timestamp", "datetime", "comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"]], { first: true });
      let n = 0;
      for await (const batch of commentBatches(draft.id)) {
        const top = batch.filter((r) => r.parentId === null);
        yield csvChunk(
          top.map((r) => [r.createdAt.getTime(), datetime(r.createdAt), n++, polisParticipant(draft.id, "author", r.authorId, r.anonymous), r.agree, r.disagree, r.status === "HIDDEN" ? -1 : 1, r.status === "HIDDEN" ? removedText(r.moderationNote) : r.body]),
          { first: false },
        );
      }
    });
  }
  return streamOf(async function* () {
    yield csvChunk([["timestamp", "datetime", "comment-id", "voter-id", "vote"]], { first: true });
    let after: { at: Date; commentNo: number; userId: string } | null = null;
    for (;;) {
      const cursor: { at: Date; commentNo: number; userId: string } | null = after;
      // The comment's Pol.is number is its rank among the draft's exported top-level comments.
      const rows: { at: Date; commentNo: number; userId: string; value: string }[] = await prisma.$queryRaw`
        WITH numbered AS (
          SELECT id, (row_number() OVER (ORDER BY "createdAt", id) - 1)::int AS n FROM "Comment"
          WHERE "draftId" = ${draft.id} AND "parentId" IS NULL AND status IN ('PUBLISHED', 'HIDDEN'))
        SELECT v."updatedAt" AS at, numbered.n AS "commentNo", v."userId", v.value::text AS value
        FROM "CommentVote" v JOIN numbered ON numbered.id = v."commentId"
        WHERE (${cursor === null} OR (v."updatedAt", numbered.n, v."userId") > (${cursor?.at ?? new Date(0)}, ${cursor?.commentNo ?? 0}, ${cursor?.userId ?? ""}))
        ORDER BY v."updatedAt", numbered.n, v."userId" LIMIT ${batchSize * 4}`;
      if (rows.length === 0) return;
      yield csvChunk(
        rows.map((v) => [v.at.getTime(), datetime(v.at), v.commentNo, polisParticipant(draft.id, "voter", v.userId), v.value === "AGREE" ? 1 : v.value === "DISAGREE" ? -1 : 0]),
        { first: false },
      );
      if (rows.length < batchSize * 4) return;
      const last = rows[rows.length - 1]!;
      after = { at: last.at, commentNo: last.commentNo, userId: last.userId };
    }
  });
}

export type OpenDataFormat = "comments.csv" | "comments.json" | `polis/${(typeof polisFiles)[number]}`;

/**
 * The download response of one open-data file (streamed; `content-disposition: attachment`), or
 * null when the draft's open data is not available to `actor` (the caller answers 404).
 */
export async function openDataResponse(reference: string, actor: Actor | null, format: OpenDataFormat): Promise<Response | null> {
  const draft = await openDataDraft(reference, actor);
  if (!draft) return null;
  const csv = format.endsWith(".csv");
  const body = format === "comments.csv" ? openDataCsv(draft) : format === "comments.json" ? openDataJson(draft) : openDataPolis(draft, format.slice("polis/".length) as (typeof polisFiles)[number]);
  const name = `${draft.reference}-${format.replace("/", "-")}`;
  return new Response(body, {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      // The licence, machine-readable for HTTP clients too (RFC 8288 link relation "license").
      ...(draft.licenceUrl ? { link: `<${draft.licenceUrl}>; rel="license"` } : {}),
      "cache-control": "no-store",
    },
  });
}

/** The open-data setting as the management page shows it (the caller has checked the editor's rights). */
export async function openDataSetting(draftId: string) {
  const draft = await prisma.draft.findUnique({ where: { id: draftId }, select: { id: true, status: true, openData: true, dataLicence: true, organisation: { select: { dataLicence: true } } } });
  if (!draft) return null;
  return { id: draft.id, openData: draft.openData, dataLicence: draft.dataLicence, closed: draft.status === "CLOSED" || draft.status === "FINAL", organisationLicence: draft.organisation.dataLicence };
}
