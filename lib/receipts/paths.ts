/** Where a contribution can be seen on this site (a path, no origin). */
export function contributionPath(c: { type: "comment" | "reply" | "vote" | "position" | "surveyAnswer"; reference: string | null; anchor?: string | null; commentId?: string | null; slug?: string | null }): string {
  if (c.type === "surveyAnswer") return c.slug ? `/s/${encodeURIComponent(c.slug)}` : "/";
  const base = `/drafts/${encodeURIComponent(c.reference ?? "")}`;
  if (c.type === "position") return `${base}#positions`;
  return `${base}/p/${c.anchor ? encodeURIComponent(c.anchor) : "general"}${c.commentId ? `#comment-${c.commentId}` : ""}`;
}

/** The public receipt page of a tracking number. */
export function receiptPath(trackingNumber: string): string {
  return `/receipts/${encodeURIComponent(trackingNumber)}`;
}
