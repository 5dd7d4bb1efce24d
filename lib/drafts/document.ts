import { diffArrays, diffWordsWithSpace } from "diff";
import type { Element, Root as HastRoot, RootContent as HastContent } from "hast";
import { sanitize, defaultSchema } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import type { Root as MdastRoot, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toHast } from "mdast-util-to-hast";
import { gfm } from "micromark-extension-gfm";

/**
 * A draft's text as numbered blocks. Pure functions (no server-only imports): the editor's preview
 * and publishing use the same parser and sanitiser.
 */
export type ParagraphKind = "heading" | "paragraph" | "list" | "quote" | "code" | "table";
export type ParsedBlock = {
  kind: ParagraphKind;
  section: string;
  number: string;
  level: number;
  text: string;
  markdown: string;
  html: string;
  hash: string;
};
export type Section = { number: string; title: string; level: number; anchor: string };
export type ParsedDocument = { blocks: ParsedBlock[]; sections: Section[]; wordCount: number };

const kinds: Partial<Record<RootContent["type"], ParagraphKind>> = {
  heading: "heading",
  paragraph: "paragraph",
  list: "list",
  blockquote: "quote",
  code: "code",
  table: "table",
};

/** 53-bit string hash (cyrb53): cheap, stable, works in the browser and on the server. */
function hashString(value: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

const blockTypes = new Set(["list", "listItem", "table", "tableRow", "tableCell", "blockquote", "paragraph", "heading", "code"]);

/** Plain text of a block: words of separate list items and table cells stay separate; raw HTML is left out. */
function plainText(node: RootContent | MdastRoot): string {
  if (node.type === "html") return "";
  if ("value" in node) return node.value;
  if (node.type === "break") return " ";
  if (!("children" in node)) return "";
  const sep = blockTypes.has(node.type) && node.type !== "paragraph" && node.type !== "heading" ? " " : "";
  return (node.children as RootContent[]).map(plainText).join(sep);
}

const normalise = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();
const words = (text: string) => text.split(/\s+/).filter(Boolean);

function addLinkRel(node: HastRoot | HastContent): void {
  if (node.type === "element") {
    if (node.tagName === "a") node.properties = { ...node.properties, rel: ["nofollow", "noopener", "noreferrer"] };
    node.children.forEach(addLinkRel);
  } else if (node.type === "root") node.children.forEach(addLinkRel);
}

function renderBlock(node: RootContent): string {
  // Without allowDangerousHtml, raw HTML nodes are dropped; sanitising removes anything else unsafe.
  const hast = toHast({ type: "root", children: [node] } as MdastRoot) as HastRoot;
  const clean = sanitize(hast, { ...defaultSchema, clobberPrefix: "" }) as HastRoot;
  addLinkRel(clean);
  return toHtml(clean);
}

/** Splits Markdown into numbered blocks: sections "1", "1.1"; paragraphs "1.1.2"; text before any heading in "0". */
export function parseDraftMarkdown(markdown: string): ParsedDocument {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const nodes = tree.children.filter((n) => kinds[n.type] !== undefined && !(n.type === "paragraph" && plainText(n).trim() === ""));
  const headingDepths = nodes.filter((n) => n.type === "heading").map((n) => (n as { depth: number }).depth);
  const top = headingDepths.length ? Math.min(...headingDepths) : 1;
  const counters: number[] = [];
  let section = "0";
  let paragraph = 0;
  const blocks: ParsedBlock[] = [];
  const sections: Section[] = [];
  let wordCount = 0;
  for (const node of nodes) {
    const kind = kinds[node.type]!;
    const text = plainText(node).replace(/[ \t]+/g, " ").replace(/ *\n */g, "\n").trim();
    const source = node.position ? markdown.slice(node.position.start.offset, node.position.end.offset) : text;
    wordCount += words(text).length;
    let level = 0;
    let number: string;
    if (node.type === "heading") {
      level = Math.max(1, Math.min(6, node.depth - top + 1));
      counters.length = level;
      for (let i = 0; i < level - 1; i++) counters[i] ??= 1;
      counters[level - 1] = (counters[level - 1] ?? 0) + 1;
      section = counters.join(".");
      paragraph = 0;
      number = section;
      sections.push({ number, title: text.replace(/^\d+(\.\d+)*\.?\s+/, ""), level, anchor: `s-${number}` });
    } else {
      paragraph++;
      number = `${section}.${paragraph}`;
    }
    blocks.push({ kind, section, number, level, text, markdown: source, html: renderBlock(node), hash: hashString(normalise(text)) });
  }
  return { blocks, sections, wordCount };
}

/** Word-level similarity in [0, 1]: shared words (as a multiset) over the average length. */
export function similarity(a: string, b: string): number {
  const wa = words(normalise(a));
  const wb = words(normalise(b));
  if (wa.length === 0 && wb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

export type AnchoredBlock = ParsedBlock & { anchor: string };
type PreviousBlock = { anchor: string; hash: string; text: string; kind: ParagraphKind };

const LIGHT_EDIT = 0.5;
const baseAnchor = (b: { kind: ParagraphKind; number: string }) => `${b.kind === "heading" ? "s" : "p"}-${b.number}`;

/**
 * Matches each block of a new version to the previous version's blocks: first identical text in
 * order (longest common subsequence of hashes), then, between those fixed points, the most similar
 * block of the same kind (a light edit). Matched blocks keep their old anchor; others get a new one.
 */
export function matchBlocks(blocks: ReadonlyArray<{ hash: string; text: string; kind: ParagraphKind }>, previous: ReadonlyArray<PreviousBlock>): Array<number | null> {
  const match: Array<number | null> = blocks.map(() => null);
  let i = 0;
  let j = 0;
  const gaps: Array<{ news: number[]; olds: number[] }> = [];
  let gap = { news: [] as number[], olds: [] as number[] };
  for (const part of diffArrays(previous.map((p) => `${p.kind}:${p.hash}`), blocks.map((b) => `${b.kind}:${b.hash}`))) {
    const n = part.count ?? part.value.length;
    if (part.added) for (let k = 0; k < n; k++) gap.news.push(j++);
    else if (part.removed) for (let k = 0; k < n; k++) gap.olds.push(i++);
    else {
      if (gap.news.length || gap.olds.length) gaps.push(gap);
      gap = { news: [], olds: [] };
      for (let k = 0; k < n; k++) match[j++] = i++;
    }
  }
  if (gap.news.length || gap.olds.length) gaps.push(gap);
  for (const { news, olds } of gaps) {
    let from = 0;
    for (const ni of news) {
      let best = -1;
      let bestScore = LIGHT_EDIT;
      for (let k = from; k < olds.length; k++) {
        const old = previous[olds[k]!]!;
        if (old.kind !== blocks[ni]!.kind) continue;
        const score = similarity(old.text, blocks[ni]!.text);
        if (score >= bestScore && (best === -1 || score > bestScore)) {
          best = k;
          bestScore = score;
        }
      }
      if (best !== -1) {
        match[ni] = olds[best]!;
        from = best + 1; // keep order
      }
    }
  }
  return match;
}

export function assignAnchors(blocks: ParsedBlock[], previous?: ReadonlyArray<PreviousBlock>): AnchoredBlock[] {
  const match = previous ? matchBlocks(blocks, previous) : blocks.map(() => null);
  const used = new Set<string>();
  for (const m of match) if (m !== null && previous) used.add(previous[m]!.anchor);
  return blocks.map((b, i) => {
    const m = match[i];
    if (m !== null && m !== undefined && previous) return { ...b, anchor: previous[m]!.anchor };
    let anchor = baseAnchor(b);
    for (let k = 2; used.has(anchor); k++) anchor = `${baseAnchor(b)}-${k}`;
    used.add(anchor);
    return { ...b, anchor };
  });
}

export type WordChange = { type: "same" | "added" | "removed"; text: string };
export type BlockDiff =
  | { type: "same"; fromAnchor: string; toAnchor: string; from: string; to: string }
  | { type: "changed"; fromAnchor: string; toAnchor: string; words: WordChange[] }
  | { type: "added"; toAnchor: string; text: string }
  | { type: "removed"; fromAnchor: string; text: string };

export function diffWords(from: string, to: string): WordChange[] {
  return diffWordsWithSpace(from, to).map((c) => ({ type: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

type VersionBlock = { anchor: string; text: string; kind: ParagraphKind };

/** Compares two versions block by block, in the newer version's order, removed blocks where they were. */
export function diffVersions(from: ReadonlyArray<VersionBlock>, to: ReadonlyArray<VersionBlock>): BlockDiff[] {
  const fromIndex = new Map(from.map((b, i) => [b.anchor, i]));
  const out: BlockDiff[] = [];
  let nextOld = 0;
  const matched = new Set<number>();
  for (const b of to) if (fromIndex.has(b.anchor)) matched.add(fromIndex.get(b.anchor)!);
  const flushRemoved = (upTo: number) => {
    for (; nextOld < upTo; nextOld++) if (!matched.has(nextOld)) out.push({ type: "removed", fromAnchor: from[nextOld]!.anchor, text: from[nextOld]!.text });
  };
  for (const b of to) {
    const oi = fromIndex.get(b.anchor);
    if (oi === undefined) {
      out.push({ type: "added", toAnchor: b.anchor, text: b.text });
      continue;
    }
    if (oi >= nextOld) {
      flushRemoved(oi);
      nextOld = oi + 1;
    }
    const old = from[oi]!;
    out.push(
      old.text === b.text
        ? { type: "same", fromAnchor: old.anchor, toAnchor: b.anchor, from: old.text, to: b.text }
        : { type: "changed", fromAnchor: old.anchor, toAnchor: b.anchor, words: diffWords(old.text, b.text) },
    );
  }
  flushRemoved(from.length);
  return out;
}
