import path from "node:path";
import Database from "better-sqlite3";
import type { FormDefinition, FormQuestion } from "@/lib/submission/form-definition";

/** The e2e app's SQLite file, opened read-mostly by tests to check what was (not) written. */
export function openE2eDb(dataDir = process.env.AIMANT_DATA_DIR ?? ".e2e-data"): Database.Database {
  const db = new Database(path.join(dataDir, "aimant.db"));
  db.pragma("busy_timeout = 10000");
  return db;
}

/** Row counts of the tables a submission writes, to prove a refused request wrote nothing. */
export function submissionFootprint(db: Database.Database): Record<string, number> {
  const tables = ["Response", "Answer", "Contact", "ConsentRecord", "OptInToken", "OutboxMail"];
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
}

/** The public definition of a campaign, read straight from the database. */
export function formDefinitionFromDb(db: Database.Database, slug: string): FormDefinition {
  const c = db.prepare(`SELECT id, slug, kind, locale, minimumAge, ageCheck, minorPolicy FROM "Campaign" WHERE slug = ?`).get(slug) as Omit<FormDefinition, "sections" | "purposes">;
  const sections = db.prepare(`SELECT id, title FROM "Section" WHERE campaignId = ? ORDER BY position`).all(c.id) as Array<{ id: string; title: string }>;
  const questions = db.prepare(`SELECT id, sectionId, type, label, helpText, required, validation FROM "Question" WHERE campaignId = ? ORDER BY position`).all(c.id) as Array<
    Omit<FormQuestion, "options" | "validation" | "required"> & { sectionId: string; validation: string; required: number }
  >;
  const options = db.prepare(`SELECT o.id, o.label, o.questionId FROM "QuestionOption" o JOIN "Question" q ON q.id = o.questionId WHERE q.campaignId = ? ORDER BY o.position`).all(c.id) as Array<{
    id: string;
    label: string;
    questionId: string;
  }>;
  const purposes = db
    .prepare(
      `SELECT p.id, v.wording FROM "Purpose" p JOIN "PurposeVersion" v ON v.purposeId = p.id
       WHERE p.campaignId = ? AND v.version = (SELECT MAX(version) FROM "PurposeVersion" WHERE purposeId = p.id) ORDER BY p.position`,
    )
    .all(c.id) as Array<{ id: string; wording: string }>;
  return {
    ...c,
    locale: c.locale === "en" ? "en" : "fr",
    purposes,
    sections: sections.map((s) => ({
      ...s,
      questions: questions
        .filter((q) => q.sectionId === s.id)
        .map((q) => ({
          id: q.id,
          type: q.type,
          label: q.label,
          helpText: q.helpText,
          required: Boolean(q.required),
          validation: JSON.parse(q.validation || "{}"),
          options: options.filter((o) => o.questionId === q.id).map(({ id, label }) => ({ id, label })),
        })),
    })),
  };
}
