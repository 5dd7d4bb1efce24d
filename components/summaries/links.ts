/** Link to a comment where it is discussed (resolved to the right page of its thread). */
export function commentHref(reference: string, commentId: string) {
  return `/drafts/${encodeURIComponent(reference)}/c/${encodeURIComponent(commentId)}`;
}
