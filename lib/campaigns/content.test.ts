import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { frenchIn } from "@/tests/architecture/french";
import { campaignTemplate, copyTitle, starterContent } from "./content";
import { LOCALES } from "./golden/cases";
import { TEMPLATE_IDS } from "./templates";

describe("the content written into a new campaign", () => {
  // golden/templates.json was written by templates.ts when its texts were `en ? … : …` pairs, before they
  // moved to lib/i18n/messages/*/content.json: every template reads word for word the same in both languages.
  const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "golden", "templates.json"), "utf8")) as Record<string, unknown>;
  for (const locale of LOCALES) {
    it(`writes each template as before the move, in ${locale}`, () => {
      for (const id of TEMPLATE_IDS) expect(campaignTemplate(id, locale, "Poêles Durand"), `${id}.${locale}`).toEqual(golden[`${id}.${locale}`]);
    });
  }

  it("writes English templates with no French word but the organisation's name", () => {
    for (const id of TEMPLATE_IDS) {
      const template = campaignTemplate(id, "en", "Stoves Ltd");
      const texts = [
        ...Object.values(template.settings).filter((v): v is string => typeof v === "string"),
        ...template.sections.flatMap((s) => [s.title, ...s.questions.flatMap((q) => [q.label, q.helpText ?? "", ...(q.options ?? []).map((o) => o.label)])]),
        ...template.purposes.map((p) => p.wording),
      ];
      expect(texts.filter((x) => frenchIn(x) !== null), id).toEqual([]);
    }
  });

  it("writes the starter form and a copy's title in the campaign's language", () => {
    expect(starterContent("fr", "Poêles Durand", true)).toEqual({
      sectionTitle: "Vos coordonnées",
      questions: [
        { type: "FIRST_NAME", label: "Prénom", required: true },
        { type: "EMAIL", label: "Adresse e-mail", required: true },
      ],
      recontactWording: "Recevoir les offres commerciales de Poêles Durand par e-mail",
    });
    expect(starterContent("en", "Stoves Ltd", false)).toEqual({
      sectionTitle: "Your details",
      questions: [
        { type: "FIRST_NAME", label: "First name", required: true },
        { type: "EMAIL", label: "E-mail address", required: false },
      ],
      recontactWording: "Receive offers from Stoves Ltd by e-mail",
    });
    expect(copyTitle("fr", "À dupliquer")).toBe("Copie de À dupliquer");
    expect(copyTitle("en", "Spring contest")).toBe("Copy of Spring contest");
  });
});
