/**
 * The numbered text of a draft: used by the reading view (server) and the editor's live preview
 * (client), so what editors preview is what readers get. Block HTML is produced and sanitised by
 * lib/drafts/document/parse.ts at publish time. The text carries the draft's declared language and
 * direction (`lang`, `dir`), so an English draft keeps its punctuation and numbering in place on an
 * Arabic page; the comment links are in the reader's language (`labels.lang`, `labels.dir`).
 */
import type { PreviewBlock } from "@/lib/drafts/document/types";

export type { PreviewBlock };

/**
 * The numbered text as one HTML string (blocks' HTML is sanitised at publish time; everything
 * added here is escaped). Rendered through a single `dangerouslySetInnerHTML`, so the page's RSC
 * payload carries the text once as a string instead of an element tree per paragraph (a 50-page
 * draft: ~630 blocks, each with its number, permalink and comment link). The blocks' styles are
 * named classes in app/globals.css, not utility lists repeated ~630 times in the markup.
 */
type Labels = {
  permalink: (number: string) => string;
  comments?: (count: number) => string;
  commentHref?: (anchor: string) => string;
  /** The reader's language and direction, for the comment links inside the draft's text. */
  lang?: string;
  dir?: "ltr" | "rtl";
};

export function draftBlocksHtml({ blocks, labels, commentCounts, idPrefix = "" }: { blocks: PreviewBlock[]; labels: Labels; commentCounts?: Record<string, number>; idPrefix?: string }): string {
  const readerLang = `${labels.lang ? ` lang="${escapeAttribute(labels.lang)}"` : ""}${labels.dir ? ` dir="${labels.dir}"` : ""}`;
  const out: string[] = [];
  for (const b of blocks) {
    const id = escapeAttribute(`${idPrefix}${b.anchor}`);
    const permalink = escapeAttribute(labels.permalink(b.number));
    const number = escapeText(b.number);
    if (b.kind === "heading") {
      const tag = `h${Math.min(6, b.level + 1)}`;
      out.push(
        `<${tag} id="${id}" class="draft-heading"><span class="section-number">${number}</span><span>${stripOuterTag(b.html)}</span><a href="#${id}" class="permalink" aria-label="${permalink}">#</a></${tag}>`,
      );
      continue;
    }
    const count = commentCounts?.[b.anchor] ?? 0;
    const comments = labels.comments
      ? labels.commentHref
        ? `<a href="${escapeAttribute(labels.commentHref(b.anchor))}"${readerLang} class="comment-count">${escapeText(labels.comments(count))}</a>`
        : `<p${readerLang} class="comment-count">${escapeText(labels.comments(count))}</p>`
      : "";
    out.push(
      `<div id="${id}" class="draft-block"><a href="#${id}" class="block-number" aria-label="${permalink}">${number}</a><div class="block-body"><div class="prose-block">${b.html}</div>${comments}</div></div>`,
    );
  }
  return out.join("");
}

/**
 * The table of contents as one HTML string: an ordered list of the headings (`sections`: heading
 * blocks), each linking to its anchor, its number, then its text without the leading number, in
 * the draft's language and direction (`lang`, `dir`). Indentation by level is a class (toc-l1…6).
 */
export type TocSection = { anchor: string; number: string; level: number; text: string };

export function draftTocHtml({ sections, lang, dir }: { sections: TocSection[]; lang?: string; dir?: "ltr" | "rtl" }): string {
  const textLang = `${lang ? ` lang="${escapeAttribute(lang)}"` : ""}${dir ? ` dir="${dir}"` : ""}`;
  const items = sections.map(
    (s) =>
      `<li class="toc-l${Math.min(6, Math.max(1, s.level))}"><a class="link" href="#${escapeAttribute(s.anchor)}"><span class="tabular-nums">${escapeText(s.number)}</span> <bdi${textLang}>${escapeText(s.text.replace(/^\d+(\.\d+)*\.?\s+/, ""))}</bdi></a></li>`,
  );
  return `<ol class="flex flex-col gap-1 text-sm">${items.join("")}</ol>`;
}

export function DraftBlocks({
  lang,
  dir,
  ...props
}: {
  blocks: PreviewBlock[];
  labels: Labels;
  commentCounts?: Record<string, number>;
  idPrefix?: string;
  /** The draft's declared language and its direction. */
  lang?: string;
  dir?: "ltr" | "rtl";
}) {
  return <div className="draft-text flex flex-col gap-4" lang={lang} dir={dir} dangerouslySetInnerHTML={{ __html: draftBlocksHtml(props) }} />;
}

function escapeText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, "&quot;");
}

/** "<h2>Scope</h2>" → "Scope": the reading view supplies its own heading element and number. */
function stripOuterTag(html: string): string {
  return html.replace(/^<h\d[^>]*>/, "").replace(/<\/h\d>\s*$/, "");
}
