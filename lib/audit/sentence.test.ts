import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import fr from "@/lib/i18n/messages/fr/audit.json";
import en from "@/lib/i18n/messages/en/audit.json";
import { auditSentence, type AuditLine } from "./sentence";
import { parseAuditFilters, auditFilterQuery } from "./filters";

const translator = (locale: "fr" | "en") => createTranslator({ locale, messages: { audit: locale === "fr" ? fr : en }, namespace: "audit" }) as unknown as Parameters<typeof auditSentence>[1];
const names = { people: new Map([["u1", "Camille"]]), campaigns: new Map([["c1", "Poêle à gagner"]]) };
const exportLine: AuditLine = { action: "export.csv", actorLabel: "camille@example.fr", userId: "u1", targetType: "campaign", targetId: "c1", details: JSON.stringify({ preset: "qualified-losers", rowCount: 124 }) };
// Intl puts no-break spaces in French punctuation: compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("audit sentences", () => {
  it("says who did what in the reader's language, from the stored codes", () => {
    expect(plain(auditSentence(exportLine, translator("fr"), names))).toBe("Camille a exporté 124 contacts : perdants qualifiés (« Poêle à gagner »)");
    expect(auditSentence(exportLine, translator("en"), names)).toBe("Camille exported 124 contacts: qualified losers (“Poêle à gagner”)");
    expect(auditSentence({ ...exportLine, details: JSON.stringify({ preset: "winners", rowCount: 1 }) }, translator("fr"), names)).toContain("1 contact :");
  });

  it("names actors that are not members, falls back to the address, and reads an unknown action as its code", () => {
    expect(auditSentence({ action: "retention.purge", actorLabel: "SYSTEM", userId: null, targetType: "", targetId: "", details: "{}" }, translator("fr"), names)).toBe(
      "système a purgé les données arrivées au terme de leur conservation",
    );
    expect(auditSentence({ ...exportLine, userId: "gone" }, translator("en"), names)).toMatch(/^camille@example\.fr exported/);
    expect(auditSentence({ ...exportLine, action: "something.new" }, translator("en"), names)).toBe("Camille: something.new");
    expect(auditSentence({ ...exportLine, details: "not json" }, translator("en"), names)).toContain("no contact");
  });

  it("has a sentence for every action code the app records, in French and in English", () => {
    for (const messages of [fr, en]) expect(Object.keys(messages.sentences).sort()).toEqual(Object.keys(fr.sentences).sort());
  });
});

describe("audit filters", () => {
  it("keeps valid filters and drops malformed ones instead of failing", () => {
    expect(parseAuditFilters({ action: "export.csv", person: "SYSTEM", from: "2026-12-01", to: "2026-12-31", page: "2" })).toEqual({ action: "export.csv", person: "SYSTEM", from: "2026-12-01", to: "2026-12-31", page: 2 });
    expect(parseAuditFilters({ action: "DROP TABLE", person: "a b", from: "hier", page: "-3" })).toEqual({ action: undefined, person: undefined, from: undefined, to: undefined, page: 0 });
    expect(auditFilterQuery(parseAuditFilters({ action: "export.csv", from: "", page: "4" }))).toBe("action=export.csv");
  });
});
