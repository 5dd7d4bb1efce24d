/**
 * The numbered text of a draft: used by the reading view (server) and the editor's live preview
 * (client), so what editors preview is what readers get. Block HTML is produced and sanitised by
 * lib/drafts/document/parse.ts at publish time. The text carries the draft's declared language and
 * direction (`lang`, `dir`), so an English draft keeps its punctuation and numbering in place on an
 * Arabic page; the comment links are in the reader's language (`labels.lang`, `labels.dir`).
 */
import type { PreviewBlock } from "@/lib/drafts/document/types";

export type { PreviewBlock };

type Labels = {
  permalink: (number: string) => string;
  comments?: (count: number) => string;
  commentHref?: (anchor: string) => string;
  /** The reader's language and direction, for the comment links inside the draft's text. */
  lang?: string;
  dir?: "ltr" | "rtl";
};

export function DraftBlocks({
  blocks,
  labels,
  commentCounts,
  idPrefix = "",
  lang,
  dir,
}: {
  blocks: PreviewBlock[];
  labels: Labels;
  commentCounts?: Record<string, number>;
  idPrefix?: string;
  /** The draft's declared language and its direction. */
  lang?: string;
  dir?: "ltr" | "rtl";
}) {
  return (
    <div className="draft-text flex flex-col gap-4" lang={lang} dir={dir}>
      {blocks.map((b) => {
        const id = `${idPrefix}${b.anchor}`;
        if (b.kind === "heading") {
          const Tag = (`h${Math.min(6, b.level + 1)}`) as "h2";
          return (
            <Tag key={id} id={id} className="draft-heading group scroll-mt-24">
              <span className="section-number me-2 tabular-nums text-muted">{b.number}</span>
              <span dangerouslySetInnerHTML={{ __html: stripOuterTag(b.html) }} />
              <a href={`#${id}`} className="permalink ms-2 text-base text-muted" aria-label={labels.permalink(b.number)}>
                #
              </a>
            </Tag>
          );
        }
        const count = commentCounts?.[b.anchor] ?? 0;
        return (
          <div key={id} id={id} className="draft-block group grid scroll-mt-24 grid-cols-[3.5rem_1fr] gap-x-3">
            <a href={`#${id}`} className="block-number pt-0.5 text-sm tabular-nums text-muted no-underline hover:underline" aria-label={labels.permalink(b.number)}>
              {b.number}
            </a>
            <div className="min-w-0">
              <div className="prose-block" dangerouslySetInnerHTML={{ __html: b.html }} />
              {labels.comments && labels.commentHref ? (
                <a href={labels.commentHref(b.anchor)} lang={labels.lang} dir={labels.dir} className="comment-count mt-1 inline-block text-sm text-accent underline">
                  {labels.comments(count)}
                </a>
              ) : labels.comments ? (
                <p lang={labels.lang} dir={labels.dir} className="comment-count mt-1 text-sm text-muted">
                  {labels.comments(count)}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
    </div>
  );
}

/** "<h2>Scope</h2>" → "Scope": the reading view supplies its own heading element and number. */
function stripOuterTag(html: string): string {
  return html.replace(/^<h\d[^>]*>/, "").replace(/<\/h\d>\s*$/, "");
}
