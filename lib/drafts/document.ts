/**
 * The text model of a draft: splits a Markdown body into numbered blocks (headings, paragraphs,
 * lists, quotes, code, tables) with sanitised HTML, carries paragraph anchors over from one version
 * to the next, and compares two versions block by block with word-level changes.
 *
 * Pure and synchronous, with no Node-only imports: used at publish time on the server and by the
 * editor's live preview on the client.
 */
import { diffArrays, diffWordsWithSpace } from "diff";
import type { Element, ElementContent, Root as HastRoot, RootContent as HastRootContent } from "hast";
import { sanitize, defaultSchema } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import type { Definition, FootnoteDefinition, Heading, Nodes as MdastNodes, PhrasingContent, Root, RootContent, Text } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toHast } from "mdast-util-to-hast";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";

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

export type WordChange = { type: "same" | "added" | "removed"; text: string };

export type BlockDiff =
  | { type: "same"; fromAnchor: string; toAnchor: string; from: string; to: string }
  | { type: "changed"; fromAnchor: string; toAnchor: string; words: WordChange[] }
  | { type: "added"; toAnchor: string; text: string }
  | { type: "removed"; fromAnchor: string; text: string };

type PreviousBlock = { anchor: string; hash: string; text: string; kind: ParagraphKind };
type ComparableBlock = { anchor: string; text: string; kind: ParagraphKind };

/** Minimum similarity for a block to count as "lightly edited" and keep its anchor. */
const LIGHT_EDIT_THRESHOLD = 0.5;
/** Leading section number typed by the author: "3. ", "3.1 ", "3.1. ". */
const TYPED_NUMBER = /^\d+(\.\d+)*\.?\s+/;

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

const KIND_OF: Partial<Record<RootContent["type"], ParagraphKind>> = {
  heading: "heading",
  paragraph: "paragraph",
  list: "list",
  blockquote: "quote",
  code: "code",
  table: "table",
  // A footnote's text is content too; it reads as a paragraph of its section.
  footnoteDefinition: "paragraph",
};

/** Splits a draft's Markdown into numbered blocks with sanitised HTML, plus its table of contents. */
export function parseDraftMarkdown(markdown: string): ParsedDocument {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const definitions = tree.children.filter((n): n is Definition => n.type === "definition");

  const headingDepths = tree.children.flatMap((n) => (n.type === "heading" ? [n.depth] : []));
  const minDepth = headingDepths.length ? Math.min(...headingDepths) : 1;

  const blocks: ParsedBlock[] = [];
  const sections: Section[] = [];
  const counters: number[] = [];
  let section = "0";
  let paragraphInSection = 0;
  let wordCount = 0;

  for (const node of tree.children) {
    const kind = KIND_OF[node.type];
    if (!kind) continue;
    const source = sliceSource(markdown, node);

    if (node.type === "heading") {
      // A heading may go at most one level deeper than the current one, so "#" then "###" gives
      // "1" then "1.1" rather than "1.0.1".
      const level = Math.min(node.depth - minDepth + 1, counters.length + 1);
      counters.length = level;
      counters[level - 1] = (counters[level - 1] ?? 0) + 1;
      section = counters.map((c) => c ?? 0).join(".");
      paragraphInSection = 0;
      const heading = stripTypedNumber(node);
      const title = collapse(plainText(heading));
      sections.push({ number: section, title, level, anchor: `s-${section}` });
      wordCount += countWords(title);
      blocks.push({ kind, section, number: section, level, text: title, markdown: source, html: renderHtml(heading, definitions), hash: hashText(title) });
      continue;
    }

    paragraphInSection++;
    const raw = plainText(node.type === "footnoteDefinition" ? labelFootnote(node) : node).trim();
    // Runs of spaces left where inline HTML was dropped are noise; code keeps its exact text.
    const text = node.type === "code" ? raw : raw.replace(/[ \t]+/g, " ");
    wordCount += countWords(text);
    blocks.push({
      kind,
      section,
      number: `${section}.${paragraphInSection}`,
      level: 0,
      text,
      markdown: source,
      html: renderHtml(node.type === "footnoteDefinition" ? labelFootnote(node) : node, definitions),
      hash: hashText(text),
    });
  }

  return { blocks, sections, wordCount };
}

/** A footnote as its own text, led by its label: "[1] The footnote." */
function labelFootnote(node: FootnoteDefinition): Root {
  const label: Text = { type: "text", value: `[${node.label ?? node.identifier}] ` };
  const [first, ...rest] = node.children;
  if (first?.type === "paragraph") return { type: "root", children: [{ ...first, children: [label, ...first.children] }, ...rest] };
  return { type: "root", children: [{ type: "paragraph", children: [label] }, ...node.children] };
}

