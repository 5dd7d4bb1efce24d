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

/** Link to the workspace's disposition worklist with the current filters, `over` replacing some of them. */
export function workspaceHref(reference: string, current: { theme?: string; open?: boolean }, over: Record<string, string | undefined> = {}) {
  const entries = Object.entries({ theme: current.theme, open: current.open ? "1" : undefined, page: undefined, ...over }).filter((e): e is [string, string] => !!e[1]);
  const qs = new URLSearchParams(entries).toString();
  return `/drafts/${encodeURIComponent(reference)}/workspace${qs ? `?${qs}` : ""}#dispositions`;
}
