import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["lib", "app", "scripts", "components", "bench"];
const MUTATIONS = /consentRecord\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b|(UPDATE|DELETE\s+FROM)\s+"?ConsentRecord"?/;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// The erasure update (blank metadata, tie to the suppression hash) lives in this one file; the trigger allows nothing else.
const ERASURE_MODULE = path.join("lib", "consent", "ledger-erasure.ts");

describe("the consent ledger is append-only in code too", () => {
  it("no application code updates or deletes a ConsentRecord, except the erasure module (the database triggers refuse it anyway)", () => {
    const offenders = ROOTS.flatMap(sourceFiles).filter((file) => file !== ERASURE_MODULE && MUTATIONS.test(fs.readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("the erasure module only updates, never deletes", () => {
    const source = fs.readFileSync(ERASURE_MODULE, "utf8");
    expect(source).not.toMatch(/consentRecord\s*\.\s*(delete|deleteMany|upsert)\b|DELETE\s+FROM/);
  });
});
