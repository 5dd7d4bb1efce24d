/**
 * The list of time zones people choose from, by their current IANA names.
 *
 * V8's ICU still reports some zones by names the IANA database renamed years ago
 * (`Intl.supportedValuesOf("timeZone")` lists "Asia/Calcutta" and "Europe/Kiev"; the IANA
 * `backward` file makes them links to "Asia/Kolkata" and "Europe/Kyiv"). Both names are accepted by
 * `Intl.DateTimeFormat`, so we show and store the current one.
 */

/** Old name → current IANA name, for the links ICU still reports as canonical (IANA tzdata `backward`). */
const renamed: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

function accepted(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The current IANA name of a zone ("Asia/Calcutta" → "Asia/Kolkata"); other names are returned unchanged. */
export function currentTimeZoneName(zone: string): string {
  const current = renamed[zone];
  return current && accepted(current) ? current : zone;
}

/**
 * The zones offered in a time-zone picker: `first` (a short list of common choices) in that order,
 * then every zone the runtime knows, alphabetically, each once and by its current IANA name.
 */
export function timeZoneOptions(first: readonly string[] = []): string[] {
  const rest = Intl.supportedValuesOf("timeZone").map(currentTimeZoneName).sort();
  return [...new Set([...first.map(currentTimeZoneName), ...rest])];
}
