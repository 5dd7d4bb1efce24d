// Labels repeated on every block of a long draft ("Permanent link to 1.2.3", "3 comments"): a
// 50-page draft has ~630 blocks, and formatting an ICU message ~1,300 times was ~15 % of the reading
// view's render. These helpers format each distinct message once per render.

/** A private-use sentinel: never in a catalog, kept verbatim by ICU formatting of a plain argument. */
const sentinel = "\uE000parley-arg\uE001";

/**
 * `format` applied to any value, computed from ONE call: the message is formatted with a sentinel
 * and the value is put where the sentinel landed. Only for an argument inserted verbatim (`{number}`),
 * never one a plural, select or number format reads (use `memoizeLabel` for those).
 * Returns a function of the value (a string) giving the same string `format(value)` would.
 */
export function argumentTemplate(format: (value: string) => string): (value: string) => string {
  const parts = format(sentinel).split(sentinel);
  if (parts.length === 1) return () => parts[0]!;
  return (value) => parts.join(value);
}

/** `format` memoised by its argument (numbers or strings), for a label with few distinct values (counts). */
export function memoizeLabel<T extends string | number>(format: (value: T) => string): (value: T) => string {
  const seen = new Map<T, string>();
  return (value) => {
    let label = seen.get(value);
    if (label === undefined) {
      label = format(value);
      seen.set(value, label);
    }
    return label;
  };
}
