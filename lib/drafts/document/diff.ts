/**
 * Comparing two versions of a draft block by block (aligned by anchor) with word-level changes.
 * Pure and synchronous, no Node-only imports: components may render its results anywhere.
 */
import { diffWordsWithSpace } from "diff";
import type { BlockDiff, ComparableBlock, WordChange } from "./types";

/**
 * Compares two anchored versions. Blocks are aligned by anchor and listed in the newer version's
 * order. Of the blocks present in both, the longest run kept in the same relative order counts as
 * in place ("same" or "changed"); the others are "moved", with the numbers they had and have
 * (`number` of the inputs) and any word changes. A removed block appears where it stood in the older
 * version (after the in-place blocks that preceded it).
 */
export function diffVersions(from: ReadonlyArray<ComparableBlock>, to: ReadonlyArray<ComparableBlock>): BlockDiff[] {
  const fromIndex = new Map<string, number>();
  from.forEach((b, i) => fromIndex.set(b.anchor, i));
  const toAnchors = new Set(to.map((b) => b.anchor));
  const inPlace = inOrder(to.flatMap((b) => (fromIndex.has(b.anchor) ? [fromIndex.get(b.anchor)!] : [])));
  const result: BlockDiff[] = [];

  let next = 0; // first older block not yet placed
  const placeRemovedBefore = (end: number) => {
    for (; next < end; next++) {
      const old = from[next]!;
      if (!toAnchors.has(old.anchor)) result.push({ type: "removed", kind: old.kind, fromAnchor: old.anchor, text: old.text });
    }
  };

  for (const block of to) {
    const i = fromIndex.get(block.anchor);
    if (i === undefined) {
      result.push({ type: "added", kind: block.kind, toAnchor: block.anchor, text: block.text });
      continue;
    }
    const old = from[i]!;
    if (!inPlace.has(i)) {
      result.push({
        type: "moved",
        kind: block.kind,
        fromAnchor: old.anchor,
        toAnchor: block.anchor,
        fromNumber: old.number ?? null,
        toNumber: block.number ?? null,
        words: diffWords(old.text, block.text),
      });
      continue;
    }
    placeRemovedBefore(i);
    next = Math.max(next, i + 1);
    if (old.text === block.text && old.kind === block.kind) {
      result.push({ type: "same", kind: block.kind, fromAnchor: old.anchor, toAnchor: block.anchor, from: old.text, to: block.text });
    } else {
      result.push({ type: "changed", kind: block.kind, fromAnchor: old.anchor, toAnchor: block.anchor, words: diffWords(old.text, block.text) });
    }
  }
  placeRemovedBefore(from.length);
  return result;
}

/** The values of one longest increasing subsequence of `seq` (patience sorting, O(n log n)). */
function inOrder(seq: number[]): Set<number> {
  const tails: number[] = [];
  const tailAt: number[] = [];
  const parent = new Array<number>(seq.length).fill(-1);
  seq.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
    tailAt[lo] = i;
    parent[i] = lo > 0 ? tailAt[lo - 1]! : -1;
  });
  const kept = new Set<number>();
  for (let i = tails.length ? tailAt[tails.length - 1]! : -1; i >= 0; i = parent[i]!) kept.add(seq[i]!);
  return kept;
}

/** Most word tokens one block diff may change before it is shown as a whole replacement. */
const MAX_WORD_EDITS = 4_000;

/** Word-level changes from one text to another (whitespace kept, so joining the "same" and "added" parts gives `to`). */
export function diffWords(from: string, to: string): WordChange[] {
  if (from === to) return from ? [{ type: "same", text: from }] : [];
  const changes = diffWordsWithSpace(from, to, { maxEditLength: MAX_WORD_EDITS });
  if (!changes) {
    const whole: WordChange[] = [];
    if (from) whole.push({ type: "removed", text: from });
    if (to) whole.push({ type: "added", text: to });
    return whole;
  }
  const result: WordChange[] = [];
  for (const change of changes) {
    if (!change.value) continue;
    const type: WordChange["type"] = change.added ? "added" : change.removed ? "removed" : "same";
    const last = result[result.length - 1];
    if (last && last.type === type) last.text += change.value;
    else result.push({ type, text: change.value });
  }
  return result;
}

/**
 * Word changes cut at line breaks: one entry per line (a list item, a table row), each with its
 * own changes, so a list diff can still be shown as a list.
 */
export function splitLines(words: WordChange[]): WordChange[][] {
  const lines: WordChange[][] = [[]];
  for (const w of words) {
    const parts = w.text.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ type: w.type, text: part });
    });
  }
  return lines.filter((line) => line.length > 0);
}
