import crypto from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { onPostgres, useFreshDatabase } from "../test-db";
import type { Member } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";

// Every server action and every route handler that acts for a marketer, called as the
// owner, an editor and a viewer of organisation A, as the owner of organisation B (who
// may do everything in B, nothing in A) and signed out. Allowed: it succeeds. Refused:
// a clear answer (Forbidden / NotFound in French, 403 / 404 for routes) and not one
// row of the database changed. The real session code runs: only next-auth's session
// lookup and Next's request APIs are replaced.

const { file } = useFreshDatabase();

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, refresh: () => undefined, updateTag: () => undefined }));
vi.mock("next-intl/server", () => ({
  getTranslations: async () => Object.assign((key: string) => key, { has: () => false, raw: (key: string) => key }),
  getLocale: async () => "fr",
}));
// Delivery is not under test: queued mails stay queued (no background pass changing rows between snapshots).
vi.mock("@/lib/mail/worker", () => ({ kickOutbox: () => undefined, retryNow: () => undefined, startOutboxWorker: () => undefined }));
vi.mock("@/lib/webhooks/worker", () => ({ kickWebhooks: () => undefined, startWebhookWorker: () => undefined }));

type Who = Role | "OUTSIDER" | "SIGNED_OUT";
const EVERYONE: Who[] = ["OWNER", "EDITOR", "VIEWER", "OUTSIDER", "SIGNED_OUT"];
const MEMBERS: Role[] = ["OWNER", "EDITOR", "VIEWER"];
const EDITORS: Role[] = ["OWNER", "EDITOR"];
const OWNERS: Role[] = ["OWNER"];

/** What a call answered: an action's result or a route's status and JSON error. */
type Outcome = { ok: boolean; error?: string; status?: number };
type Fixture = Record<string, string>;
type Case = {
  name: string;
  allowed: Role[];
  /** Acts on an object of organisation A: the outsider must be refused. Else it acts on the caller's own organisation. */
  scoped: boolean;
  /** A public address (no sign-in needed): whoever may not see it gets the 404 of a missing file, signed out too. */
  public?: true;
  prepare: () => Promise<Fixture>;
  call: (f: Fixture) => Promise<Outcome>;
  /** The outsider's own campaign (`own`) with ids of organisation A's entries, draws, questions or purposes in it. */
  mixed?: (f: Fixture, own: Fixture) => Promise<Outcome>;
  /** What `mixed` answers (as a French reader reads it): organisation A's id is unknown in the outsider's campaign. */
  mixedError?: string;
};

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);

let orgA = "";
let orgB = "";
const users = {} as Record<Role | "OUTSIDER", string>;
let owner: Member;
let outsider: Member;
let seq = 0;
const uid = () => `${Date.now().toString(36)}${(seq += 1)}`;

async function lib() {
  return {
    ...(await import("@/lib/db")),
    ...(await import("./consent-fixtures")),
    ...(await import("@/lib/campaigns/queries")),
    ...(await import("@/lib/draw/queries")),
  };
}

/** A published contest of A with confirmed entries, a long-text question and a recontact purpose. */
async function contest(opts: { closed?: boolean; entries?: number; organisationId?: string } = {}) {
  const { db, seedCampaign, seedEntry } = await lib();
  const seeded = await seedCampaign(opts.organisationId ?? orgA);
  const section = await db.section.create({ data: { campaignId: seeded.campaign.id, position: 0, title: "" } });
  const question = await db.question.create({ data: { campaignId: seeded.campaign.id, sectionId: section.id, position: 0, type: "LONG_TEXT", label: "Vos attentes" } });
  const entries = [];
  for (let i = 0; i < (opts.entries ?? 3); i++) entries.push(await seedEntry(seeded, { confirmed: true }));
  await db.campaign.update({ where: { id: seeded.campaign.id }, data: { prize: "Un poêle", winnersCount: 1, ...(opts.closed ? { closedManuallyAt: new Date() } : {}) } });
  return { campaignId: seeded.campaign.id, slug: seeded.campaign.slug, purposeId: seeded.purpose.id, questionId: question.id, responseId: entries[0]!.response.id, contactId: entries[0]!.contact.id, email: entries[0]!.email };
}

