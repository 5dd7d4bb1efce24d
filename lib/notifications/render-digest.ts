import "server-only";
import { publicBaseUrl } from "@/lib/api/base-url";
import { translatorFor } from "@/lib/i18n/translator";
import { contentBlock, emailDocument, escapeHtml as esc, isolateValues } from "@/lib/mail/email-html";
import type { Mail } from "@/lib/mail/send-mail";
import { unfollowToken } from "./unsubscribe-token";

type Item = { kind: string; at: string; values: Record<string, string> };

/** Items listed in one email; the rest are counted ("and 3 more on the draft page"). */
const MAX_LISTED = 50;

/**
 * A digest email (daily or weekly) for one follower and one draft, in the recipient's language
 * and direction: one entry per item with its date (UTC) and a link, quoted comments in their own
 * direction, and a one-click link that stops following the draft (also as List-Unsubscribe).
 * `values` as queued by runDigests: title, reference, draftId, frequency, items (a JSON array).
 */
export async function renderDigest({ user, values }: { user: { id: string; email: string; locale: string | null }; values: Record<string, string> }): Promise<Mail> {
  const { t, locale } = await translatorFor(user.locale, "digests.email");
  const items = (JSON.parse(values.items ?? "[]") as Item[]).slice().sort((a, b) => a.at.localeCompare(b.at));
  const base = publicBaseUrl();
  const draftLink = `${base}/drafts/${encodeURIComponent(values.reference ?? "")}`;
  const unsubscribe = `${base}/unsubscribe?u=${encodeURIComponent(user.id)}&d=${encodeURIComponent(values.draftId ?? "")}&t=${unfollowToken(user.id, values.draftId ?? "")}`;
  const manage = `${base}/notifications`;
  const head = isolateValues({ title: values.title ?? "", reference: values.reference ?? "" });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

  const entries = items.slice(0, MAX_LISTED).map((item) => {
    const v = isolateValues({ version: item.values.version ?? "", name: item.values.name ?? "" });
    const sentence =
      item.kind === "newVersion" ? t("newVersion", { version: v.version! })
      : item.kind === "reply" ? t("reply", { name: v.name || "none" })
      : item.kind === "officialReply" ? t("officialReply")
      : t("closingSoon");
    const link = `${base}${item.values.path ?? `/drafts/${encodeURIComponent(values.reference ?? "")}`}`;
    return { when: t("when", { date: dates.format(new Date(item.at)) }), sentence, excerpt: item.values.excerpt ?? "", link };
  });
  const more = items.length > MAX_LISTED ? t("more", { count: items.length - MAX_LISTED }) : "";
  const intro = t("intro", { count: items.length, title: head.title!, reference: head.reference! });

  const text = [
    intro,
    ...entries.map((e) => `• ${e.when}: ${e.sentence}${e.excerpt ? `\n  > ${e.excerpt.replace(/\n/g, "\n  > ")}` : ""}\n  ${e.link}`),
    ...(more ? [more] : []),
    `${t("action")}: ${draftLink}`,
    `${t("why")}\n${t("manage")}: ${manage}\n${t("unsubscribe")}: ${unsubscribe}`,
    "— Parley",
  ].join("\n\n");
  const html = emailDocument(
    locale,
    `<p>${esc(intro)}</p><ul>${entries
      .map((e) => `<li><p><small>${esc(e.when)}</small><br>${esc(e.sentence)}</p>${e.excerpt ? contentBlock(e.excerpt) : ""}<p><a href="${esc(e.link)}">${esc(t("open"))}</a></p></li>`)
      .join("")}</ul>${more ? `<p>${esc(more)}</p>` : ""}<p><a href="${esc(draftLink)}">${esc(t("action"))}</a></p><p style="color:#555">${esc(t("why"))}<br><a href="${esc(manage)}">${esc(t("manage"))}</a><br><a href="${esc(unsubscribe)}">${esc(t("unsubscribe"))}</a></p>`,
  );
  return {
    to: user.email,
    subject: t("subject", { frequency: values.frequency ?? "DAILY", title: head.title! }),
    text,
    html,
    headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
