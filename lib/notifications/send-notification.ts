import "server-only";
import { publicBaseUrl } from "@/lib/api/base-url";
import { translatorFor } from "@/lib/i18n/translator";
import { contentBlock, emailDocument, escapeHtml as esc, isolateValues } from "@/lib/mail/email-html";
import type { Mail } from "@/lib/mail/send-mail";
import { renderDigest } from "./render-digest";
import { unsubscribeToken } from "./unsubscribe-token";

// "receipt": a contribution's tracking number (lib/receipts); "digest": a follower's daily or weekly digest.
export type NotificationKind = "reply" | "newVersion" | "closingSoon" | "closed" | "receipt" | "digest";
export const notificationKinds: readonly NotificationKind[] = ["reply", "newVersion", "closingSoon", "closed", "receipt", "digest"];

/**
 * One notification email in the recipient's language, with a link to the page and a one-click
 * unsubscribe link (also offered to mail clients as List-Unsubscribe). Rendered by the outbox worker
 * when it sends (lib/jobs/outbox.ts); `path` is the page's path on this site.
 */
export async function renderNotification({ user, kind, path, values: raw }: { user: { id: string; email: string; locale: string | null }; kind: NotificationKind; path: string; values: Record<string, string> }): Promise<Mail> {
  if (kind === "digest") return renderDigest({ user, values: raw });
  const { t, locale } = await translatorFor(user.locale, `notifications.${kind}`);
  // Titles and names keep their own direction inside the recipient's sentence.
  const values = { ...isolateValues(raw), excerpt: raw.excerpt ?? "" };
  const { t: common } = await translatorFor(user.locale, "notifications");
  const base = publicBaseUrl();
  const link = `${base}${path}`;
  const unsubscribe = `${base}/unsubscribe?u=${encodeURIComponent(user.id)}&t=${unsubscribeToken(user.id)}`;
  const intro = t("intro", values);
  const excerpt = values.excerpt ? `\n\n> ${values.excerpt.replace(/\n/g, "\n> ")}` : "";
  const text = `${intro}${excerpt}\n\n${link}\n\n${common("why")}\n${common("unsubscribe")}: ${unsubscribe}\n\n— Parley`;
  const html = emailDocument(
    locale,
    `<p>${esc(intro)}</p>${values.excerpt ? contentBlock(values.excerpt) : ""}<p><a href="${esc(link)}">${esc(t("action"))}</a></p><p style="color:#555">${esc(common("why"))}<br><a href="${esc(unsubscribe)}">${esc(common("unsubscribe"))}</a></p>`,
  );
  return {
    to: user.email,
    subject: t("subject", values),
    text,
    html,
    headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

