// The demo contest of `npm run demo` (and of the e2e runs): a heating-stove
// contest opened 10 days ago, closing in 20 days, with ~300 realistic entries
// recorded through the real submission service, ~70 % of them confirmed and a
// few later withdrawals. Idempotent: a second run finds the contest and stops.
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { campaignDefinitionSchema, type CampaignDefinitionInput } from "@/lib/campaigns/definition";
import { createCampaign, publishCampaign, saveCampaignDefinition, getBuilderData } from "@/lib/campaigns/queries";
import { toZonedInput } from "@/lib/time-zone";
import { recordConsents, type ConsentInput } from "@/lib/consent/ledger";
import { submitResponse } from "@/lib/submission/submit";
import { refreshProfilingScores } from "@/lib/rfm/queries";
import { seedKidsCampaign } from "./demo-kids";
import type { Member } from "@/lib/auth/session";
import { isRole } from "@/lib/auth/roles";

export const DEMO_SLUG = "demo-poele-granules";
/** The demo contest's own title, not the pellet-stove template's (pages that must not show it can then look for it anywhere). */
export const DEMO_TITLE = "Tentez de gagner le poêle Durand Flamme 8 kW";
const DAY = 86_400_000;
const ENTRIES = 300;

/** A small seeded PRNG (mulberry32): the same demo data on every machine. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const choice = (labels: string[], scores?: number[]) => labels.map((label, i) => ({ label, rfmScore: scores ? String(scores[i]) : "" }));

function definition(base: CampaignDefinitionInput, orgName: string, opensAt: Date, closesAt: Date): CampaignDefinitionInput {
  return {
    ...base,
    slug: DEMO_SLUG,
    title: DEMO_TITLE,
    description:
      "Répondez à quelques questions sur votre chauffage et tentez de gagner un poêle à granulés posé chez vous. Moins d'une minute, participation gratuite.",
    opensAt: toZonedInput(opensAt, "Europe/Paris"),
    closesAt: toZonedInput(closesAt, "Europe/Paris"),
    prize: "Un poêle à granulés Durand Flamme 8 kW, pose comprise (valeur 3 490 € TTC)",
    winnersCount: 1,
    alternatesCount: 2,
    rulesDepositedWith: "Maître Lefèvre, commissaire de justice à Lyon",
    rulesText: [
      `Article 1 — ${orgName} organise un jeu gratuit sans obligation d'achat, du ${opensAt.toLocaleDateString("fr-FR")} au ${closesAt.toLocaleDateString("fr-FR")}.`,
      "Article 2 — Le jeu est ouvert à toute personne majeure résidant en France métropolitaine. Une seule participation par adresse e-mail.",
      "Article 3 — Un gagnant et deux suppléants sont tirés au sort parmi les participations dont l'adresse e-mail a été confirmée.",
      "Article 4 — Le lot est un poêle à granulés Durand Flamme 8 kW, pose comprise, d'une valeur de 3 490 € TTC. Il ne peut être échangé contre sa valeur en espèces.",
      "Article 5 — Le règlement est déposé auprès de Maître Lefèvre, commissaire de justice à Lyon, et consultable gratuitement sur cette page.",
    ].join("\n\n"),
    minimumAge: "18",
    ageCheck: "DECLARATION",
    recipients: "Les équipes commerciales de Poêles Durand et son prestataire d'envoi d'e-mails. Les partenaires ne reçoivent vos coordonnées que si vous cochez la case correspondante.",
    partners: "Chauffage Rhône Installation SARL (installateur)\nGranulés des Monts du Lyonnais SAS (fournisseur de granulés)",
    sections: [
      {
        title: "Votre logement",
        questions: [
          {
            type: "SINGLE_CHOICE",
            label: "Quel est votre mode de chauffage principal ?",
            required: true,
            options: choice(["Poêle ou insert à bois", "Poêle à granulés", "Chaudière fioul", "Chaudière gaz", "Pompe à chaleur", "Radiateurs électriques"]),
          },
          { type: "SINGLE_CHOICE", label: "Êtes-vous propriétaire ou locataire ?", required: true, options: choice(["Propriétaire", "Locataire"]) },
          { type: "SINGLE_CHOICE", label: "De quand date votre logement ?", required: false, options: choice(["Avant 1975", "1975 à 2000", "2000 à 2012", "Après 2012"]) },
          { type: "SCALE", label: "Êtes-vous satisfait de votre chauffage actuel ?", helpText: "1 = pas du tout, 10 = tout à fait", required: true },
          { type: "LONG_TEXT", label: "Qu'attendez-vous d'un nouveau mode de chauffage ?", required: false, validation: { maxLength: 1000 } },
        ],
      },
      {
        title: "Vos habitudes",
        questions: [
          {
            type: "SINGLE_CHOICE",
            label: "À quand remonte votre dernier achat de bois ou de granulés ?",
            required: true,
            rfmTag: "R",
            options: choice(["Moins d'un mois", "1 à 6 mois", "6 à 12 mois", "Plus d'un an", "Jamais"], [5, 4, 3, 2, 1]),
          },
          {
            type: "SINGLE_CHOICE",
            label: "À quelle fréquence en achetez-vous ?",
            required: true,
            rfmTag: "F",
            options: choice(["Plusieurs fois par mois", "Une fois par mois", "Quelques fois par an", "Une fois par an", "Jamais"], [5, 4, 3, 2, 1]),
          },
          {
            type: "SINGLE_CHOICE",
            label: "Quel est votre budget de chauffage annuel ?",
            required: true,
            rfmTag: "M",
            options: choice(["Plus de 2 000 €", "1 500 à 2 000 €", "1 000 à 1 500 €", "500 à 1 000 €", "Moins de 500 €"], [5, 4, 3, 2, 1]),
          },
        ],
      },
      {
        title: "Vos coordonnées",
        questions: [
          { type: "FIRST_NAME", label: "Prénom", required: true },
          { type: "LAST_NAME", label: "Nom", required: true },
          { type: "EMAIL", label: "Adresse e-mail", required: true, helpText: "Nous vous enverrons un lien pour confirmer votre participation." },
          { type: "PHONE", label: "Téléphone", required: false },
          { type: "POSTAL_CODE", label: "Code postal", required: true },
        ],
      },
    ],
    purposes: [
      { wording: `Recevoir les offres commerciales de ${orgName} par e-mail`, isRecontact: true },
      { wording: "Recevoir par e-mail les offres de nos partenaires (installateurs, fournisseurs de granulés)", isRecontact: false },
      // The profiling purpose: R, F, M and the segment only for the people who consent to it.
      { wording: "Permettre l'analyse de mes réponses pour recevoir des offres adaptées à mon profil", isRecontact: false, isProfiling: true },
    ],
  };
}

const FIRST = ["Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Marie", "Anne", "Nathalie", "Sophie", "Isabelle", "Claire", "Hélène", "Lucas", "Hugo", "Thomas", "Nicolas", "Julien", "Maxime", "Antoine", "Pierre", "Louis", "Mathieu", "Olivier", "François", "Stéphane", "Sébastien", "Éric", "Bernard", "Jean", "Michel", "Patrick", "Christophe", "Aurélie", "Élodie", "Margaux", "Céline", "Valérie"];
const LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèbvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin"];
const POSTAL = ["69003", "69100", "69400", "38000", "38200", "42000", "01000", "73000", "74000", "26000", "07200", "71000", "63000", "21000", "39000", "25000"];
const DOMAINS = ["example.fr", "example.com", "example.org", "example.net"];
const EXPECTATIONS = [
  "Un chauffage plus économique que l'électrique",
  "Réduire ma facture de chauffage",
  "Une chaleur douce et homogène dans toute la maison",
  "Moins de corvée de bois à rentrer",
  "Un chauffage écologique et une énergie renouvelable",
  "Pouvoir programmer le chauffage à distance",
  "Un poêle silencieux pour le salon",
  "Ne plus dépendre du fioul",
  "Un appareil facile à entretenir",
  "Profiter des aides de l'État pour changer de chauffage",
  "Une belle flamme et une ambiance chaleureuse",
  "Chauffer toute la maison avec un seul poêle",
  "Un chauffage économique, écologique et facile à entretenir",
  "Moins de poussière qu'avec le bois",
  "Une autonomie de plusieurs jours",
  "Un budget maîtrisé pour l'hiver",
  "Remplacer une vieille chaudière au fioul",
  "Économiser sur la facture d'électricité",
];
const SOURCES: Array<[string, string, number]> = [
  ["qr", "print", 0.45],
  ["facebook", "social", 0.3],
  ["newsletter", "email", 0.15],
  ["", "", 0.1],
];

function pick<T>(rand: () => number, items: readonly T[], weights?: number[]): T {
  if (!weights) return items[Math.floor(rand() * items.length)]!;
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rand() * total;
  for (let i = 0; i < items.length; i++) if ((x -= weights[i]!) < 0) return items[i]!;
  return items[items.length - 1]!;
}

const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

async function demoMember(organisationId: string): Promise<Member> {
  const m = await db.membership.findFirstOrThrow({
    where: { organisationId, role: "OWNER" },
    include: { user: true, organisation: true },
    orderBy: { createdAt: "asc" },
  });
  return { userId: m.userId, email: m.user.email, name: m.user.name, organisationId, organisationName: m.organisation.name, role: isRole(m.role) ? m.role : "OWNER" };
}

/** Seeds the demo campaigns of the demo organisation; returns lines to print. */
export async function seedDemoExtras(organisationId: string): Promise<string[]> {
  const existing = await db.campaign.findUnique({ where: { slug: DEMO_SLUG }, select: { id: true, organisationId: true } });
  if (existing && existing.organisationId !== organisationId) throw new Error(`the slug ${DEMO_SLUG} belongs to another organisation`);
  const lines = (id: string, count: number) => [
    `\nDemo contest (${count} entries):`,
    `  public form:    ${appUrl()}/f/${DEMO_SLUG}`,
    `  campaign page:  ${appUrl()}/campagnes/${id}`,
  ];
  const member = await demoMember(organisationId);
  const kids = await seedKidsCampaign(member);
  if (existing) return [...lines(existing.id, await db.response.count({ where: { campaignId: existing.id } })), ...kids];

  const now = new Date();
  const opensAt = new Date(Math.floor((now.getTime() - 10 * DAY) / 3_600_000) * 3_600_000);
  const closesAt = new Date(Math.floor((now.getTime() + 20 * DAY) / 3_600_000) * 3_600_000);
  const { id } = await createCampaign(member, { kind: "CONTEST", title: DEMO_TITLE });
  const { values } = await getBuilderData(member, id);
  await saveCampaignDefinition(member, id, campaignDefinitionSchema.parse(definition(values, member.organisationName, opensAt, closesAt)));
  await publishCampaign(member, id);

  const questions = await db.question.findMany({ where: { campaignId: id }, include: { options: { orderBy: { position: "asc" } } }, orderBy: { position: "asc" } });
  const purposes = await db.purpose.findMany({ where: { campaignId: id }, orderBy: { position: "asc" }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } });
  const q = (prefix: string) => questions.find((x) => x.label.startsWith(prefix))!;
  const byType = (type: string) => questions.find((x) => x.type === type)!;
  const option = (question: { options: Array<{ id: string }> }, i: number) => question.options[Math.min(i, question.options.length - 1)]!.id;

  const rand = prng(20261123);
  const span = now.getTime() - 60_000 - opensAt.getTime();
  const emails = new Set<string>();
  const views = new Map<string, number>();
  const accepted: Array<{ responseId: string; at: Date; email: string }> = [];

  for (let n = 0; n < ENTRIES; n++) {
    const first = pick(rand, FIRST);
    const last = pick(rand, LAST);
    let email = `${fold(first)}.${fold(last).replace(/[^a-z]/g, "")}@${pick(rand, DOMAINS)}`;
    if (emails.has(email)) email = email.replace("@", `${n}@`);
    emails.add(email);
    // Entries come in waves: more in the evening, more after the newsletter on day 3.
    let at = new Date(opensAt.getTime() + Math.pow(rand(), 0.85) * span);
    if (at.getUTCHours() < 6) at = new Date(at.getTime() + 10 * 3_600_000);
    if (at > now) at = new Date(now.getTime() - 120_000);
    const [utmSource, utmMedium] = pick(rand, SOURCES, SOURCES.map((s) => s[2]));
    // Owners of wood or pellet stoves buy often and recently; electric heating buys nothing.
    const heating = Math.floor(Math.pow(rand(), 1.2) * 6);
    const woody = heating <= 1;
    const recency = woody ? Math.floor(rand() * 3) : 2 + Math.floor(rand() * 3);
    const frequency = Math.min(4, Math.max(0, recency + Math.round((rand() - 0.5) * 2)));
    const budget = Math.min(4, Math.max(0, Math.floor(rand() * 5) + (heating === 2 ? -1 : 0)));
    const satisfaction = Math.max(1, Math.min(10, Math.round((woody ? 7 : 4) + (rand() - 0.5) * 6)));
    const consents: Record<string, boolean> = {
      [purposes[0]!.id]: rand() < 0.68,
      [purposes[1]!.id]: rand() < 0.22,
      [purposes[2]!.id]: rand() < 0.41,
    };
    const answers: Record<string, unknown> = {
      [q("Quel est votre mode").id]: option(q("Quel est votre mode"), heating),
      [q("Êtes-vous propriétaire").id]: option(q("Êtes-vous propriétaire"), rand() < 0.74 ? 0 : 1),
      [q("De quand").id]: rand() < 0.85 ? option(q("De quand"), Math.floor(rand() * 4)) : "",
      [q("Êtes-vous satisfait").id]: satisfaction,
      [q("Qu'attendez-vous").id]: rand() < 0.7 ? pick(rand, EXPECTATIONS) : "",
      [q("À quand").id]: option(q("À quand"), recency),
      [q("À quelle fréquence").id]: option(q("À quelle fréquence"), frequency),
      [q("Quel est votre budget").id]: option(q("Quel est votre budget"), budget),
      [byType("FIRST_NAME").id]: first,
      [byType("LAST_NAME").id]: last,
      [byType("EMAIL").id]: email,
      [byType("PHONE").id]: rand() < 0.55 ? `0${6 + Math.floor(rand() * 2)}${String(Math.floor(rand() * 1e8)).padStart(8, "0")}` : "",
      [byType("POSTAL_CODE").id]: pick(rand, POSTAL),
    };
    const result = await submitResponse(
      {
        slug: DEMO_SLUG,
        data: {
          answers,
          consents,
          rulesAccepted: true,
          ageDeclared: true,
          context: {
            pageUrl: `${appUrl()}/f/${DEMO_SLUG}${utmSource ? `?utm_source=${utmSource}&utm_medium=${utmMedium}&utm_campaign=${DEMO_SLUG}` : ""}`,
            referrer: utmSource === "facebook" ? "https://m.facebook.com/" : "",
            utmSource,
            utmMedium,
            utmCampaign: utmSource ? DEMO_SLUG : "",
          },
        },
      },
      { now: at, ip: `198.51.100.${Math.floor(rand() * 250)}`, userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36" },
    );
    // A repeat of an address stores nothing (and used to throw): nothing to follow up.
    if (result.status === "REPEAT") continue;
    accepted.push({ responseId: result.responseId, at, email });
    const hour = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000).toISOString();
    views.set(`${hour}|${utmSource}`, (views.get(`${hour}|${utmSource}`) ?? 0) + 2 + Math.floor(rand() * 3));
  }

  // Views (about 3 per entry), counted per hour and source like the live page does.
  await db.viewCount.createMany({
    data: [...views].map(([key, count]) => {
      const [hour, utmSource] = key.split("|") as [string, string];
      return { campaignId: id, hour: new Date(hour), utmSource, count };
    }),
  });

  // ~70 % confirm their address within a day, as the double opt-in would record it.
  const grants = await db.consentRecord.findMany({ where: { campaignId: id, action: "GRANT" } });
  const confirms: Array<ConsentInput & { id?: string }> = [];
  const confirmed: typeof accepted = [];
  for (const entry of accepted) {
    if (rand() >= 0.7) continue;
    const at = new Date(Math.min(entry.at.getTime() + (5 + rand() * 600) * 60_000, now.getTime() - 60_000));
    const response = await db.response.update({ where: { id: entry.responseId }, data: { confirmedAt: at }, select: { contactId: true } });
    await db.contact.update({ where: { id: response.contactId! }, data: { emailConfirmedAt: at } });
    await db.optInToken.updateMany({ where: { responseId: entry.responseId, usedAt: null }, data: { usedAt: at } });
    for (const g of grants.filter((g) => g.responseId === entry.responseId)) {
      confirms.push({ ...g, actorUserId: null, action: "CONFIRM", method: "DOUBLE_OPT_IN", createdAt: at });
    }
    confirmed.push({ ...entry, at });
  }
  await recordConsents(db, confirms.map(({ id: _id, ...c }) => c as ConsentInput));
  // As the confirmation page would: the confirmed profiling consents bring the scores.
  for (const entry of confirmed) {
    const { contactId } = await db.response.findUniqueOrThrow({ where: { id: entry.responseId }, select: { contactId: true } });
    await refreshProfilingScores(db, organisationId, { contactId: contactId! });
  }

  // A few people later withdrew the recontact purpose from the preference centre.
  const recontact = purposes.find((p) => p.isRecontact)!;
  const withdrawals: ConsentInput[] = [];
  for (const entry of confirmed) {
    if (withdrawals.length >= 4) break;
    const grant = grants.find((g) => g.responseId === entry.responseId && g.purposeId === recontact.id);
    if (!grant) continue;
    const at = new Date(Math.min(entry.at.getTime() + 2 * DAY, now.getTime() - 60_000));
    const { id: _id, ...rest } = grant;
    withdrawals.push({ ...rest, actorUserId: null, action: "WITHDRAW", method: "PREFERENCE_CENTRE", pageUrl: "", createdAt: at } as ConsentInput);
  }
  await recordConsents(db, withdrawals);

  // Demo people have fake addresses: their confirmation e-mails are not sent.
  await db.outboxMail.deleteMany({ where: { organisationId, toAddress: { in: [...emails] }, status: { in: ["QUEUED", "KEPT"] } } });
  return [...lines(id, accepted.length), ...kids];
}
