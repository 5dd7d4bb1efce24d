/** Spreadsheet apps run cells starting with = + - @ (or tab/CR) as formulas: prefix them with '. */
export function neutraliseCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
