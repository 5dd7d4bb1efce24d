import { splitLines } from "@/lib/drafts/document/diff";
import type { BlockDiff, ParagraphKind, WordChange } from "@/lib/drafts/document/types";

type Labels = {
  removed: string;
  added: string;
  changed: string;
  unchanged: (count: number) => string;
  paragraph: (anchor: string) => string;
  moved: (from: string, to: string) => string;
  from: string;
  to: string;
};

type Side = "from" | "to" | "inline";

function Words({ words, side }: { words: WordChange[]; side: Side }) {
  return (
    <>
      {words.map((w, i) => {
        if (w.type === "same") return <span key={i}>{w.text}</span>;
        if (w.type === "removed") return side === "to" ? null : <del key={i} className="diff-del">{w.text}</del>;
        return side === "from" ? null : <ins key={i} className="diff-ins">{w.text}</ins>;
      })}
    </>
  );
}

/**
 * A block's words laid out as its kind: a heading stays a heading (as a strong line, so the page's
 * outline is not disturbed), a list keeps one item per line, a table one row per line, code stays
 * preformatted.
 */
function Structured({ kind, words, side }: { kind: ParagraphKind; words: WordChange[]; side: Side }) {
  if (kind === "list" || kind === "table") {
    const Tag = kind === "list" ? "ul" : "ol";
    return (
      <Tag className={kind === "list" ? "list-disc ps-6" : "flex flex-col gap-1"} data-kind={kind}>
        {splitLines(words).map((line, i) => (
          <li key={i} dir="auto">
            <Words words={line} side={side} />
          </li>
        ))}
      </Tag>
    );
  }
  if (kind === "code") {
    return (
      <pre className="overflow-x-auto" data-kind={kind} dir="ltr">
        <code>
          <Words words={words} side={side} />
        </code>
      </pre>
    );
  }
  if (kind === "quote") {
    return (
      <blockquote className="border-s-4 ps-3" data-kind={kind} dir="auto">
        <Words words={words} side={side} />
      </blockquote>
    );
  }
  return (
    <p className={kind === "heading" ? "text-lg font-bold" : undefined} data-kind={kind} dir="auto">
      <Words words={words} side={side} />
    </p>
  );
}

function SideBySide({ kind, words, labels }: { kind: ParagraphKind; words: WordChange[]; labels: Labels }) {
  return (
    <>
      <div className="hidden gap-4 md:grid md:grid-cols-2">
        <div className="min-w-0">
          <p className="mb-1 text-xs font-semibold uppercase text-muted">{labels.from}</p>
          <Structured kind={kind} words={words} side="from" />
        </div>
        <div className="min-w-0">
          <p className="mb-1 text-xs font-semibold uppercase text-muted">{labels.to}</p>
          <Structured kind={kind} words={words} side="to" />
        </div>
      </div>
      <div className="md:hidden">
        <Structured kind={kind} words={words} side="inline" />
      </div>
    </>
  );
}

type Item = { kind: "fold"; blocks: Array<Extract<BlockDiff, { type: "same" }>>; key: string } | { kind: "block"; block: BlockDiff; key: string };

/**
 * Two versions compared paragraph by paragraph with word-level changes: side by side on wide
 * screens, inline on narrow ones; lists, headings, quotes and code keep their shape. A paragraph
 * that moved is shown once, where it now stands, with its old and new numbers. Runs of unchanged
 * paragraphs are folded into a <details> the reader can open (no JavaScript needed). The draft's
 * text carries its declared language and direction (`lang`, `dir`).
 */
export function DraftDiff({ blocks, labels, lang, dir }: { blocks: BlockDiff[]; labels: Labels; lang: string; dir: "rtl" | "ltr" }) {
  const items: Item[] = [];
  let run: Array<Extract<BlockDiff, { type: "same" }>> = [];
  const flush = (key: string) => {
    if (run.length) items.push({ kind: "fold", blocks: run, key });
    run = [];
  };
  blocks.forEach((b, i) => {
    if (b.type === "same") {
      run.push(b);
      return;
    }
    flush(`fold-${i}`);
    items.push({ kind: "block", block: b, key: `b-${i}` });
  });
  flush("fold-end");

  return (
    <ol className="flex min-w-0 flex-col gap-4 [overflow-wrap:anywhere]" data-testid="diff">
      {items.map((item) => {
        if (item.kind === "fold") {
          return (
            <li key={item.key}>
              <details className="text-sm" data-testid="unchanged">
                <summary className="cursor-pointer text-muted">{labels.unchanged(item.blocks.length)}</summary>
                <div className="mt-2 flex flex-col gap-2 text-base" lang={lang} dir={dir}>
                  {item.blocks.map((b) => (
                    <div key={b.toAnchor} className="flex flex-col gap-1">
                      <p className="text-sm font-semibold text-muted" dir="auto">
                        <bdi>{labels.paragraph(b.toAnchor)}</bdi>
                      </p>
                      <Structured kind={b.kind} words={[{ type: "same", text: b.to }]} side="inline" />
                    </div>
                  ))}
                </div>
              </details>
            </li>
          );
        }
        const b = item.block;
        const anchor = b.type === "removed" ? b.fromAnchor : b.toAnchor;
        const label =
          b.type === "added"
            ? labels.added
            : b.type === "removed"
              ? labels.removed
              : b.type === "moved"
                ? labels.moved(b.fromNumber ?? b.fromAnchor, b.toNumber ?? b.toAnchor)
                : labels.changed;
        return (
          <li key={item.key} className="card flex min-w-0 flex-col gap-2" data-change={b.type}>
            <p className="text-sm font-semibold text-muted">
              <bdi>{labels.paragraph(anchor)}</bdi> · {label}
            </p>
            <div lang={lang} dir={dir} className="min-w-0">
              {b.type === "added" ? (
                <Structured kind={b.kind} words={[{ type: "added", text: b.text }]} side="inline" />
              ) : b.type === "removed" ? (
                <Structured kind={b.kind} words={[{ type: "removed", text: b.text }]} side="inline" />
              ) : b.type === "changed" || (b.type === "moved" && b.words.some((w) => w.type !== "same")) ? (
                <SideBySide kind={b.kind} words={b.words} labels={labels} />
              ) : b.type === "moved" ? (
                <Structured kind={b.kind} words={b.words} side="inline" />
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