function sliceSource(markdown: string, node: RootContent): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : markdown.slice(start, end);
}

/** "3. Scope" → "Scope" (the reading view prints its own section number). */
function stripTypedNumber(heading: Heading): Heading {
  const [first, ...rest] = heading.children;
  if (!first || first.type !== "text") return heading;
  const stripped = first.value.replace(TYPED_NUMBER, "");
  if (stripped === first.value || (!stripped.trim() && rest.length === 0)) return heading;
  const children: PhrasingContent[] = stripped ? [{ ...first, value: stripped }, ...rest] : rest;
  return { ...heading, children };
}

/**
 * Plain text of a block. Phrasing content goes through mdast-util-to-string (without raw HTML);
 * list items, quoted paragraphs and table rows are kept apart by line breaks and cells by a space,
 * where mdast-util-to-string would run their words together.
 */
function plainText(node: MdastNodes): string {
  switch (node.type) {
    case "root":
    case "list":
    case "listItem":
    case "blockquote":
    case "table":
    case "footnoteDefinition":
      return joinParts(node.children.map(plainText), "\n");
    case "tableRow":
      return joinParts(node.children.map(plainText), " ");
    case "paragraph":
    case "heading":
    case "tableCell":
      return node.children.map((child) => (child.type === "break" ? "\n" : toString(child, { includeHtml: false }))).join("");
    case "code":
      return node.value;
    default:
      return toString(node, { includeHtml: false });
  }
}

function joinParts(parts: string[], separator: string): string {
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(separator);
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

const LINK_REL = ["nofollow", "noopener", "noreferrer"];

/**
 * HTML of one block. Raw HTML in the Markdown is dropped (no `allowDangerousHtml`), the result is
 * sanitised with the GitHub-style default schema (which also drops `javascript:` URLs), and links
 * get rel="nofollow noopener noreferrer". Link reference definitions from anywhere in the document
 * are passed along so `[text][ref]` links resolve.
 */
function renderHtml(node: RootContent | Root, definitions: Definition[]): string {
  const children = node.type === "root" ? node.children : [node];
  const mdast: Root = { type: "root", children: definitions.length ? [...definitions, ...children] : children };
  const hast = sanitize(toHast(mdast), defaultSchema);
  const root: HastRoot = hast.type === "root" ? hast : { type: "root", children: isRootContent(hast) ? [hast] : [] };
  addLinkRel(root);
  return toHtml(root).trim();
}

function isRootContent(node: { type: string }): node is HastRootContent {
  return node.type !== "root";
}

function addLinkRel(node: HastRoot | Element): void {
  for (const child of node.children as Array<ElementContent | HastRootContent>) {
    if (child.type !== "element") continue;
    if (child.tagName === "a") child.properties = { ...child.properties, rel: [...LINK_REL] };
    addLinkRel(child);
  }
}

// ---------------------------------------------------------------------------------------------
// Hashing and similarity
// ---------------------------------------------------------------------------------------------

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function normalise(text: string): string {
  return collapse(text).toLowerCase();
}

function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}

function hashText(text: string): string {
  return sha256Hex(normalise(text));
}

const SHA256_K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * SHA-256 of the UTF-8 bytes of `text`, as lowercase hex. A small synchronous implementation:
 * node:crypto is unavailable in the browser and SubtleCrypto is asynchronous.
 */
function sha256Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);

  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const w15 = w[i - 15]!;
      const w2 = w[i - 2]!;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let a = h[0]!;
    let b = h[1]!;
    let c = h[2]!;
    let d = h[3]!;
    let e = h[4]!;
    let f = h[5]!;
    let g = h[6]!;
    let hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + s1 + ch + SHA256_K[i]! + w[i]!) >>> 0;
      const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (s0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = h[0]! + a;
    h[1] = h[1]! + b;
    h[2] = h[2]! + c;
    h[3] = h[3]! + d;
    h[4] = h[4]! + e;
    h[5] = h[5]! + f;
    h[6] = h[6]! + g;
    h[7] = h[7]! + hh;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, "0")).join("");
}

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

/** Lowercased words (letters and digits), punctuation ignored. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

type Bag = { counts: Map<string, number>; size: number };

function bagOf(text: string): Bag {
  const list = words(text);
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { counts, size: list.length };
}

function bagSimilarity(a: Bag, b: Bag): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let common = 0;
  for (const [word, count] of small.counts) common += Math.min(count, large.counts.get(word) ?? 0);
  return (2 * common) / (a.size + b.size);
}

/**
 * Word-level similarity from 0 (nothing in common) to 1 (same words): the Dice coefficient of the
 * two texts' word multisets, 2·|common words| / (|words of a| + |words of b|). Case and
 * punctuation are ignored; two empty texts are identical.
 */