async function drawn(by: "A" | "B" = "A") {
  const { performDraw } = await lib();
  const c = await contest({ closed: true, organisationId: by === "A" ? orgA : orgB });
  const { drawId } = await performDraw(by === "A" ? owner : outsider, c.campaignId);
  return { ...c, drawId };
}

async function draft() {
  const { createCampaign } = await lib();
  const { id } = await createCampaign(owner, { kind: "CONTEST", title: `Brouillon ${uid()}` });
  return { campaignId: id };
}

/** An action's outcome, its error as a French reader sees it: actions answer a catalogue key, their page says it. */
async function action<I>(run: (input: I) => Promise<{ ok: boolean; error?: string }>, input: I): Promise<Outcome> {
  const result = await run(input);
  if (result.ok) return { ok: true };
  const { hasMessage, translate } = await import("@/lib/i18n/translate");
  const error = result.error ?? "";
  return { ok: false, error: hasMessage("fr", error) ? translate("fr", error) : error };
}

async function route(response: Response): Promise<Outcome> {
  if (response.ok) {
    await response.arrayBuffer(); // streamed bodies (exports) do their work while read
    return { ok: true, status: response.status };
  }
  const body = (await response.json()) as { error?: string };
  return { ok: false, status: response.status, error: body.error };
}

