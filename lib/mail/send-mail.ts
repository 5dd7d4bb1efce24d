import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

let transporter: Transporter | undefined;

/**
 * Sends through SMTP_URL (throws if the server refuses or does not answer within 30 s). Without it (a
 * demo or development machine) the message, with its link, goes to the server log instead, so
 * sign-in still works with nothing configured. Only the outbox worker calls this (lib/jobs/outbox.ts).
 */
export async function sendMail(mail: Mail): Promise<void> {
  if (!env.SMTP_URL) {
    console.info(`[mail] SMTP_URL is not set; this email was not sent.\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    return;
  }
  transporter ??= nodemailer.createTransport({ url: env.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  await transporter.sendMail({ from: env.MAIL_FROM, ...mail });
}
