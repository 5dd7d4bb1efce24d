import { parse } from "csv-parse/sync";

/** A Pol.is export, as read from comments.csv and votes.csv (and participants-votes.csv if present). */
export interface PolisExport {
  comments: { id: string; authorId: string; text: string; createdAt: Date; moderated: number }[];
  /** Latest vote per participant and comment: 1 agree, -1 disagree, 0 pass. */
  votes: { participantId: string; commentId: string; value: number; createdAt: Date }[];
  /** Opinion group Pol.is assigned, by participant id (from participants-votes.csv). */
  polisGroups: Map<string, string>;
  /** Participants in order of their first vote (time-ordered stream): Pol.is's row order. */
  participantOrder: string[];
}

type Row = Record<string, string>;

function rows(csv: string): Row[] {
  return parse(csv, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as Row[];
}

function time(row: Row): Date {
  const ms = Number(row.timestamp);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms < 1e11 ? ms * 1000 : ms) : new Date(0);
}

export class PolisFormatError extends Error {}

/** Parses a Pol.is export (csv-parse handles quoting, embedded newlines and the BOM). */
export function parsePolisExport(commentsCsv: string, votesCsv: string, participantsCsv?: string): PolisExport {
  const commentRows = rows(commentsCsv);
  if (commentRows.length && !("comment-id" in commentRows[0]! && "comment-body" in commentRows[0]!)) {
    throw new PolisFormatError("comments.csv needs comment-id and comment-body columns");
  }
  const comments = commentRows.map((r) => ({
    id: r["comment-id"]!,
    authorId: r["author-id"] ?? "",
    text: r["comment-body"] ?? "",
    createdAt: time(r),
    moderated: Number(r.moderated ?? 0),
  }));
  const voteRows = rows(votesCsv);
  if (voteRows.length && !("voter-id" in voteRows[0]! && "comment-id" in voteRows[0]! && "vote" in voteRows[0]!)) {
    throw new PolisFormatError("votes.csv needs comment-id, voter-id and vote columns");
  }
  const latest = new Map<string, PolisExport["votes"][number]>();
  const stream = voteRows
    .map((r, i) => ({ vote: { participantId: r["voter-id"]!, commentId: r["comment-id"]!, value: Math.sign(Number(r.vote)), createdAt: time(r) }, i }))
    .sort((a, b) => a.vote.createdAt.getTime() - b.vote.createdAt.getTime() || a.i - b.i);
  const participantOrder = [...new Set(stream.map((s) => s.vote.participantId))];
  for (const { vote } of stream) {
    if (!Number.isFinite(vote.value)) continue;
    const key = `${vote.participantId}/${vote.commentId}`;
    const before = latest.get(key);
    if (!before || before.createdAt <= vote.createdAt) latest.set(key, vote);
  }
  const polisGroups = new Map<string, string>();
  if (participantsCsv) {
    for (const r of rows(participantsCsv)) if (r["group-id"] !== undefined && r["group-id"] !== "") polisGroups.set(r.participant!, r["group-id"]);
  }
  return { comments, votes: [...latest.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()), polisGroups, participantOrder };
}