export function similarity(a: string, b: string): number {
  return bagSimilarity(bagOf(a), bagOf(b));
}

// ---------------------------------------------------------------------------------------------
// Anchors
// ---------------------------------------------------------------------------------------------

function baseAnchor(block: Pick<ParsedBlock, "kind" | "number">): string {
  return `${block.kind === "heading" ? "s" : "p"}-${block.number}`;
}

/**
 * Assigns stable anchors. With no previous version a block's anchor is "p-" + its number
 * (headings "s-" + number). With a previous version, a block that is unchanged or lightly edited
 * (same kind, similarity ≥ 0.5) keeps the anchor of the previous block it came from: blocks are
 * first aligned by hash (longest common subsequence), then the remaining blocks between two
 * aligned pairs are paired greedily by highest similarity without crossing. Each previous anchor is
 * used at most once. Other blocks get "p-" + number, or "p-<number>-<k>" (k = 2, 3, …) when that
 * anchor is already taken in this version or belonged to a different block of the previous one, so
 * comments on a removed or rewritten paragraph never attach to unrelated text.
 */
export function assignAnchors(blocks: ParsedBlock[], previous?: ReadonlyArray<PreviousBlock>): AnchoredBlock[] {
  const kept: Array<string | undefined> = previous?.length ? matchPrevious(blocks, previous) : [];
  const taken = new Set<string>(previous?.map((p) => p.anchor));
  for (const anchor of kept) if (anchor) taken.add(anchor);

  return blocks.map((block, i) => {
    let anchor = kept[i];
    if (!anchor) {
      const base = baseAnchor(block);
      anchor = base;
      for (let k = 2; taken.has(anchor); k++) anchor = `${base}-${k}`;
      taken.add(anchor);
    }
    return { ...block, anchor };
  });
}

/** For each block, the anchor of the previous block it continues (or undefined). */
function matchPrevious(blocks: ParsedBlock[], previous: ReadonlyArray<PreviousBlock>): Array<string | undefined> {
  const result: Array<string | undefined> = new Array<string | undefined>(blocks.length).fill(undefined);
  const key = (b: { kind: ParagraphKind; hash: string }) => `${b.kind}\u0000${b.hash}`;
  const changes = diffArrays(previous.map(key), blocks.map(key));

  let p = 0;
  let c = 0;
  let gapPrev: number[] = [];
  let gapCur: number[] = [];
  const flushGap = () => {
    if (gapPrev.length && gapCur.length) {
      for (const [pi, ci] of matchGap(gapPrev, gapCur, previous, blocks)) result[ci] = previous[pi]!.anchor;
    }
    gapPrev = [];
    gapCur = [];
  };

  for (const change of changes) {
    const count = change.value.length;
    if (change.added) {
      for (let k = 0; k < count; k++) gapCur.push(c++);
    } else if (change.removed) {
      for (let k = 0; k < count; k++) gapPrev.push(p++);
    } else {
      flushGap();
      for (let k = 0; k < count; k++) result[c++] = previous[p++]!.anchor;
    }
  }
  flushGap();
  return result;
}

/** Above this many candidate pairs in one gap, only pairs near the gap's diagonal are compared. */
const FULL_GAP_PAIRS = 40_000;
const GAP_BAND = 100;

/**
 * Pairs blocks of one gap (previous blocks `gapPrev`, new blocks `gapCur`, both in order) by
 * highest similarity ≥ 0.5 and same kind, keeping the order of both sides (no crossing pairs).
 */
