import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { neutraliseCell, writeCsv } from "./write-csv";

describe("writeCsv", () => {
  it("starts with a UTF-8 BOM, quotes what needs quoting and reads back to the same cells", () => {
    const csv = writeCsv(["id", "text"], [
      [1, 'A "quoted", multi-line\ncomment'],
      [2, "مشروع القرار · 草案"],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows).toEqual([
      ["id", "text"],
      ["1", 'A "quoted", multi-line\ncomment'],
      ["2", "مشروع القرار · 草案"],
    ]);
  });

  it("neutralises formula cells in every column, header included, but not numbers", () => {
    const csv = writeCsv(["=HYPERLINK(\"x\")", "b"], [["=1+1", "+cmd", "-2", "@SUM(A1)", "\tx", "\rx", -1, "safe", null]]);
    const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
    expect(rows[0]).toEqual(["'=HYPERLINK(\"x\")", "b"]);
    expect(rows[1]).toEqual(["'=1+1", "'+cmd", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "-1", "safe", ""]);
  });

  it("writes dates as ISO 8601 and booleans as words", () => {
    expect(neutraliseCell(new Date("2024-01-02T03:04:05Z"))).toBe("2024-01-02T03:04:05.000Z");
    expect(neutraliseCell(true)).toBe("true");
    expect(neutraliseCell(Number.NaN)).toBe("");
  });
});
