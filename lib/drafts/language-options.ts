import { getTranslations } from "next-intl/server";
import { draftLanguages } from "./schemas";

/** The languages a draft can be written in, named in the reader's language. */
export async function draftLanguageOptions() {
  const t = await getTranslations("languages");
  return draftLanguages.map((value) => ({ value, label: t(value) }));
}
