// `npm run bench:document`: parse, anchor and diff a 50-page (25,000-word) draft against a 1-page one
// in the same run, medians of 5, reported as ratios (this machine is shared and noisy). The timings
// once asserted in lib/drafts/document.test.ts live here.
import { assignAnchors } from "../lib/drafts/document/anchors";
import { diffVersions } from "../lib/drafts/document/diff";
import { parseDraftMarkdown } from "../lib/drafts/document/parse";

const vocabulary =
  "the council shall publish guidance on consultation process stakeholders comment paragraph draft version section review period response data privacy access public interest members committee report annex scope terms definitions obligations rights procedure notice decision appeal record".split(
    " ",
  );

function generate(seed: number, targetWords: number): string[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const sentence = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(" ") + ".";
  const parts: string[] = [];
  let words = 0;
  for (let s = 1; words < targetWords; s++) {
    parts.push(`## Section ${s}`);
    for (let p = 0; p < 5 && words < targetWords; p++) {
      parts.push(`${sentence(20)} ${sentence(20)}`);
      words += 40;
    }
  }
  return parts;
}

function revise(parts: string[]): string[] {
  const edited = [...parts];
  for (let i = 3; i < edited.length; i += 7) edited[i] = `${edited[i]} With a few extra words.`;
  for (let i = 5; i < edited.length; i += 11) edited.splice(i, 0, "An inserted paragraph with its own wording entirely.");
  const moved = edited.splice(2, 1);
  edited.push(...moved);
  return edited;
}

function median(run: () => void, times = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

function measure(words: number) {
  const parts = generate(42, words);
  const v1 = parts.join("\n\n");
  const v2 = revise(parts).join("\n\n");
  const parse = median(() => parseDraftMarkdown(v1));
  const b1 = parseDraftMarkdown(v1).blocks;
  const b2 = parseDraftMarkdown(v2).blocks;
  const anchors = median(() => assignAnchors(b2, assignAnchors(b1)));
  const a1 = assignAnchors(b1);
  const a2 = assignAnchors(b2, a1);
  const diff = median(() => diffVersions(a1, a2));
  return { parse, anchors, diff, blocks: b1.length };
}

const small = measure(500);
const large = measure(25_000);
console.log(`1 page: ${small.blocks} blocks; 50 pages: ${large.blocks} blocks (×${(large.blocks / small.blocks).toFixed(0)})`);
for (const step of ["parse", "anchors", "diff"] as const) {
  console.log(`${step}: 50 pages take ×${(large[step] / small[step]).toFixed(1)} the time of 1 page (${small[step].toFixed(1)} ms vs ${large[step].toFixed(1)} ms on this run)`);
}
