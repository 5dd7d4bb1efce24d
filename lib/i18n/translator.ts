import "server-only";
import { createTranslator } from "next-intl";
import { isLocale, defaultLocale, type Locale } from "./config";

/** A translator outside a request (emails), for a user's stored locale. */
export async function translatorFor(locale: string | null | undefined, namespace: string) {
  const chosen: Locale = isLocale(locale) ? locale : defaultLocale;
  const messages = (await import(`./messages/${chosen}.json`)).default;
  return { locale: chosen, t: createTranslator({ locale: chosen, messages, namespace: namespace as never }) };
}