const CASES: Case[] = [
  // Campaigns and the builder
  {
    name: "createCampaignAction",
    allowed: EDITORS,
    scoped: false,
    prepare: async () => ({}),
    call: async () => action((await import("@/lib/campaigns/actions")).createCampaignAction, { kind: "CONTEST", title: "Nouveau jeu" }),
  },
  {
    name: "saveCampaignAction",
    allowed: EDITORS,
    scoped: true,
    prepare: draft,
    call: async (f) => {
      const { getBuilderData } = await lib();
      const definition = (await getBuilderData(owner, f.campaignId)).values;
      return action((await import("@/lib/campaigns/actions")).saveCampaignAction, { campaignId: f.campaignId, definition: { ...definition, title: "Titre changé" } });
    },
  },
  ...(["close", "unpublish", "archive"] as const).map(
    (step): Case => ({
      name: `campaignLifecycleAction (${step})`,
      allowed: EDITORS,
      scoped: true,
      prepare: () => contest(),
      call: async (f) => action((await import("@/lib/campaigns/actions")).campaignLifecycleAction, { campaignId: f.campaignId, step }),
    }),
  ),
  {
    name: "duplicateCampaignAction",
    allowed: EDITORS,
    scoped: true,
    prepare: draft,
    call: async (f) => action((await import("@/lib/campaigns/actions")).duplicateCampaignAction, { campaignId: f.campaignId }),
  },
  {
    name: "uploadCampaignFileAction",
    allowed: EDITORS,
    scoped: true,
    prepare: draft,
    call: async (f) => {
      const form = new FormData();
      form.set("campaignId", f.campaignId);
      form.set("kind", "logo");
      form.set("file", new File([PNG], "logo.png", { type: "image/png" }));
      return action((await import("@/lib/campaigns/actions")).uploadCampaignFileAction, form);
    },
  },
  {
    name: "saveExportMappingAction",
    allowed: EDITORS,
    scoped: true,
    prepare: () => contest(),
    call: async (f) => {
      const { defaultMapping } = await import("@/lib/export/columns");
      return action((await import("@/lib/export/actions")).saveExportMappingAction, { campaignId: f.campaignId, mapping: defaultMapping([]) });
    },
  },
  {
    name: "answersWithWordAction",
    allowed: MEMBERS,
    scoped: true,
    prepare: () => contest(),
    call: async (f) =>
      action((await import("@/lib/wordcloud/actions")).answersWithWordAction, { campaignId: f.campaignId, questionId: f.questionId, word: "poêles", search: {} }),
    mixedError: "Question introuvable.",
    mixed: async (f, own) =>
      action((await import("@/lib/wordcloud/actions")).answersWithWordAction, { campaignId: own.campaignId, questionId: f.questionId, word: "poêles", search: {} }),
  },
  {
    name: "setDigestAction",
    allowed: MEMBERS,
    scoped: true,
    prepare: draft,
    call: async (f) => action((await import("@/lib/digest/actions")).setDigestAction, { campaignId: f.campaignId, enabled: true }),
  },
  // The draw
  {
    name: "closeCampaignAction",
    allowed: EDITORS,
    scoped: true,
    prepare: () => contest(),
    call: async (f) => action((await import("@/lib/draw/actions")).closeCampaignAction, { campaignId: f.campaignId }),
  },
  {
    name: "runDrawAction",
    allowed: EDITORS,
    scoped: true,
    prepare: () => contest({ closed: true }),
    call: async (f) => action((await import("@/lib/draw/actions")).runDrawAction, { campaignId: f.campaignId }),
  },
  {
    name: "redrawAction",
    allowed: EDITORS,
    scoped: true,
    prepare: () => drawn(),
    call: async (f) => action((await import("@/lib/draw/actions")).redrawAction, { campaignId: f.campaignId, reason: "Gagnant injoignable" }),
  },
  {
    name: "verifyDrawAction",
    allowed: EDITORS,
    scoped: true,
    prepare: () => drawn(),
    call: async (f) => action((await import("@/lib/draw/actions")).verifyDrawAction, { campaignId: f.campaignId, drawId: f.drawId }),
    mixedError: "Tirage introuvable.",
    mixed: async (f, own) => action((await import("@/lib/draw/actions")).verifyDrawAction, { campaignId: own.campaignId, drawId: f.drawId }),
  },
  {
    name: "excludeEntryAction",
    allowed: EDITORS,
    scoped: true,
    prepare: () => contest(),
    call: async (f) => action((await import("@/lib/draw/actions")).excludeEntryAction, { campaignId: f.campaignId, responseId: f.responseId, reason: "Participation en double" }),
    mixedError: "Participation introuvable.",
    mixed: async (f, own) => action((await import("@/lib/draw/actions")).excludeEntryAction, { campaignId: own.campaignId, responseId: f.responseId, reason: "Participation en double" }),
  },
  {
    name: "reinstateEntryAction",
    allowed: EDITORS,
    scoped: true,
    prepare: async () => {
      const c = await contest();
      const { excludeEntry } = await lib();
      await excludeEntry(owner, { campaignId: c.campaignId, responseId: c.responseId, reason: "Participation en double" });
      return c;
    },
    call: async (f) => action((await import("@/lib/draw/actions")).reinstateEntryAction, { campaignId: f.campaignId, responseId: f.responseId, reason: "Erreur de saisie" }),
    mixedError: "Participation introuvable.",
    mixed: async (f, own) => action((await import("@/lib/draw/actions")).reinstateEntryAction, { campaignId: own.campaignId, responseId: f.responseId, reason: "Erreur de saisie" }),
  },
  {
    name: "notifyWinnersAction",
    allowed: EDITORS,
    scoped: true,
    prepare: () => drawn(),
    call: async (f) => action((await import("@/lib/draw/actions")).notifyWinnersAction, { campaignId: f.campaignId, drawId: f.drawId }),
    mixedError: "Ce tirage a été remplacé.",
    mixed: async (f, own) => action((await import("@/lib/draw/actions")).notifyWinnersAction, { campaignId: own.campaignId, drawId: f.drawId }),
  },
  // Contacts and data-subject rights (owners only)
  {
    name: "rectifyContactAction",
    allowed: OWNERS,
    scoped: true,
    prepare: () => contest({ entries: 1 }),
    call: async (f) =>
      action((await import("@/lib/rights/actions")).rectifyContactAction, { contactId: f.contactId, firstName: "Paula", lastName: "Martin", phone: "", postalCode: "75011" }),
  },
  {
    name: "withdrawAllAction",
    allowed: OWNERS,
    scoped: true,
    prepare: () => contest({ entries: 1 }),
    call: async (f) => action((await import("@/lib/rights/actions")).withdrawAllAction, { contactId: f.contactId }),
  },
  {
    name: "eraseContactAction",
    allowed: OWNERS,
    scoped: true,
    prepare: () => contest({ entries: 1 }),
    call: async (f) => action((await import("@/lib/rights/actions")).eraseContactAction, { contactId: f.contactId, confirmation: f.email }),
  },
  {
    name: "logRequestAction",
    allowed: OWNERS,
    scoped: true,
    prepare: () => contest({ entries: 1 }),
    call: async (f) => action((await import("@/lib/rights/actions")).logRequestAction, { contactId: f.contactId, kind: "ACCESS", notes: "Par courrier" }),
  },
  {
    name: "completeRequestAction",
    allowed: OWNERS,
    scoped: true,
    prepare: async () => {
      const c = await contest({ entries: 1 });
      const { logReceivedRequest } = await import("@/lib/rights/queries");
      const requestId = await logReceivedRequest(orgA, { contactId: c.contactId, kind: "ACCESS", notes: "" }, { userId: users.OWNER, label: "owner" });
      return { ...c, requestId };
    },
    call: async (f) => action((await import("@/lib/rights/request-actions")).completeRequestAction, { requestId: f.requestId }),
  },
  // Settings, members and the outbox (owners only)
  {
    name: "updateSettingsAction",
    allowed: OWNERS,
    scoped: false,
    prepare: async () => ({}),
    call: async () =>
      action((await import("@/lib/orgs/actions")).updateSettingsAction, {
        name: `Org ${uid()}`,
        legalName: "Org SAS",
        address: "1 rue de la Paix, 75002 Paris",
        contactEmail: "contact@org.test",
        dpoName: "",
        dpoEmail: "",
        retentionMonths: 24,
        defaultLocale: "fr",
      }),
  },
  {
    name: "inviteMemberAction",
    allowed: OWNERS,
    scoped: false,
    prepare: async () => ({}),
    call: async () => action((await import("@/lib/orgs/actions")).inviteMemberAction, { email: `invite-${uid()}@example.test`, role: "VIEWER" }),
  },
  {
    name: "changeRoleAction",
    allowed: OWNERS,
    scoped: true,
    prepare: async () => {
      const { db } = await lib();
      const user = await db.user.create({ data: { email: `member-${uid()}@example.test`, name: "Membre", passwordHash: "x" } });
      const membership = await db.membership.create({ data: { userId: user.id, organisationId: orgA, role: "VIEWER" } });
      return { membershipId: membership.id };
    },
    call: async (f) => action((await import("@/lib/orgs/actions")).changeRoleAction, { membershipId: f.membershipId, role: "EDITOR" }),
  },
  {
    name: "removeMemberAction",
    allowed: OWNERS,
    scoped: true,
    prepare: async () => {
      const { db } = await lib();
      const user = await db.user.create({ data: { email: `leaving-${uid()}@example.test`, name: "Membre", passwordHash: "x" } });
      const membership = await db.membership.create({ data: { userId: user.id, organisationId: orgA, role: "EDITOR" } });
      return { membershipId: membership.id };
    },
    call: async (f) => action((await import("@/lib/orgs/actions")).removeMemberAction, { membershipId: f.membershipId }),
  },
  {
    name: "revokeInvitationAction",
    allowed: OWNERS,
    scoped: true,
    prepare: async () => {
      const { db } = await lib();
      const invitation = await db.invitation.create({
        data: { organisationId: orgA, email: `invited-${uid()}@example.test`, role: "VIEWER", tokenHash: `hash-${uid()}`, invitedById: users.OWNER, expiresAt: new Date(Date.now() + 86_400_000) },
      });
      return { invitationId: invitation.id };
    },
    call: async (f) => action((await import("@/lib/orgs/actions")).revokeInvitationAction, { invitationId: f.invitationId }),
  },
  {
    name: "requeueMailAction",
    allowed: OWNERS,
    scoped: true,
    prepare: async () => {
      const { db } = await lib();
      const { queueMail } = await import("@/lib/mail/outbox");
      const mailId = await queueMail(db, { organisationId: orgA, to: `x-${uid()}@example.test`, subject: "Essai", html: "x", text: "x", kind: "test" });
      await db.outboxMail.update({ where: { id: mailId }, data: { status: "FAILED", attempts: 5, error: "SMTP refusé" } });
      return { mailId };
    },
    call: async (f) => action((await import("@/lib/mail/actions")).requeueMailAction, { mailId: f.mailId }),
  },
  // CRM webhooks (owners only)
  {
    name: "createWebhookEndpointAction",
    allowed: OWNERS,
    scoped: false,
    prepare: async () => ({}),
    call: async () => action((await import("@/lib/webhooks/actions")).createWebhookEndpointAction, { url: "https://crm.example.com/hook", description: "CRM", events: ["consent.withdrawn"] }),
  },
  {
    name: "updateWebhookEndpointAction",
    allowed: OWNERS,
    scoped: true,
    prepare: webhookEndpoint,
    call: async (f) => action((await import("@/lib/webhooks/actions")).updateWebhookEndpointAction, { endpointId: f.endpointId, url: "https://crm.example.com/other", description: "", events: ["draw.completed"] }),
  },
  {
    name: "rotateWebhookSecretAction",
    allowed: OWNERS,
    scoped: true,
    prepare: webhookEndpoint,
    call: async (f) => action((await import("@/lib/webhooks/actions")).rotateWebhookSecretAction, { endpointId: f.endpointId }),
  },
  {
    name: "pauseWebhookEndpointAction",
    allowed: OWNERS,
    scoped: true,
    prepare: webhookEndpoint,
    call: async (f) => action((await import("@/lib/webhooks/actions")).pauseWebhookEndpointAction, { endpointId: f.endpointId, paused: true }),
  },
  {
    name: "deleteWebhookEndpointAction",
    allowed: OWNERS,
    scoped: true,
    prepare: webhookEndpoint,
    call: async (f) => action((await import("@/lib/webhooks/actions")).deleteWebhookEndpointAction, { endpointId: f.endpointId }),
  },
  {
    name: "replayWebhookDeliveryAction",
    allowed: OWNERS,
    scoped: true,
    prepare: async () => {
      const { db } = await lib();
      const { endpointId } = await webhookEndpoint();
      const delivery = await db.webhookDelivery.create({ data: { organisationId: orgA, endpointId, eventId: `evt_${uid()}`, eventType: "draw.completed", payload: "{}", status: "FAILED", attempts: 30, lastStatusCode: 500 } });
      return { endpointId, deliveryId: delivery.id };
    },
    call: async (f) => action((await import("@/lib/webhooks/actions")).replayWebhookDeliveryAction, { deliveryId: f.deliveryId, endpointId: f.endpointId }),
  },
  // Route handlers
  {
    name: "GET /api/campaigns/[id]/export",
    allowed: EDITORS,
    scoped: true,
    prepare: () => contest(),
    call: async (f) => {
      const { GET } = await import("@/app/api/campaigns/[id]/export/route");
      return route(await GET(new Request(`http://localhost/api/campaigns/${f.campaignId}/export?preset=purpose&purposeId=${f.purposeId}`), { params: Promise.resolve({ id: f.campaignId }) }));
    },
    mixedError: "Cette finalité n'appartient pas à la campagne.",
    mixed: async (f, own) => {
      const { GET } = await import("@/app/api/campaigns/[id]/export/route");
      return route(await GET(new Request(`http://localhost/api/campaigns/${own.campaignId}/export?preset=purpose&purposeId=${f.purposeId}`), { params: Promise.resolve({ id: own.campaignId }) }));
    },
  },
  {
    name: "GET /api/campaigns/[id]/export/analysis",
    allowed: EDITORS,
    scoped: true,
    prepare: () => contest(),
    call: async (f) => {
      const { GET } = await import("@/app/api/campaigns/[id]/export/analysis/route");
      return route(await GET(new Request(`http://localhost/api/campaigns/${f.campaignId}/export/analysis?format=csv`), { params: Promise.resolve({ id: f.campaignId }) }));
    },
  },
  {
    name: "GET /contacts/[contactId]/export",
    allowed: OWNERS,
    scoped: true,
    prepare: () => contest({ entries: 1 }),
    call: async (f) => {
      const { GET } = await import("@/app/(dashboard)/contacts/[contactId]/export/route");
      return route(await GET(new Request(`http://localhost/contacts/${f.contactId}/export?kind=ACCESS`), { params: Promise.resolve({ contactId: f.contactId }) }));
    },
  },
  {
    name: "GET /conformite/traitements/export",
    allowed: EDITORS,
    scoped: false,
    prepare: async () => ({}),
    call: async () => route(await (await import("@/app/(dashboard)/conformite/traitements/export/route")).GET()),
  },
  {
    name: "GET /parametres/audit/export",
    allowed: OWNERS,
    scoped: false,
    prepare: async () => ({}),
    call: async () => route(await (await import("@/app/(dashboard)/parametres/audit/export/route")).GET(new Request("http://localhost/parametres/audit/export?action=export.csv"))),
  },
  {
    name: "GET /conformite/consentements/export",
    allowed: EDITORS,
    scoped: false,
    prepare: async () => ({}),
    call: async () => route(await (await import("@/app/(dashboard)/conformite/consentements/export/route")).GET(new Request("http://localhost/conformite/consentements/export"))),
  },
  {
    name: "GET /f/[slug]/logo (draft)",
    allowed: MEMBERS,
    scoped: true,
    public: true,
    prepare: async () => {
      const { db } = await lib();
      const { storeUpload } = await import("@/lib/campaigns/uploads");
      const { campaignId } = await draft();
      const logoPath = await storeUpload(campaignId, "logo", PNG);
      const { slug } = await db.campaign.update({ where: { id: campaignId }, data: { logoPath } });
      return { slug };
    },
    call: async (f) => {
      const { GET } = await import("@/app/f/[slug]/logo/route");
      return route(await GET(new Request(`http://localhost/f/${f.slug}/logo`), { params: Promise.resolve({ slug: f.slug }) }));
    },
  },
];

