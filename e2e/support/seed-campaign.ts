import crypto from "node:crypto";
import type Database from "better-sqlite3";
import { QUESTION_TYPES, type QuestionType } from "@/lib/campaigns/kinds";
import { DEMO_SLUG } from "../campaign-helpers";

/** Prisma's storage of dates in SQLite (ISO, UTC offset). */
export const sqlDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
const id = (prefix: string) => `${prefix}${crypto.randomBytes(10).toString("hex")}`;

/**
 * A published survey of the demo organisation with one OPTIONAL question of
 * every type (choice questions get two options), written straight into the
 * e2e database: a copy of the demo contest's row with its own questions and
 * no purposes. Returns its slug and the question ids by type.
 */
export function seedEveryOptionalQuestion(db: Database.Database, locale: "fr" | "en"): { slug: string; questionIds: Record<QuestionType, string> } {
  const demo = db.prepare(`SELECT * FROM "Campaign" WHERE slug = ?`).get(DEMO_SLUG) as Record<string, unknown>;
  const campaignId = id("c");
  const slug = `toutes-optionnelles-${locale}-${crypto.randomBytes(4).toString("hex")}`;
  const now = sqlDate(new Date());
  const row = { ...demo, id: campaignId, slug, title: `Every type, optional (${locale})`, kind: "SURVEY", locale, minimumAge: null, createdAt: now, updatedAt: now, logoPath: null };
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO "Campaign" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`).run(...columns.map((c) => row[c as keyof typeof row]));
  const sectionId = id("s");
  db.prepare(`INSERT INTO "Section" (id, campaignId, position, title) VALUES (?, ?, 0, '')`).run(sectionId, campaignId);
  const questionIds = {} as Record<QuestionType, string>;
  QUESTION_TYPES.forEach((type, position) => {
    const questionId = id("q");
    questionIds[type] = questionId;
    db.prepare(`INSERT INTO "Question" (id, campaignId, sectionId, position, type, label, helpText, required, validation) VALUES (?, ?, ?, ?, ?, ?, '', 0, '{}')`).run(
      questionId,
      campaignId,
      sectionId,
      position,
      type,
      `Question ${type}`,
    );
    if (type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE") {
      ["Un", "Deux"].forEach((label, i) => db.prepare(`INSERT INTO "QuestionOption" (id, questionId, position, label) VALUES (?, ?, ?, ?)`).run(id("o"), questionId, i, `${label} ${type}`));
    }
  });
  return { slug, questionIds };
}
