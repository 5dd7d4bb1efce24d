import { hashString, seededRandom } from "./random";
import { hasCjk, normaliseForDuplicates } from "./tokenize";

export interface CampaignOptions {
  /** Estimated Jaccard similarity of shingles above which two comments count as the same text. */
  threshold?: number;
  seed?: number;
}

const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;

/** Word 3-shingles (character 3-shingles for Chinese and Japanese, which have no spaces). */
function shingles(normalised: string): number[] {
  const out = new Set<number>();
  if (hasCjk(normalised)) {
    const chars = [...normalised.replace(/\s+/g, "")];
    for (let i = 0; i + 3 <= chars.length; i++) out.add(hashString(chars.slice(i, i + 3).join("")));
  } else {
    const words = normalised.split(" ");
    for (let i = 0; i + 3 <= words.length; i++) out.add(hashString(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  }
  return [...out];
}

class UnionFind {
  parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Groups identical and near-identical comments (form letters, copy-paste campaigns). Identical after
 * normalisation are grouped exactly; near-identical through MinHash signatures with locality-sensitive
 * hashing (16 bands of 4), confirmed by the estimated Jaccard similarity. Returns groups of two or more
 * ids, each in input order, largest group first.
 */
export function findCampaigns(
  docs: { id: string; text: string }[],
  { threshold = 0.7, seed = 7 }: CampaignOptions = {},
): string[][] {
  const n = docs.length;
  const uf = new UnionFind(n);
  const exact = new Map<string, number>();
  const random = seededRandom(seed);
  const a = Uint32Array.from({ length: HASHES }, () => (Math.floor(random() * 0xffffffff) | 1) >>> 0);
  const b = Uint32Array.from({ length: HASHES }, () => Math.floor(random() * 0xffffffff) >>> 0);
  const signatures: (Uint32Array | null)[] = new Array(n).fill(null);
  const buckets = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const text = normaliseForDuplicates(docs[i]!.text);
    if (text.length === 0) continue;
    const seen = exact.get(text);
    if (seen !== undefined) {
      uf.union(seen, i);
      continue;
    }
    exact.set(text, i);
    const sh = shingles(text);
    if (sh.length < 3) continue;
    const sig = new Uint32Array(HASHES).fill(0xffffffff);
    for (const s of sh) {
      for (let h = 0; h < HASHES; h++) {
        const v = (Math.imul(a[h]!, s) + b[h]!) >>> 0;
        if (v < sig[h]!) sig[h] = v;
      }
    }
    signatures[i] = sig;
    for (let band = 0; band < BANDS; band++) {
      let key = `${band}`;
      for (let r = 0; r < ROWS; r++) key += `:${sig[band * ROWS + r]}`;
      const other = buckets.get(key);
      if (other === undefined) {
        buckets.set(key, i);
        continue;
      }
      if (uf.find(other) === uf.find(i)) continue;
      const os = signatures[other]!;
      let same = 0;
      for (let h = 0; h < HASHES; h++) if (os[h] === sig[h]) same++;
      if (same / HASHES >= threshold) uf.union(other, i);
    }
  }
  const groups = new Map<number, string[]>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    const list = groups.get(root);
    if (list) list.push(docs[i]!.id);
    else groups.set(root, [docs[i]!.id]);
  }
  return [...groups.values()].filter((g) => g.length > 1).sort((x, y) => y.length - x.length);
}
