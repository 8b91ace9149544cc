import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvLines, defuseCell, type Separator } from "@/lib/export/csv";

const cell = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }).filter((s) => !s.includes("\u0000")),
  fc.constantFrom("=1+1", "+33 6", "-2", "@SUM(A1)", "\tx", "\rx", "a;b", 'a"b', "a,b", "ligne\r\nsuivante", "é à ç"),
);

describe("CSV writer under arbitrary cells (property)", () => {
  it("round-trips through a CSV parser, with every dangerous cell defused", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.constantFrom<Separator>(";", ","), (rows, separator) => {
        const text = csvLines(rows, separator);
        const parsed = parse(text, { delimiter: separator, record_delimiter: "\r\n", relax_column_count: false }) as string[][];
        expect(parsed).toEqual(rows.map((r) => r.map(defuseCell)));
        for (const row of parsed) for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r\0]/);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
