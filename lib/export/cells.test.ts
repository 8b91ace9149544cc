import { describe, expect, it } from "vitest";
import { csvText, xlsxValue } from "./cells";

describe("export cells", () => {
  it("writes a code so Excel keeps it as text in a spreadsheet CSV, plainly for a CRM", () => {
    expect(csvText({ code: "0612345678" }, "Europe/Paris", "spreadsheet")).toBe('="0612345678"');
    expect(csvText({ code: "01000" }, "Europe/Paris", "spreadsheet")).toBe('="01000"');
    expect(csvText({ code: "+33 6 12 34 56 78" }, "Europe/Paris", "spreadsheet")).toBe('="+33 6 12 34 56 78"');
    expect(csvText({ code: "0612345678" }, "Europe/Paris", "crm")).toBe("0612345678");
  });

  it("never wraps a code that is not numeric-looking: a formula or a quote is defused like any text", () => {
    expect(csvText({ code: '=1+1"' }, "Europe/Paris", "spreadsheet")).toBe("'=1+1\"");
    expect(csvText({ code: "+33=cmd" }, "Europe/Paris", "spreadsheet")).toBe("'+33=cmd");
    expect(csvText("=HYPERLINK()", "Europe/Paris", "spreadsheet")).toBe("'=HYPERLINK()");
  });

  it("writes instants as the campaign's wall-clock time, in CSV and in XLSX", () => {
    const instant = { at: new Date("2026-07-01T22:15:09Z") };
    expect(csvText(instant, "Europe/Paris", "crm")).toBe("2026-07-02 00:15:09");
    expect(csvText(instant, "America/Montreal", "crm")).toBe("2026-07-01 18:15:09");
    expect((xlsxValue(instant, "Europe/Paris") as Date).toISOString()).toBe("2026-07-02T00:15:09.000Z");
  });

  it("keeps codes as strings and numbers as numbers in XLSX", () => {
    expect(xlsxValue({ code: "01000" }, "Europe/Paris")).toBe("01000");
    expect(xlsxValue(5, "Europe/Paris")).toBe(5);
    expect(xlsxValue(null, "Europe/Paris")).toBeNull();
  });
});
