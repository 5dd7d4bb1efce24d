import "server-only";
import { translatorFor } from "@/lib/i18n/translator";
import { sendMail } from "./send-mail";

type Kind = "verifyEmail" | "resetPassword" | "magicLink";

/** The three account emails share one layout: greeting, why, the link, and what to do if unexpected. */
export async function sendAuthEmail(kind: Kind, to: string, url: string, locale?: string | null): Promise<void> {
  const { t } = await translatorFor(locale, `emails.${kind}`);
  const { t: common } = await translatorFor(locale, "emails");
  const text = `${t("intro")}\n\n${url}\n\n${t("expiry")}\n\n${common("ignore")}\n\n— Parley`;
  const html = `<p>${escapeHtml(t("intro"))}</p><p><a href="${escapeHtml(url)}">${escapeHtml(t("action"))}</a></p><p>${escapeHtml(t("expiry"))}</p><p>${escapeHtml(common("ignore"))}</p><p>— Parley</p>`;
  await sendMail({ to, subject: t("subject"), text, html });
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
