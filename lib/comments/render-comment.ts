import type { Root as HastRoot, RootContent as HastContent } from "hast";
import { sanitize } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toHast } from "mdast-util-to-hast";

/**
 * Comments accept a Markdown subset: paragraphs, emphasis, links, inline code, lists and quotes.
 * Everything else (headings, images, tables, raw HTML) is dropped by an allow-list sanitiser.
 */
const schema = {
  tagNames: ["p", "em", "strong", "a", "code", "ul", "ol", "li", "blockquote", "br"],
  attributes: { a: ["href"] },
  protocols: { href: ["http", "https", "mailto"] },
  strip: ["script", "style"],
};

function relNoFollow(node: HastRoot | HastContent): void {
  if (node.type === "element") {
    if (node.tagName === "a") node.properties = { ...node.properties, rel: ["nofollow", "ugc", "noopener", "noreferrer"] };
    node.children.forEach(relNoFollow);
  } else if (node.type === "root") node.children.forEach(relNoFollow);
}

export function renderCommentMarkdown(markdown: string): string {
  const hast = toHast(fromMarkdown(markdown)) as HastRoot;
  const clean = sanitize(hast, schema) as HastRoot;
  relNoFollow(clean);
  return toHtml(clean);
}