/** An endpoint of organisation A. */
async function webhookEndpoint(): Promise<Fixture> {
  const { db } = await lib();
  const { sealSecret } = await import("@/lib/crypto/secret-box");
  const row = await db.webhookEndpoint.create({ data: { organisationId: orgA, url: "https://crm.example.com/hook", events: JSON.stringify(["lead.confirmed"]), secret: sealSecret("whsec_test") } });
  return { endpointId: row.id };
}

/** The same fingerprints on PostgreSQL: rows as JSON text, sorted (no rowid there). */
async function postgresFingerprint(onlyA: boolean): Promise<string> {
  const { readSql } = await import("@/lib/db");
  return readSql(async (sql) => {
    const tables = await sql.all<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' GROUP BY table_name
       HAVING ? = 0 OR bool_or(column_name = 'organisationId') ORDER BY table_name`,
      onlyA ? 1 : 0,
    );
    const hash = crypto.createHash("sha256");
    if (onlyA) hash.update(JSON.stringify(await sql.get(`SELECT row_to_json(t)::text AS j FROM "Organisation" t WHERE id = ?`, orgA)));
    for (const { name } of tables) {
      const where = onlyA ? `WHERE t."organisationId" = ?` : "";
      const rows = await sql.all<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${name}" t ${where}`, ...(onlyA ? [orgA] : []));
      hash.update(name).update(JSON.stringify(rows.map((r) => r.j).sort()));
    }
    return hash.digest("hex");
  });
}

