import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const read = (locale: string, ns: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "messages", locale, `${ns}.json`), "utf8"));

describe("wording a marketer found wrong", () => {
  it("says consent in French on a French page", () => {
    const fr = read("fr", "consent");
    expect(fr.current.confirmed).toBe("Consentement (adresse confirmée)");
    expect(fr.current.consenting).toBe("Consentement");
  });

  it("heads the members' column with a person's name, not the organisation's trade name", () => {
    expect(read("fr", "settings").memberName).toBe("Nom");
    expect(read("en", "settings").memberName).toBe("Name");
    const page = fs.readFileSync(path.join(import.meta.dirname, "../../app/(dashboard)/parametres/membres/page.tsx"), "utf8");
    expect(page).not.toContain('t("name")');
  });

  it("labels a first name as a first name on the lead page", () => {
    expect(read("fr", "leads").detail.firstName).toBe("Prénom");
    expect(read("fr", "leads").detail.lastName).toBe("Nom");
    const page = fs.readFileSync(path.join(import.meta.dirname, "../../app/(dashboard)/campagnes/[id]/leads/[responseId]/page.tsx"), "utf8");
    expect(page).toContain('t("detail.firstName")');
  });

  it("formats dates, numbers and percentages through lib/i18n/format.ts only (no hard-coded locale in pages and components)", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && /toLocaleString\(|"fr-FR"|\} %`/.test(fs.readFileSync(full, "utf8"))) offenders.push(full);
      }
    };
    for (const dir of ["app", "components"]) walk(path.join(import.meta.dirname, "../..", dir));
    expect(offenders).toEqual([]);
  });
});
