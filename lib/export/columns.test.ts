import { describe, expect, it } from "vitest";
import { FIXED_COLUMNS, defaultMapping, includedColumns, mappingProblem, resolveMapping } from "./columns";
import { exportFileName } from "./presets";
import { answerText, exportCells, type ExportSourceRow } from "./rows";

const questions = [
  { id: "q1", label: "Votre chauffage actuel" },
  { id: "q2", label: "Vos attentes" },
];

describe("column mapping", () => {
  it("defaults to every fixed column then one per question, headed by its label", () => {
    const mapping = defaultMapping(questions);
    expect(mapping.separator).toBe(";");
    expect(mapping.columns.map((c) => c.header)).toEqual([...FIXED_COLUMNS, "Votre chauffage actuel", "Vos attentes"]);
  });

  it("leaves identity questions out by default: their answers already are fixed columns", () => {
    const mapping = defaultMapping([...questions, { id: "q3", label: "Votre e-mail", type: "EMAIL" }, { id: "q4", label: "Budget", type: "SINGLE_CHOICE" }]);
    expect(mapping.columns.find((c) => c.key === "q:q3")).toMatchObject({ include: false });
    expect(mapping.columns.find((c) => c.key === "q:q4")).toMatchObject({ include: true });
  });

  it("keeps the remembered order, names and choices, drops deleted questions and appends new ones", () => {
    const stored = JSON.stringify({
      separator: ",",
      columns: [
        { key: "q:q2", header: "Attentes", include: true },
        { key: "email", header: "Email", include: true },
        { key: "q:gone", header: "Ancienne", include: true },
        { key: "phone", header: "phone", include: false },
      ],
    });
    const mapping = resolveMapping(stored, questions);
    expect(mapping.separator).toBe(",");
    expect(mapping.columns.slice(0, 3)).toEqual([
      { key: "q:q2", header: "Attentes", include: true },
      { key: "email", header: "Email", include: true },
      { key: "phone", header: "phone", include: false },
    ]);
    expect(mapping.columns.map((c) => c.key)).not.toContain("q:gone");
    expect(mapping.columns.map((c) => c.key)).toContain("q:q1");
    expect(mapping.columns).toHaveLength(FIXED_COLUMNS.length + 2);
  });

  it("falls back to the default on nothing or garbage", () => {
    expect(resolveMapping("", questions)).toEqual(defaultMapping(questions));
    expect(resolveMapping("{\"columns\":3}", questions)).toEqual(defaultMapping(questions));
  });

  it("refuses an export with no column or two identical headers", () => {
    const mapping = defaultMapping(questions);
    expect(mappingProblem(mapping)).toBeNull();
    expect(mappingProblem({ ...mapping, columns: mapping.columns.map((c) => ({ ...c, include: false })) })).toBe("noColumn");
    const dup = { ...mapping, columns: mapping.columns.map((c) => (c.key === "phone" ? { ...c, header: "EMAIL" } : c)) };
    expect(mappingProblem(dup)).toBe("duplicateHeader");
  });
});

describe("rows", () => {
  const row: ExportSourceRow = {
    responseId: "r1",
    email: "camille@example.fr",
    firstName: "Camille",
    lastName: "Martin",
    phone: "+33612345678",
    postalCode: "69003",
    consentDate: new Date("2026-11-02T09:30:00Z"),
    consentSource: "demo-poele-granules · qr",
    rScore: 5,
    fScore: 4,
    mScore: null,
    segment: "CHAMPIONS",
    data: JSON.stringify({ q1: "opt-granules", q2: "Moins cher" }),
  };
  const options = new Map([["opt-granules", "Poêle à granulés"]]);
  const words = { yes: "oui", no: "non", segments: new Map([["CHAMPIONS", "Champions"]]) };

  it("writes the chosen columns in order, typed: phone and postal code as codes, the consent date as an instant, scores as numbers", () => {
    const columns = includedColumns(defaultMapping(questions));
    expect(exportCells(row, columns, "Offres de la marque", options, words)).toEqual([
      "camille@example.fr",
      "Camille",
      "Martin",
      { code: "+33612345678" },
      { code: "69003" },
      "Offres de la marque",
      { at: new Date("2026-11-02T09:30:00Z") },
      "demo-poele-granules · qr",
      5,
      4,
      null,
      "Champions",
      "Poêle à granulés",
      "Moins cher",
    ]);
  });

  it("has a yes/no column per purpose: yes only where the consent counts now", () => {
    const mapping = defaultMapping(questions, [{ id: "pA" }, { id: "pB" }]);
    const purposeColumns = mapping.columns.filter((c) => c.key.startsWith("p:"));
    expect(purposeColumns.map((c) => [c.key, c.header])).toEqual([
      ["p:pA", "consent_1"],
      ["p:pB", "consent_2"],
    ]);
    expect(exportCells({ ...row, consentsTo: new Set(["pB"]) }, purposeColumns, "", options, words)).toEqual(["non", "oui"]);
    // A purpose added to the campaign later is appended to a remembered mapping.
    const remembered = JSON.stringify(defaultMapping(questions, [{ id: "pA" }]));
    expect(resolveMapping(remembered, questions, [{ id: "pA" }, { id: "pB" }]).columns.at(-1)!.key).toBe("p:pB");
  });

  it("renders several choices, yes/no and numbers", () => {
    expect(answerText(["opt-granules", "x"], options, words)).toBe("Poêle à granulés | x");
    expect(answerText(true, options, words)).toBe("oui");
    expect(answerText(7, options, words)).toBe("7");
    expect(answerText({ optionId: "opt-granules" }, options, words)).toBe("Poêle à granulés");
    expect(answerText(undefined, options, words)).toBe("");
  });
});

describe("file name", () => {
  it("is <slug>-<preset>-<date>.csv with the date in Paris", () => {
    expect(exportFileName("demo-poele-granules", "qualified-losers", new Date("2026-11-23T23:30:00Z"))).toBe(
      "demo-poele-granules-qualified-losers-2026-11-24.csv",
    );
  });
});
