import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { BOM, csvLines, defuseCell } from "./csv";

describe("formula injection", () => {
  it.each([
    ["=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"],
    ["+33 6 12 34 56 78", "'+33 6 12 34 56 78"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["\0=1", "'\0=1"],
    ["\uFF1D1+1", "'\uFF1D1+1"],
    ["\uFF0B33", "'\uFF0B33"],
    ["\uFF0D1", "'\uFF0D1"],
    ["\uFF20SUM(A1)", "'\uFF20SUM(A1)"],
  ])("prefixes %j with an apostrophe", (input, expected) => {
    expect(defuseCell(input)).toBe(expected);
  });

  it("leaves ordinary cells alone, even with a dangerous character inside", () => {
    for (const value of ["Camille", "a=b", "1+1", "jean@example.fr", "", "'déjà"]) expect(defuseCell(value)).toBe(value);
  });

  it("still defuses a dangerous cell after CSV quoting, and a parser reads back the prefixed text", () => {
    const text = csvLines([["=1;2", "ok"]], ";");
    expect(text).toBe(`"'=1;2";ok\r\n`);
    expect(parse(text, { delimiter: ";" })).toEqual([["'=1;2", "ok"]]);
  });
});

describe("CSV lines", () => {
  const tricky = ["Dupont; fils", 'Le "meilleur"', "ligne 1\nligne 2", "a,b", "Élodie"];

  it("uses ';' by default-style and quotes as RFC 4180 says", () => {
    const text = csvLines([tricky], ";");
    expect(text).toBe(`"Dupont; fils";"Le ""meilleur""";"ligne 1\nligne 2";a,b;Élodie\r\n`);
    expect(parse(text, { delimiter: ";" })).toEqual([tricky]);
  });

  it("uses ',' when asked", () => {
    const text = csvLines([tricky], ",");
    expect(text).toBe(`Dupont; fils,"Le ""meilleur""","ligne 1\nligne 2","a,b",Élodie\r\n`);
    expect(parse(text, { delimiter: "," })).toEqual([tricky]);
  });

  it("ends every record with CRLF and writes nothing for no rows", () => {
    expect(csvLines([["a"], ["b"]], ";")).toBe("a\r\nb\r\n");
    expect(csvLines([], ";")).toBe("");
  });

  it("has a UTF-8 byte order mark to prepend", () => {
    expect(Buffer.from(BOM, "utf8")).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
