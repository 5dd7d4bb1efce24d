/**
 * Parsing a draft: splits a Markdown body into numbered blocks (headings, paragraphs, lists,
 * quotes, code, tables) with sanitised HTML and a SHA-256 of each block's normalised text.
 * Server-side (node:crypto): runs at publish time and when an editor previews a draft.
 */
import { createHash } from "node:crypto";
import type { Element, ElementContent, Root as HastRoot, RootContent as HastRootContent } from "hast";
import { sanitize, defaultSchema } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import type { Definition, FootnoteDefinition, Heading, Nodes as MdastNodes, PhrasingContent, Root, RootContent, Text } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toHast } from "mdast-util-to-hast";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import type { ParagraphKind, ParsedBlock, ParsedDocument, Section } from "./types";

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
// Hashing
// ---------------------------------------------------------------------------------------------

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function normalise(text: string): string {
  return collapse(text).toLowerCase();
}

const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/gu;

/** Words separated by spaces; in Chinese, Japanese and Korean text each character counts as one. */
function countWords(text: string): number {
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  const rest = text.replace(CJK_CHAR, " ").trim();
  return cjk + (rest ? rest.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length : 0);
}

/** Hex SHA-256 of the UTF-8 bytes of the normalised text (whitespace collapsed, lowercased). */
export function hashText(text: string): string {
  return createHash("sha256").update(normalise(text)).digest("hex");
}
