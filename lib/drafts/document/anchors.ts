/**
 * Stable paragraph anchors across versions: a paragraph that is unchanged or lightly edited keeps
 * the anchor it had, wherever it moved, so links and comments made on an earlier version still land
 * on it. Pure and synchronous.
 */
import { diffArrays } from "diff";
import { bagOf, bagSimilarity, similarityBound, type Bag } from "./similarity";
import type { AnchoredBlock, ParagraphKind, ParsedBlock, PreviousBlock } from "./types";

/** Minimum similarity for a block to count as "lightly edited" and keep its anchor. */
export const LIGHT_EDIT_THRESHOLD = 0.5;

/** A numbered anchor of a first version ("p-4.2.1", "s-3", "p-1.1-2"): the number it was given then. */
const NUMBERED_ANCHOR = /^[ps]-(\d+(?:\.\d+)*)(?:-\d+)?$/;

/**
 * The paragraph number an anchor was minted with, or null for an opaque anchor. A first version's
 * anchors carry their number ("p-4.2.1" → "4.2.1"); a reader following such a link to a paragraph
 * now numbered differently is told ("now 4.3.1").
 */
export function numberInAnchor(anchor: string): string | null {
  return NUMBERED_ANCHOR.exec(anchor)?.[1] ?? null;
}

/**
 * Assigns stable anchors. With no previous version a block's anchor is "p-" + its number (headings
 * "s-" + number). With a previous version, a block keeps the anchor of the previous block it
 * continues, found in this order, each previous anchor used at most once:
 * 1. unchanged blocks in the same order (longest common subsequence of kind + hash);
 * 2. unchanged blocks that moved (same kind + hash anywhere else, e.g. to another section);
 * 3. lightly edited blocks (same kind, word similarity ≥ 0.5) between two blocks of step 1,
 *    paired by highest similarity without crossing;
 * 4. lightly edited blocks anywhere (they moved, or the blocks around them did), best pairs first.
 * A block that continues none gets a new opaque anchor, "p-x" + 8 hex digits of its text's hash
 * (headings "s-x…"), with "-2", "-3"… when taken, so it never collides with an anchor of this or
 * the previous version and comments on a removed paragraph never attach to unrelated text.
 */
export function assignAnchors(blocks: ParsedBlock[], previous?: ReadonlyArray<PreviousBlock>): AnchoredBlock[] {
  const kept: Array<string | undefined> = previous?.length ? matchPrevious(blocks, previous) : [];
  const taken = new Set<string>(previous?.map((p) => p.anchor));
  for (const anchor of kept) if (anchor) taken.add(anchor);

  return blocks.map((block, i) => {
    let anchor = kept[i];
    if (!anchor) {
      const prefix = block.kind === "heading" ? "s" : "p";
      const base = previous ? `${prefix}-x${block.hash.slice(0, 8)}` : `${prefix}-${block.number}`;
      anchor = base;
      for (let k = 2; taken.has(anchor); k++) anchor = `${base}-${k}`;
      taken.add(anchor);
    }
    return { ...block, anchor };
  });
}

type Gap = { prev: number[]; cur: number[] };

/** For each block, the anchor of the previous block it continues (or undefined). */
function matchPrevious(blocks: ParsedBlock[], previous: ReadonlyArray<PreviousBlock>): Array<string | undefined> {
  const prevOfCur = new Array<number>(blocks.length).fill(-1);
  const usedPrev = new Uint8Array(previous.length);
  const pair = (p: number, c: number) => {
    prevOfCur[c] = p;
    usedPrev[p] = 1;
  };
  const key = (b: { kind: ParagraphKind; hash: string }) => `${b.kind}\u0000${b.hash}`;

  // 1. Unchanged, in order.
  const gaps: Gap[] = [];
  let gap: Gap = { prev: [], cur: [] };
  let p = 0;
  let c = 0;
  for (const change of diffArrays(previous.map(key), blocks.map(key))) {
    const count = change.value.length;
    if (change.added) for (let k = 0; k < count; k++) gap.cur.push(c++);
    else if (change.removed) for (let k = 0; k < count; k++) gap.prev.push(p++);
    else {
      gaps.push(gap);
      gap = { prev: [], cur: [] };
      for (let k = 0; k < count; k++) pair(p++, c++);
    }
  }
  gaps.push(gap);

  // 2. Unchanged, moved.
  const unusedByKey = new Map<string, number[]>();
  previous.forEach((b, i) => {
    if (usedPrev[i]) return;
    const list = unusedByKey.get(key(b));
    if (list) list.push(i);
    else unusedByKey.set(key(b), [i]);
  });
  blocks.forEach((b, i) => {
    if (prevOfCur[i]! >= 0) return;
    const candidate = unusedByKey.get(key(b))?.shift();
    if (candidate !== undefined) pair(candidate, i);
  });

  // 3. Lightly edited, in place.
  const prevBags = new Map<number, Bag>();
  const curBags = new Map<number, Bag>();
  const prevBag = (i: number) => prevBags.get(i) ?? prevBags.set(i, bagOf(previous[i]!.text)).get(i)!;
  const curBag = (i: number) => curBags.get(i) ?? curBags.set(i, bagOf(blocks[i]!.text)).get(i)!;
  for (const g of gaps) {
    const gp = g.prev.filter((i) => !usedPrev[i]);
    const gc = g.cur.filter((i) => prevOfCur[i]! < 0);
    if (gp.length && gc.length) for (const [pi, ci] of matchGap(gp, gc, previous, blocks, prevBag, curBag)) pair(pi, ci);
  }

  // 4. Lightly edited, moved.
  const leftPrev = previous.flatMap((_, i) => (usedPrev[i] ? [] : [i]));
  const leftCur = blocks.flatMap((_, i) => (prevOfCur[i]! >= 0 ? [] : [i]));
  if (leftPrev.length && leftCur.length) {
    for (const [pi, ci] of matchAnywhere(leftPrev, leftCur, previous, blocks, prevBag, curBag)) pair(pi, ci);
  }

  return prevOfCur.map((pi) => (pi >= 0 ? previous[pi]!.anchor : undefined));
}

