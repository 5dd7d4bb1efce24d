/** Link to a comment where it is discussed (resolved to the right page of its thread). */
export function commentHref(reference: string, commentId: string) {
  return `/drafts/${encodeURIComponent(reference)}/c/${encodeURIComponent(commentId)}`;
}

/** The first `length` characters of a text, cut at a word and marked with an ellipsis. */
export function excerpt(text: string, length: number) {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(" ");
  return `${space > length * 0.6 ? cut.slice(0, space) : cut}…`;
}
