/** Shapes shared by the draft text model: parse.ts → anchors.ts → diff.ts. */

export type ParagraphKind = "heading" | "paragraph" | "list" | "quote" | "code" | "table";

export type ParsedBlock = {
  kind: ParagraphKind;
  /** Section the block belongs to ("3", "3.1"; "0" for text before the first heading). */
  section: string;
  /** Headings: the section number ("3.1"); other blocks: "<section>.<n>" counting from 1 per section. */
  number: string;
  /** Heading level in the section hierarchy (the shallowest heading depth used counts as 1); 0 for other blocks. */
  level: number;
  /** Plain text, trimmed (headings: without a number the author typed, e.g. "3. Scope" → "Scope"). */
  text: string;
  /** The block's own Markdown source. */
  markdown: string;
  /** Sanitised HTML of the block alone. */
  html: string;
  /** Hex SHA-256 of the normalised text (whitespace collapsed, lowercased). */
  hash: string;
};

export type Section = { number: string; title: string; level: number; anchor: string };
export type ParsedDocument = { blocks: ParsedBlock[]; sections: Section[]; wordCount: number };

export type AnchoredBlock = ParsedBlock & { anchor: string };

/** A block of the previous version, as stored (DraftBlock). */
export type PreviousBlock = { anchor: string; hash: string; text: string; kind: ParagraphKind };

/** A block as the diff needs it; `number` ("4.3.1") lets a move say where from and where to. */
export type ComparableBlock = { anchor: string; text: string; kind: ParagraphKind; number?: string };

export type WordChange = { type: "same" | "added" | "removed"; text: string };

/**
 * One entry of a version comparison, in the newer version's reading order. `kind` is the block's
 * kind in the newer version (the older one for "removed"), so a list stays a list and a heading a
 * heading. "moved": the block stands elsewhere relative to the blocks around it (its number may
 * have changed); `words` carries any edit made at the same time (all "same" when none).
 */
export type BlockDiff =
  | { type: "same"; kind: ParagraphKind; fromAnchor: string; toAnchor: string; from: string; to: string }
  | { type: "changed"; kind: ParagraphKind; fromAnchor: string; toAnchor: string; words: WordChange[] }
  | { type: "moved"; kind: ParagraphKind; fromAnchor: string; toAnchor: string; fromNumber: string | null; toNumber: string | null; words: WordChange[] }
  | { type: "added"; kind: ParagraphKind; toAnchor: string; text: string }
  | { type: "removed"; kind: ParagraphKind; fromAnchor: string; text: string };

/** A block as the reading view and the editor's preview render it. */
export type PreviewBlock = { anchor: string; number: string; kind: string; level: number; html: string };