/** Every row of every table, hashed: "changes nothing" means this is the same before and after. */
async function fingerprint(): Promise<string> {
  if (onPostgres) return postgresFingerprint(false);
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`).all() as { name: string }[];
    const hash = crypto.createHash("sha256");
    for (const { name } of tables) hash.update(name).update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()));
    return hash.digest("hex");
  } finally {
    sqlite.close();
  }
}

/** The rows of organisation A only (for actions an outsider rightly runs in their own organisation). */
async function fingerprintOfA(): Promise<string> {
  if (onPostgres) return postgresFingerprint(true);
  const sqlite = new Database(file, { readonly: true });
  try {
    const tables = sqlite.prepare(`SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'organisationId') ORDER BY m.name`).all() as { name: string }[];
    const hash = crypto.createHash("sha256").update(JSON.stringify(sqlite.prepare(`SELECT * FROM "Organisation" WHERE id = ?`).get(orgA)));
    for (const { name } of tables) hash.update(name).update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${name}" WHERE organisationId = ? ORDER BY rowid`).all(orgA)));
    return hash.digest("hex");
  } finally {
    sqlite.close();
  }
}

function actAs(who: Who) {
  session.userId = who === "SIGNED_OUT" ? null : users[who];
}

beforeAll(async () => {
  const { db } = await import("@/lib/db");
  const { createAccount } = await import("@/lib/auth/sign-up");
  const a = await createAccount({ name: "Olivia Owner", organisationName: "Org A", email: "owner@a.test", password: "x".repeat(12) });
  const b = await createAccount({ name: "Oscar Outsider", organisationName: "Org B", email: "owner@b.test", password: "x".repeat(12) });
  orgA = a.organisationId;
  orgB = b.organisationId;
  users.OWNER = a.userId;
  users.OUTSIDER = b.userId;
  for (const role of ["EDITOR", "VIEWER"] as const) {
    const user = await db.user.create({ data: { email: `${role.toLowerCase()}@a.test`, name: role, passwordHash: "x" } });
    await db.membership.create({ data: { userId: user.id, organisationId: orgA, role } });
    users[role] = user.id;
  }
  // What publishing and the notices need, for both organisations.
  for (const id of [orgA, orgB]) await db.organisation.update({ where: { id }, data: { legalName: "Org SAS", address: "1 rue de la Paix, 75002 Paris", contactEmail: "contact@org.test" } });
  owner = { userId: a.userId, email: "owner@a.test", name: "Olivia Owner", organisationId: orgA, organisationName: "Org A", role: "OWNER" };
  outsider = { userId: b.userId, email: "owner@b.test", name: "Oscar Outsider", organisationId: orgB, organisationName: "Org B", role: "OWNER" };
});
afterAll(() => {
  session.userId = null;
});

