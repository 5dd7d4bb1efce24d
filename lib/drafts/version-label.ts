/** IETF-style version suffix: GDPF-RFC-2026-004 version 1 → "GDPF-RFC-2026-004-01". */
export function versionSuffix(number: number): string {
  return String(number).padStart(2, "0");
}
export function versionLabel(reference: string, number: number): string {
  return `${reference}-${versionSuffix(number)}`;
}