/** Above this many candidate pairs, only pairs near the diagonal (in a gap) or sharing a rare word (anywhere) are compared. */
const FULL_PAIRS = 40_000;
const GAP_BAND = 100;
/** A word in more leftover blocks than this does not suggest candidates by itself. */
const RARE_WORD_BLOCKS = 8;

type Candidate = { a: number; b: number; score: number; distance: number };

function score(prev: PreviousBlock, cur: ParsedBlock, pb: Bag, cb: Bag): number {
  if (prev.kind !== cur.kind || similarityBound(pb, cb) < LIGHT_EDIT_THRESHOLD) return 0;
  return bagSimilarity(pb, cb);
}

/** Best first; ties go to the pair closest in position, then to the earliest. */
const byScore = (x: Candidate, y: Candidate) => y.score - x.score || x.distance - y.distance || x.b - y.b;

/**
 * Pairs blocks of one gap (previous blocks `gapPrev`, new blocks `gapCur`, both in order) by
 * highest similarity ≥ 0.5 and same kind, keeping the order of both sides (no crossing pairs).
 */
function matchGap(
  gapPrev: number[],
  gapCur: number[],
  previous: ReadonlyArray<PreviousBlock>,
  blocks: ParsedBlock[],
  prevBag: (i: number) => Bag,
  curBag: (i: number) => Bag,
): Array<[number, number]> {
  const full = gapPrev.length * gapCur.length <= FULL_PAIRS;
  const candidates: Candidate[] = [];
  for (let b = 0; b < gapCur.length; b++) {
    let from = 0;
    let to = gapPrev.length - 1;
    if (!full) {
      const centre = Math.round((b * gapPrev.length) / gapCur.length);
      from = Math.max(0, centre - GAP_BAND);
      to = Math.min(gapPrev.length - 1, centre + GAP_BAND);
    }
    for (let a = from; a <= to; a++) {
      const s = score(previous[gapPrev[a]!]!, blocks[gapCur[b]!]!, prevBag(gapPrev[a]!), curBag(gapCur[b]!));
      if (s >= LIGHT_EDIT_THRESHOLD) candidates.push({ a, b, score: s, distance: Math.abs(a - b) });
    }
  }
  candidates.sort(byScore);

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

/**
 * Pairs leftover blocks wherever they stand (a lightly edited paragraph that moved, or around which
 * others moved): highest similarity ≥ 0.5 and same kind first, then the closest in relative
 * position. Large leftovers compare only pairs that share a word found in few blocks.
 */
function matchAnywhere(
  leftPrev: number[],
  leftCur: number[],
  previous: ReadonlyArray<PreviousBlock>,
  blocks: ParsedBlock[],
  prevBag: (i: number) => Bag,
  curBag: (i: number) => Bag,
): Array<[number, number]> {
  const position = (i: number, n: number) => (n > 1 ? i / (n - 1) : 0);
  const candidatesOf: (b: number) => Iterable<number> =
    leftPrev.length * leftCur.length <= FULL_PAIRS
      ? () => leftPrev.keys()
      : (() => {
          const byWord = new Map<string, number[]>();
          leftPrev.forEach((pi, a) => {
            for (const w of prevBag(pi).counts.keys()) {
              const list = byWord.get(w);
              if (!list) byWord.set(w, [a]);
              else if (list.length <= RARE_WORD_BLOCKS) list.push(a);
            }
          });
          return (b: number) => {
            const found = new Set<number>();
            for (const w of curBag(leftCur[b]!).counts.keys()) {
              const list = byWord.get(w);
              if (list && list.length <= RARE_WORD_BLOCKS) for (const a of list) found.add(a);
            }
            return found;
          };
        })();

  const candidates: Candidate[] = [];
  for (let b = 0; b < leftCur.length; b++) {
    const ci = leftCur[b]!;
    for (const a of candidatesOf(b)) {
      const pi = leftPrev[a]!;
      const s = score(previous[pi]!, blocks[ci]!, prevBag(pi), curBag(ci));
      if (s >= LIGHT_EDIT_THRESHOLD) candidates.push({ a, b, score: s, distance: Math.abs(position(pi, previous.length) - position(ci, blocks.length)) });
    }
  }
  candidates.sort(byScore);
  const usedA = new Uint8Array(leftPrev.length);
  const usedB = new Uint8Array(leftCur.length);
  const pairs: Array<[number, number]> = [];
  for (const { a, b } of candidates) {
    if (usedA[a] || usedB[b]) continue;
    usedA[a] = 1;
    usedB[b] = 1;
    pairs.push([leftPrev[a]!, leftCur[b]!]);
  }
  return pairs;
}
