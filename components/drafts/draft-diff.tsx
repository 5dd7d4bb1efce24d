import type { BlockDiff, WordChange } from "@/lib/drafts/document";

type Labels = { removed: string; added: string; changed: string; unchanged: (count: number) => string; paragraph: (anchor: string) => string; from: string; to: string };

function Words({ words, side }: { words: WordChange[]; side: "from" | "to" | "inline" }) {
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
 * Two versions compared paragraph by paragraph with word-level changes: side by side on wide
 * screens, inline on narrow ones. Runs of unchanged paragraphs are folded to keep the changes in view.
 */
export function DraftDiff({ blocks, labels }: { blocks: BlockDiff[]; labels: Labels }) {
  const items: Array<{ kind: "fold"; count: number; key: string } | { kind: "block"; block: BlockDiff; key: string }> = [];
  let run = 0;
  blocks.forEach((b, i) => {
    if (b.type === "same") {
      run++;
      return;
    }
    if (run) items.push({ kind: "fold", count: run, key: `fold-${i}` });
    run = 0;
    items.push({ kind: "block", block: b, key: `b-${i}` });
  });
  if (run) items.push({ kind: "fold", count: run, key: "fold-end" });

  return (
    <ol className="flex flex-col gap-4" data-testid="diff">
      {items.map((item) => {
        if (item.kind === "fold") return <li key={item.key} className="text-sm text-muted">{labels.unchanged(item.count)}</li>;
        const b = item.block;
        const anchor = b.type === "removed" ? b.fromAnchor : b.toAnchor;
        return (
          <li key={item.key} className="card flex flex-col gap-2" data-change={b.type}>
            <p className="text-sm font-semibold text-muted">
              {labels.paragraph(anchor)} ·{" "}
              {b.type === "added" ? labels.added : b.type === "removed" ? labels.removed : labels.changed}
            </p>
            {b.type === "added" ? (
              <p>
                <ins className="diff-ins">{b.text}</ins>
              </p>
            ) : b.type === "removed" ? (
              <p>
                <del className="diff-del">{b.text}</del>
              </p>
            ) : b.type === "changed" ? (
              <>
                <div className="hidden gap-4 md:grid md:grid-cols-2">
                  <div>
                    <p className="mb-1 text-xs font-semibold uppercase text-muted">{labels.from}</p>
                    <p>
                      <Words words={b.words} side="from" />
                    </p>
                  </div>
                  <div>
                    <p className="mb-1 text-xs font-semibold uppercase text-muted">{labels.to}</p>
                    <p>
                      <Words words={b.words} side="to" />
                    </p>
                  </div>
                </div>
                <p className="md:hidden">
                  <Words words={b.words} side="inline" />
                </p>
              </>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