describe.each(CASES)("$name", (c) => {
  it.each(EVERYONE)("as %s", async (who) => {
    const fixture = await c.prepare();
    const allowed = who !== "OUTSIDER" && who !== "SIGNED_OUT" && c.allowed.includes(who);
    const outsiderInOwn = who === "OUTSIDER" && !c.scoped;
    // Only what is compared below is read: each reads the whole database, which grows with every case.
    const before = allowed || outsiderInOwn ? "" : await fingerprint();
    const beforeA = outsiderInOwn ? await fingerprintOfA() : "";
    actAs(who);
    let outcome: Outcome;
    try {
      outcome = await c.call(fixture);
    } finally {
      actAs("SIGNED_OUT");
    }

    if (allowed) {
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true });
      return;
    }
    if (outsiderInOwn) {
      // Allowed in their own organisation; organisation A untouched.
      expect(outcome.ok).toBe(true);
      expect(await fingerprintOfA()).toBe(beforeA);
      return;
    }
    expect(outcome.ok).toBe(false);
    if (who === "SIGNED_OUT" && !c.public) {
      expect(outcome.error).toBe("Veuillez vous connecter.");
      if (outcome.status !== undefined) expect(outcome.status).toBe(403);
    } else if (who === "OUTSIDER" || who === "SIGNED_OUT") {
      // Another organisation's object: the same answer as a missing one, so ids cannot be probed.
      expect(outcome.error).toMatch(/introuvable/i);
      if (outcome.status !== undefined) expect(outcome.status).toBe(404);
    } else {
      expect(outcome.error).toBe("Vous n'avez pas les droits nécessaires.");
      if (outcome.status !== undefined) expect(outcome.status).toBe(403);
    }
    expect(await fingerprint(), "a refused call changed the database").toBe(before);
  });
});

