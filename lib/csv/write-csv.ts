import { stringify } from "csv-stringify/sync";

/** A cell value: numbers are written as they are (a negative number is data, not a formula). */
export type CsvCell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheet apps run a text cell starting with = + - @ tab or CR as a formula (CSV injection, OWASP):
 * such a cell gets a leading single quote. Numbers are not touched, so -1 stays a number.
 */
export function neutraliseCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = value instanceof Date ? value.toISOString() : value;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The one CSV writer of every export: RFC 4180 quoting by csv-stringify, CRLF line ends, a UTF-8 byte
 * order mark (so spreadsheet apps read accents, Arabic and Chinese right) and formula neutralisation on
 * every text cell. `header`: column names; `records`: one array of cells per row, in header order.
 * Returns the whole file as a string (BOM included).
 */
export function writeCsv(header: readonly string[], records: Iterable<readonly CsvCell[]>): string {
  return csvChunk([header, ...records], { first: true });
}

/**
 * Part of a CSV file written in pages (large exports stream): the same quoting, neutralisation and
 * line ends as `writeCsv`; `first` puts the UTF-8 byte order mark in front (the first chunk, which
 * carries the header row).
 */
export function csvChunk(records: Iterable<readonly CsvCell[]>, options: { first: boolean }): string {
  const rows: (string | number)[][] = [];
  for (const r of records) rows.push(r.map(neutraliseCell));
  return stringify(rows, { bom: options.first, record_delimiter: "windows", cast: { number: (n) => String(n) } });
}