function matchGap(
  gapPrev: number[],
  gapCur: number[],
  previous: ReadonlyArray<PreviousBlock>,
  blocks: ParsedBlock[],
): Array<[number, number]> {
  const prevBags = gapPrev.map((i) => bagOf(previous[i]!.text));
  const curBags = gapCur.map((i) => bagOf(blocks[i]!.text));
  const full = gapPrev.length * gapCur.length <= FULL_GAP_PAIRS;
  const candidates: Array<{ a: number; b: number; score: number }> = [];

  for (let b = 0; b < gapCur.length; b++) {
    const cur = blocks[gapCur[b]!]!;
    const curBag = curBags[b]!;
    let from = 0;
    let to = gapPrev.length - 1;
    if (!full) {
      const centre = Math.round((b * gapPrev.length) / gapCur.length);
      from = Math.max(0, centre - GAP_BAND);
      to = Math.min(gapPrev.length - 1, centre + GAP_BAND);
    }
    for (let a = from; a <= to; a++) {
      if (previous[gapPrev[a]!]!.kind !== cur.kind) continue;
      const prevBag = prevBags[a]!;
      // Upper bound of the Dice coefficient: skip pairs whose lengths alone rule them out.
      if (prevBag.size + curBag.size > 0 && (2 * Math.min(prevBag.size, curBag.size)) / (prevBag.size + curBag.size) < LIGHT_EDIT_THRESHOLD) continue;
      const score = bagSimilarity(prevBag, curBag);
      if (score >= LIGHT_EDIT_THRESHOLD) candidates.push({ a, b, score });
    }
  }
  // Best first; ties go to the pair closest to the diagonal, then to the earliest.
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.a - x.b) - Math.abs(y.a - y.b) || x.b - y.b);

  const curOfPrev = new Array<number>(gapPrev.length).fill(-1);
  const usedCur = new Uint8Array(gapCur.length);
  const pairs: Array<[number, number]> = [];
  for (const { a, b } of candidates) {
    if (curOfPrev[a]! >= 0 || usedCur[b]) continue;
    if (!fitsOrder(curOfPrev, a, b)) continue;
    curOfPrev[a] = b;
    usedCur[b] = 1;
    pairs.push([gapPrev[a]!, gapCur[b]!]);
  }
  return pairs;
}

/** Whether pairing previous block `a` with new block `b` keeps the existing pairs in order. */
function fitsOrder(curOfPrev: number[], a: number, b: number): boolean {
  for (let i = a - 1; i >= 0; i--) {
    const matched = curOfPrev[i]!;
    if (matched >= 0) {
      if (matched >= b) return false;
      break;
    }
  }
  for (let i = a + 1; i < curOfPrev.length; i++) {
    const matched = curOfPrev[i]!;
    if (matched >= 0) return matched > b;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Comparing versions
// ---------------------------------------------------------------------------------------------

/**
 * Compares two anchored versions block by block. Blocks are aligned by anchor and listed in the
 * newer version's order; a removed block appears where it stood in the older version (after the
 * blocks that preceded it). Blocks whose text differs carry word-level changes.
 */
export function diffVersions(from: ReadonlyArray<ComparableBlock>, to: ReadonlyArray<ComparableBlock>): BlockDiff[] {
  const fromIndex = new Map<string, number>();
  from.forEach((b, i) => fromIndex.set(b.anchor, i));
  const toAnchors = new Set(to.map((b) => b.anchor));
  const result: BlockDiff[] = [];

  let next = 0; // first older block not yet placed
  const placeRemovedBefore = (end: number) => {
    for (; next < end; next++) {
      const old = from[next]!;
      if (!toAnchors.has(old.anchor)) result.push({ type: "removed", fromAnchor: old.anchor, text: old.text });
    }
  };

  for (const block of to) {
    const i = fromIndex.get(block.anchor);
    if (i === undefined) {
      result.push({ type: "added", toAnchor: block.anchor, text: block.text });
      continue;
    }
    placeRemovedBefore(i);
    next = Math.max(next, i + 1);
    const old = from[i]!;
    if (old.text === block.text && old.kind === block.kind) {
      result.push({ type: "same", fromAnchor: old.anchor, toAnchor: block.anchor, from: old.text, to: block.text });
    } else {
      result.push({ type: "changed", fromAnchor: old.anchor, toAnchor: block.anchor, words: diffWords(old.text, block.text) });
    }
  }
  placeRemovedBefore(from.length);
  return result;
}

/** Most word tokens one block diff may change before it is shown as a whole replacement. */
const MAX_WORD_EDITS = 4_000;

/** Word-level changes from one text to another (whitespace kept, so joining the "same" and "added" parts gives `to`). */
export function diffWords(from: string, to: string): WordChange[] {
  if (from === to) return from ? [{ type: "same", text: from }] : [];
  const changes = diffWordsWithSpace(from, to, { maxEditLength: MAX_WORD_EDITS });
  if (!changes) {
    const whole: WordChange[] = [];
    if (from) whole.push({ type: "removed", text: from });
    if (to) whole.push({ type: "added", text: to });
    return whole;
  }
  const result: WordChange[] = [];
  for (const change of changes) {
    if (!change.value) continue;
    const type: WordChange["type"] = change.added ? "added" : change.removed ? "removed" : "same";
    const last = result[result.length - 1];
    if (last && last.type === type) last.text += change.value;
    else result.push({ type, text: change.value });
  }
  return result;
}
