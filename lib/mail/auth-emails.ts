import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { translatorFor } from "@/lib/i18n/translator";
import { enqueueEmail, wakeOutbox } from "@/lib/jobs/outbox";
import { emailDocument, escapeHtml } from "./email-html";
import type { Mail } from "./send-mail";

export type AuthEmailKind = "verifyEmail" | "resetPassword" | "magicLink";
export const authEmailKinds: readonly AuthEmailKind[] = ["verifyEmail", "resetPassword", "magicLink"];

/**
 * Queues an account email (verification, password reset, sign-in link) in the outbox; the worker
 * sends it within a second or so, retrying with backoff if the mail server is down. Pass `tx` to
 * queue it in the transaction that issued the token (the email then exists exactly when the token
 * does); without it, it is committed on its own. The link is erased from the outbox once sent.
 */
export async function sendAuthEmail(kind: AuthEmailKind, to: string, url: string, locale?: string | null, tx?: Prisma.TransactionClient): Promise<void> {
  await enqueueEmail(tx ?? prisma, { kind, to, locale: locale ?? null, values: { url } });
  if (!tx) wakeOutbox();
}

/** The three account emails share one layout: greeting, why, the link, and what to do if unexpected. */
export async function renderAuthEmail(kind: AuthEmailKind, to: string, url: string, locale?: string | null): Promise<Mail> {
  const { t, locale: chosen } = await translatorFor(locale, `emails.${kind}`);
  const { t: common } = await translatorFor(locale, "emails");
  const text = `${t("intro")}\n\n${url}\n\n${t("expiry")}\n\n${common("ignore")}\n\n— Parley`;
  const html = emailDocument(chosen, `<p>${escapeHtml(t("intro"))}</p><p><a href="${escapeHtml(url)}">${escapeHtml(t("action"))}</a></p><p>${escapeHtml(t("expiry"))}</p><p>${escapeHtml(common("ignore"))}</p><p>— Parley</p>`);
  return { to, subject: t("subject"), text, html };
}

