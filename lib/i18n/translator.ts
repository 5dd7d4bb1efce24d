import "server-only";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { isLocale, defaultLocale, type Locale } from "./config";
import { loadMessages } from "./load-messages";

type Values = Record<string, string | number | Date>;

/** A translator outside a request (emails), for a user's stored locale. */
export async function translatorFor(locale: string | null | undefined, namespace: string) {
  const chosen: Locale = isLocale(locale) ? locale : defaultLocale;
  const messages = (await loadMessages(chosen)) as unknown as AbstractIntlMessages;
  const translate = createTranslator({ locale: chosen, messages, namespace });
  const t = (key: string, values?: Values): string => (translate as unknown as (k: string, v?: Values) => string)(key, values);
  return { locale: chosen, t };
}