describe.each(CASES.filter((c) => c.mixed))("$name, outsider's own campaign with organisation A's ids", (c) => {
  it("is refused and changes nothing", async () => {
    const fixture = await c.prepare();
    // A drawn contest of the outsider's own organisation: every check about the campaign itself passes.
    const own = await drawn("B");
    const before = await fingerprint();
    actAs("OUTSIDER");
    let outcome: Outcome;
    try {
      outcome = await c.mixed!(fixture, own);
    } finally {
      actAs("SIGNED_OUT");
    }
    expect(outcome.ok, JSON.stringify(outcome)).toBe(false);
    expect(outcome.error).toBe(c.mixedError);
    if (outcome.status !== undefined) expect([404, 422]).toContain(outcome.status);
    expect(await fingerprint(), "a refused call changed the database").toBe(before);
  });
});

/** Server actions and route handlers no role governs: public, or proven by a token or a secret (tested elsewhere). */
const NOT_ROLE_BASED: Record<string, string> = {
  setLocaleAction: "a cookie anyone may set",
  signUpAction: "creates a new account and organisation",
  acceptInvitationAction: "the invitation token",
  acceptInvitationSignedAction: "the invitation token and the invited account's password (tests/integration/accounts.test.ts)",
  requestPasswordResetAction: "public: the same answer for any address, limited per IP and per address (accounts.test.ts)",
  resetPasswordAction: "the reset token mailed to the account (accounts.test.ts)",
  changePasswordAction: "the signed-in person's own account, with its current password (accounts.test.ts)",
  requestEmailChangeAction: "the signed-in person's own account, with its current password (accounts.test.ts)",
  confirmEmailChangeAction: "the token mailed to the new address (accounts.test.ts)",
  switchOrganisationAction: "the signed-in person's own memberships, checked on every request (accounts.test.ts, session.test.ts)",
  confirmAction: "the confirmation token (/c)",
  withdrawAction: "the preference token (/p)",
  eraseAction: "the preference token (/p)",
  objectToProfilingAction: "the preference token (/p)",
  requestFreshLinkAction: "public: mails a link only to the address typed, same answer for any address, limited per address in the outbox",
  confirmParentalAction: "the parent's confirmation token (/c/parent)",
  completeRequestFormAction: "a form wrapper around completeRequestAction (same checks)",
  "/api/auth/[...nextauth]": "next-auth's sign-in",
  "/api/bench/baseline": "only in a benchmark build (AIMANT_BENCH=1), and off unless the benchmark sets AIMANT_BENCH_BASELINE_ORG",
  "/api/cron/purge": "the cron bearer secret",
  "/api/f/[slug]/submit": "the public form",
  "/api/f/[slug]/start": "the public form's start token and view (no account, no organisation data)",
  "/api/optin/resend": "the signed thank-you reference",
  "/api/optin/reward": "the signed reward link",
  "/api/unsubscribe": "the signed unsubscribe link",
  "/f/[slug]/qr.png": "published forms only",
  "/f/[slug]/qr.svg": "published forms only",
  "/f/[slug]/reglement/pdf": "published forms only",
  "/p/[token]/donnees": "the preference token",
};

it("covers every server action and every route handler", async () => {
  const fs = await import("node:fs");
  const path = await import("node:path");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route(\.bench)?\.ts$/.test(entry.name) && full.startsWith(`app${path.sep}`)) {
        found.push("/" + path.relative("app", dir).split(path.sep).filter((part) => !part.startsWith("(")).join("/"));
      } else if (/\.tsx?$/.test(entry.name) && /^"use server";/m.test(fs.readFileSync(full, "utf8"))) {
        found.push(...[...fs.readFileSync(full, "utf8").matchAll(/^export (?:const|async function) (\w+)/gm)].map((m) => m[1]!));
      }
    }
  };
  for (const dir of ["app", "lib", "components"]) walk(dir);
  // Case names are "someAction", "someAction (detail)" or "GET /route/path (detail)".
  const covered = new Set(CASES.map((c) => (c.name.startsWith("GET ") ? c.name.split(" ")[1] : c.name.split(" ")[0])));
  expect(found.filter((name) => !covered.has(name) && !(name in NOT_ROLE_BASED))).toEqual([]);
  expect(Object.keys(NOT_ROLE_BASED).filter((name) => !found.includes(name))).toEqual([]);
});
