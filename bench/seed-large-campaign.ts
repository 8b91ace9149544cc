// Seeds one campaign with many responses (100,000 by default) straight into an
// SQLite file: 10 closed questions (3 of them RFM-tagged), 2 open ones, views,
// contacts and consent records. Bulk inserts through better-sqlite3 prepared
// statements in one transaction per table — the bench measures the reading
// side, so seeding only has to be fast and realistic (SQLite-specific on purpose).
import crypto from "node:crypto";
import Database from "better-sqlite3";
import { segmentOf } from "@/lib/rfm/segments";
import { seededRandom } from "@/lib/wordcloud/prng";

/** Prisma's SQLite adapter writes DateTime as ISO text with "+00:00"; raw inserts must match it. */
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

type ClosedSpec = { type: "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "YES_NO" | "SCALE"; label: string; options?: string[]; rfm?: "R" | "F" | "M" };

const CLOSED: ClosedSpec[] = [
  { type: "SINGLE_CHOICE", label: "Mode de chauffage actuel", options: ["Bois", "Granulés", "Fioul", "Gaz", "Électrique", "Pompe à chaleur"] },
  { type: "SINGLE_CHOICE", label: "Vous êtes", options: ["Propriétaire", "Locataire"] },
  { type: "SINGLE_CHOICE", label: "Âge du logement", options: ["< 10 ans", "10–30 ans", "30–50 ans", "> 50 ans"] },
  { type: "SCALE", label: "Satisfaction de votre chauffage" },
  // Yes/no is stored as the text "yes" or "no", as the submission service does.
  { type: "YES_NO", label: "Projet de changement cette année ?" },
  { type: "MULTIPLE_CHOICE", label: "Critères importants", options: ["Prix", "Confort", "Écologie", "Design", "Autonomie"] },
  { type: "MULTIPLE_CHOICE", label: "Où nous avez-vous connus ?", options: ["Salon", "Magasin", "Internet", "Bouche-à-oreille"] },
  { type: "SINGLE_CHOICE", label: "Dernier achat de granulés", options: ["Ce mois-ci", "Ce trimestre", "Cette année", "L'an dernier", "Jamais"], rfm: "R" },
  { type: "SINGLE_CHOICE", label: "Fréquence d'achat", options: ["Chaque mois", "Chaque trimestre", "Deux fois par an", "Une fois par an", "Rarement"], rfm: "F" },
  { type: "SINGLE_CHOICE", label: "Budget chauffage annuel", options: ["> 2 000 €", "1 500–2 000 €", "1 000–1 500 €", "500–1 000 €", "< 500 €"], rfm: "M" },
];

const VOCABULARY = (
  "poêle granulés chaleur confort économies facture chauffage maison hiver salon flamme silence bruit entretien installation " +
  "prix devis aide prime rénovation écologie bois pellets autonomie programmation thermostat design fonte acier cheminée " +
  "livraison stock qualité service conseil garantie rendement consommation radiateur pompe isolation fenêtre grenier " +
  "température douceur ambiance famille enfants sécurité fumée ramonage réservoir télécommande application wifi"
).split(" ");
const GLUE = "je voudrais un le la les des du de et avec pour plus moins très pas qu'il l'été d'un j'aime c'est n'est".split(" ");

function sentence(rand: () => number): string {
  const words: string[] = [];
  const length = 4 + Math.floor(rand() * 10);
  for (let i = 0; i < length; i++) {
    // Skewed choice: a few words are frequent, most are rare — like real answers.
    words.push(rand() < 0.4 ? GLUE[Math.floor(rand() * GLUE.length)]! : VOCABULARY[Math.floor(rand() ** 2 * VOCABULARY.length)]!);
  }
  const text = words.join(" ");
  return text[0]!.toUpperCase() + text.slice(1) + (rand() < 0.5 ? "." : " !");
}

export type LargeCampaign = {
  organisationId: string;
  campaignId: string;
  openQuestionIds: string[];
  responses: number;
  answers: number;
  consentRecords: number;
  seconds: number;
};

/** Seeds the campaign into the (migrated) SQLite file and says how long it took. */
export function seedLargeCampaign(file: string, responses = 100_000, seed = 42): LargeCampaign {
  const started = performance.now();
  const rand = seededRandom(seed);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("cache_size = -262144"); // 256 MiB of page cache while seeding
  const now = Date.now();
  const opensAt = now - 30 * 86_400_000;
  const closesAt = now + 86_400_000;
  // Ordered ids (a random run prefix, then a counter): rows land at the end of
  // each primary-key index instead of at random places, which is what makes
  // bulk inserts fast. Real ids are cuids, which are time-ordered too.
  const run = crypto.randomBytes(4).toString("hex");
  let counter = 0;
  const uid = (prefix: string) => `${prefix}${run}${(counter++).toString(36).padStart(8, "0")}`;
  const organisationId = uid("org");
  const campaignId = uid("cmp");
  const sectionId = uid("sec");
  const questionIds: string[] = [];
  const optionIds: string[][] = [];
  const optionScores: (number | null)[][] = [];
  const openQuestionIds = [uid("qo"), uid("qo")];
  const purposes = [0, 1].map(() => ({ id: uid("pur"), versionId: uid("pv") }));
  let answers = 0;
  let consentRecords = 0;

  sqlite.transaction(() => {
    sqlite.prepare(`INSERT INTO "Organisation" (id, name, salt, updatedAt) VALUES (?, ?, ?, ?)`).run(organisationId, "Bench", "salt", iso(now));
    sqlite
      .prepare(
        `INSERT INTO "Campaign" (id, organisationId, kind, status, title, slug, opensAt, closesAt, retentionMonths, updatedAt, wordExclusions)
         VALUES (?, ?, 'CONTEST', 'PUBLISHED', ?, ?, ?, ?, 36, ?, ?)`,
      )
      .run(campaignId, organisationId, "Grand jeu poêles (bench)", `bench-${campaignId}`, iso(opensAt), iso(closesAt), iso(now), "poêle");
    sqlite.prepare(`INSERT INTO "Section" (id, campaignId, position) VALUES (?, ?, 0)`).run(sectionId, campaignId);
    const insertQuestion = sqlite.prepare(
      `INSERT INTO "Question" (id, campaignId, sectionId, position, type, label, rfmTag, validation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertOption = sqlite.prepare(`INSERT INTO "QuestionOption" (id, questionId, position, label, rfmScore) VALUES (?, ?, ?, ?, ?)`);
    CLOSED.forEach((spec, position) => {
      const id = uid("q");
      questionIds.push(id);
      insertQuestion.run(id, campaignId, sectionId, position, spec.type, spec.label, spec.rfm ?? null, spec.type === "SCALE" ? '{"min":1,"max":10}' : "{}");
      const ids: string[] = [];
      const scores: (number | null)[] = [];
      (spec.options ?? []).forEach((label, i) => {
        const optionId = uid("o");
        const score = spec.rfm ? 5 - i : null;
        insertOption.run(optionId, id, i, label, score);
        ids.push(optionId);
        scores.push(score);
      });
      optionIds.push(ids);
      optionScores.push(scores);
    });
    insertQuestion.run(openQuestionIds[0], campaignId, sectionId, 10, "LONG_TEXT", "Qu'attendez-vous de votre futur poêle ?", null, "{}");
    insertQuestion.run(openQuestionIds[1], campaignId, sectionId, 11, "SHORT_TEXT", "Un mot pour décrire votre maison idéale", null, "{}");
    purposes.forEach((p, i) => {
      sqlite.prepare(`INSERT INTO "Purpose" (id, campaignId, position, isRecontact) VALUES (?, ?, ?, ?)`).run(p.id, campaignId, i, i === 0 ? 1 : 0);
      sqlite
        .prepare(`INSERT INTO "PurposeVersion" (id, purposeId, version, wording, hash) VALUES (?, ?, 1, ?, ?)`)
        .run(p.versionId, p.id, i === 0 ? "Offres de la marque par e-mail" : "Offres des partenaires", `hash${i}`);
    });

    const sources = [
      ["qr", "print"],
      ["facebook", "social"],
      ["newsletter", "email"],
      ["", ""],
    ] as const;
    const insertView = sqlite.prepare(`INSERT INTO "ViewCount" (id, campaignId, hour, utmSource, count) VALUES (?, ?, ?, ?, ?)`);
    for (let hour = Math.floor(opensAt / 3_600_000) * 3_600_000; hour < now; hour += 3_600_000)
      for (const [source] of sources) insertView.run(uid("v"), campaignId, iso(hour), source, 20 + Math.floor(rand() * 40));

    const insertContact = sqlite.prepare(`INSERT INTO "Contact" (id, organisationId, email, emailConfirmedAt) VALUES (?, ?, ?, ?)`);
    const insertResponse = sqlite.prepare(
      `INSERT INTO "Response" (id, campaignId, contactId, status, dedupeKey, submittedAt, confirmedAt, utmSource, utmMedium, referrer, rScore, fScore, mScore, segment, data)
       VALUES (?, ?, ?, 'ACCEPTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
    );
    const insertAnswer = sqlite.prepare(
      `INSERT INTO "Answer" (id, responseId, campaignId, questionId, optionId, valueText, valueNumber) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertConsent = sqlite.prepare(
      `INSERT INTO "ConsentRecord" (id, organisationId, contactId, purposeId, purposeVersionId, wording, wordingHash, action, method, campaignId, responseId, createdAt)
       VALUES (?, ?, ?, ?, ?, 'w', 'h', ?, ?, ?, ?, ?)`,
    );
    const span = now - opensAt;
    for (let i = 0; i < responses; i++) {
      const contactId = uid("c");
      const responseId = uid("r");
      const email = `bench${i}@example.test`;
      const at = opensAt + Math.floor(rand() * span);
      const confirmed = rand() < 0.7;
      insertContact.run(contactId, organisationId, email, confirmed ? iso(at + 600_000) : null);
      const [source, medium] = sources[Math.floor(rand() * sources.length)]!;
      const referrer = source === "" && rand() < 0.5 ? "https://www.google.com/search?q=poele" : "";
      const scores: Record<string, number | null> = { R: null, F: null, M: null };
      const rows: [string, string | null, string | null, number | null][] = [];
      CLOSED.forEach((spec, q) => {
        // A few optional answers are skipped, RFM ones included (missing scores are part of the picture).
        if (rand() < 0.05) return;
        if (spec.type === "SCALE") rows.push([questionIds[q]!, null, null, 1 + Math.floor(rand() * 10)]);
        else if (spec.type === "YES_NO") rows.push([questionIds[q]!, null, rand() < 0.35 ? "yes" : "no", null]);
        else if (spec.type === "MULTIPLE_CHOICE") {
          optionIds[q]!.forEach((id) => rand() < 0.4 && rows.push([questionIds[q]!, id, null, null]));
        } else {
          const pick = Math.floor(rand() * optionIds[q]!.length);
          rows.push([questionIds[q]!, optionIds[q]![pick]!, null, null]);
          if (spec.rfm) scores[spec.rfm] = optionScores[q]![pick]!;
        }
      });
      rows.push([openQuestionIds[0]!, null, sentence(rand), null]);
      if (rand() < 0.8) rows.push([openQuestionIds[1]!, null, sentence(rand), null]);
      const segment = segmentOf({ r: scores.R!, f: scores.F!, m: scores.M! });
      insertResponse.run(responseId, campaignId, contactId, email, iso(at), confirmed ? iso(at + 600_000) : null, source, medium, referrer, scores.R, scores.F, scores.M, segment);
      for (const [questionId, optionId, text, number] of rows) insertAnswer.run(uid("a"), responseId, campaignId, questionId, optionId, text, number);
      answers += rows.length;
      purposes.forEach((p, k) => {
        if (rand() < (k === 0 ? 0.6 : 0.25)) {
          insertConsent.run(uid("cr"), organisationId, contactId, p.id, p.versionId, "GRANT", "CHECKBOX", campaignId, responseId, iso(at));
          consentRecords++;
          if (confirmed) {
            insertConsent.run(uid("cr"), organisationId, contactId, p.id, p.versionId, "CONFIRM", "DOUBLE_OPT_IN", campaignId, responseId, iso(at + 600_000));
            consentRecords++;
          }
          if (rand() < 0.03) {
            insertConsent.run(uid("cr"), organisationId, contactId, p.id, p.versionId, "WITHDRAW", "PREFERENCE_CENTRE", campaignId, responseId, iso(at + 86_400_000));
            consentRecords++;
          }
        }
      });
    }
  })();
  sqlite.pragma("optimize");
  sqlite.close();
  return { organisationId, campaignId, openQuestionIds, responses, answers, consentRecords, seconds: (performance.now() - started) / 1000 };
}
