/**
 * The numbered text of a draft: used by the reading view (server) and the editor's live preview
 * (client), so what editors preview is what readers get. Block HTML is produced and sanitised by
 * lib/drafts/document.ts at publish time.
 */
export type PreviewBlock = { anchor: string; number: string; kind: string; level: number; html: string };

type Labels = { permalink: (number: string) => string; comments?: (count: number) => string; commentHref?: (anchor: string) => string };

export function DraftBlocks({ blocks, labels, commentCounts, idPrefix = "" }: { blocks: PreviewBlock[]; labels: Labels; commentCounts?: Record<string, number>; idPrefix?: string }) {
  return (
    <div className="draft-text flex flex-col gap-4">
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
                <a href={labels.commentHref(b.anchor)} className="comment-count mt-1 inline-block text-sm text-accent underline">
                  {labels.comments(count)}
                </a>
              ) : labels.comments ? (
                <p className="comment-count mt-1 text-sm text-muted">{labels.comments(count)}</p>
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
