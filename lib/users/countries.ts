import countries from "i18n-iso-countries";

/** ISO 3166-1 alpha-2 codes, from i18n-iso-countries (kept current by its maintainers). */
export const countryCodes: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

const codeSet = new Set(countryCodes);
export function isCountryCode(value: string): boolean {
  return codeSet.has(value);
}

/** Country names in the reader's language, from the runtime's own CLDR data (Intl.DisplayNames). */
export function countryOptions(locale: string): Array<{ code: string; name: string }> {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const collator = new Intl.Collator(locale);
  return countryCodes
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export function countryName(code: string | null | undefined, locale: string): string | null {
  if (!code) return null;
  return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
}
