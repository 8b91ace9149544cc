import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { Invalid, NotFound } from "@/lib/errors";
import { seedContest } from "./draw-fixtures";

useFreshDatabase();

type Seeded = Awaited<ReturnType<typeof seedContest>>;

/** Reads a whole export stream as text, keeping the byte order mark (Response.text() would drop it). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("draw, leads and export on a real database", () => {
  let s: Seeded;
  let other: Seeded;
  const people = [
    ...Array.from({ length: 12 }, (_, i) => ({ email: `ok${i}@example.test` })),
    { email: "withdrew@example.test", recontact: "GRANT_WITHDRAW" as const },
    { email: "noconsent@example.test", recontact: "NONE" as const, segment: "LOST", rScore: 1 },
    { email: "unconfirmed@example.test", confirmed: false },
    { email: "minor@example.test", ageOk: false },
    { email: "bot@example.test", status: "REJECTED" },
    { email: "excluded@example.test" },
    { email: "suppressed@example.test" },
    { email: "expired@example.test", lastInteractionAt: new Date(Date.now() - 40 * 30 * 86_400_000) },
    { email: "evil@example.test", firstName: "=HYPERLINK(\"http://x\")", utmSource: "facebook", segment: "LOST", rScore: 1 },
  ];

  beforeAll(async () => {
    s = await seedContest("alpha", people);
    other = await seedContest("beta", [{ email: "b1@example.test" }, { email: "b2@example.test" }]);
    const { db } = await import("@/lib/db");
    const { suppressionHash } = await import("@/lib/rights/suppression");
    const org = await db.organisation.findUniqueOrThrow({ where: { id: s.member.organisationId } });
    await db.suppression.create({ data: { organisationId: org.id, emailHash: suppressionHash(org.salt, "suppressed@example.test"), reason: "UNSUBSCRIBE" } });
  });

  it("refuses to draw while the contest is open, then closes it on request", async () => {
    const { performDraw } = await import("@/lib/draw/queries");
    const { closeCampaignNow } = await import("@/lib/campaigns/queries");
    await expect(performDraw(s.member, s.campaign.id)).rejects.toThrow("draw.errors.stillOpen");
    await closeCampaignNow(s.member, s.campaign.id);
    await expect(closeCampaignNow(s.member, s.campaign.id)).rejects.toThrow("draw.errors.alreadyClosed");
  });

  it("excludes an entry by hand, with its reason in the audit log", async () => {
    const { excludeEntry } = await import("@/lib/draw/queries");
    const { db } = await import("@/lib/db");
    await excludeEntry(s.member, { campaignId: s.campaign.id, responseId: s.ids["excluded@example.test"]!, reason: "Salarié de l'organisateur" });
    const log = await db.auditLog.findFirstOrThrow({ where: { organisationId: s.member.organisationId, action: "draw.exclude" } });
    expect(JSON.parse(log.details)).toMatchObject({ reason: "Salarié de l'organisateur" });
    await expect(excludeEntry(other.member, { campaignId: s.campaign.id, responseId: s.ids["ok0@example.test"]!, reason: "essai croisé" })).rejects.toThrow(NotFound);
  });

  it("lifts an exclusion made by mistake, logged with its reason; only an excluded entry of one's own organisation", async () => {
    const { excludeEntry, reinstateEntry } = await import("@/lib/draw/queries");
    const { db } = await import("@/lib/db");
    const responseId = s.ids["ok1@example.test"]!;
    await excludeEntry(s.member, { campaignId: s.campaign.id, responseId, reason: "Doublon supposé" });
    await expect(reinstateEntry(other.member, { campaignId: s.campaign.id, responseId, reason: "essai croisé" })).rejects.toThrow(NotFound);
    await reinstateEntry(s.member, { campaignId: s.campaign.id, responseId, reason: "Ce n'était pas un doublon" });
    expect(await db.response.findUniqueOrThrow({ where: { id: responseId }, select: { excludedAt: true, excludedReason: true, excludedById: true } })).toEqual({ excludedAt: null, excludedReason: null, excludedById: null });
    const log = await db.auditLog.findFirstOrThrow({ where: { organisationId: s.member.organisationId, action: "draw.reinstate", targetId: responseId } });
    expect(JSON.parse(log.details)).toMatchObject({ reason: "Ce n'était pas un doublon", excludedReason: "Doublon supposé" });
    await expect(reinstateEntry(s.member, { campaignId: s.campaign.id, responseId, reason: "Encore une fois" })).rejects.toThrow(Invalid);
  });

  it("computes the same eligible list in SQL as the pure rules", async () => {
    const { db } = await import("@/lib/db");
    const { eligibilityNow, eligibleIdsNow } = await import("@/lib/draw/queries");
    for (const requireConfirmation of [true, false]) {
      const campaign = { id: s.campaign.id, requireConfirmation };
      const report = await eligibilityNow(db, campaign);
      expect(await eligibleIdsNow(db, campaign)).toEqual(report.eligibleIds);
    }
    const report = await eligibilityNow(db, s.campaign);
    expect(report.ineligible).toMatchObject({ rejected: 1, excluded: 1, unconfirmed: 1, age: 1 });

    // Erasure of an entry or of a contact, and one person entering twice.
    const g = await seedContest("gamma", ["a", "b", "c", "d", "e"].map((x) => ({ email: `${x}@example.test` })));
    await db.response.update({ where: { id: g.ids["a@example.test"]! }, data: { erasedAt: new Date() } });
    await db.contact.update({ where: { id: g.contacts["b@example.test"]! }, data: { erasedAt: new Date() } });
    const first = await db.response.findUniqueOrThrow({ where: { id: g.ids["c@example.test"]! } });
    await db.response.create({ data: { campaignId: g.campaign.id, contactId: first.contactId, dedupeKey: "c-alias@example.test", submittedAt: new Date(first.submittedAt.getTime() + 1000), confirmedAt: first.confirmedAt } });
    const gReport = await eligibilityNow(db, g.campaign);
    expect(gReport.ineligible).toMatchObject({ erased: 2, duplicate: 1 });
    expect(gReport.eligibleIds).toEqual(["c", "d", "e"].map((x) => g.ids[`${x}@example.test`]));
    expect(await eligibleIdsNow(db, g.campaign)).toEqual(gReport.eligibleIds);
  });

  it("decides current consent in SQL exactly like the ledger's rule", async () => {
    const { db } = await import("@/lib/db");
    const { Prisma } = await import("@/lib/generated/prisma/client");
    const { consentingNowSql, consentsNow } = await import("@/lib/consent/current");
    const purpose = await db.purpose.findUniqueOrThrow({ where: { id: s.partnersId }, include: { versions: true } });
    const t0 = new Date("2026-01-01T10:00:00Z").getTime();
    const histories: Record<string, [string, number][]> = {
      tie: [["GRANT", 0], ["WITHDRAW", 0]],
      regrant: [["GRANT", 0], ["WITHDRAW", 1], ["GRANT", 2]],
      confirmed: [["GRANT", 0], ["CONFIRM", 1]],
      withdrawnAfterConfirm: [["GRANT", 0], ["CONFIRM", 1], ["WITHDRAW", 2]],
      onlyWithdraw: [["WITHDRAW", 0]],
      tieAfterConfirm: [["GRANT", 0], ["CONFIRM", 3], ["WITHDRAW", 3]],
    };
    const ids: Record<string, string> = {};
    for (const [name, history] of Object.entries(histories)) {
      const contact = await db.contact.create({ data: { organisationId: s.member.organisationId, email: `ledger-${name}@example.test` } });
      ids[name] = contact.id;
      await db.consentRecord.createMany({
        data: history.map(([action, minute]) => ({
          organisationId: s.member.organisationId, contactId: contact.id, purposeId: purpose.id, purposeVersionId: purpose.versions[0]!.id,
          wording: "w", wordingHash: "h", action, method: "ADMIN", createdAt: new Date(t0 + minute * 60_000),
        })),
      });
    }
    const contactIds = Object.values(ids);
    const bySql = async (confirmedOnly: boolean) => {
      const rows = await db.$queryRaw<{ id: string }[]>`SELECT c."id" FROM "Contact" c WHERE c."id" IN (${Prisma.join(contactIds)}) AND ${consentingNowSql(Prisma.sql`c."id"`, purpose.id, { confirmedOnly })}`;
      return new Set(rows.map((r) => r.id));
    };
    for (const confirmedOnly of [true, false]) {
      const found = await bySql(confirmedOnly);
      for (const [name, id] of Object.entries(ids)) {
        const records = await db.consentRecord.findMany({ where: { contactId: id, purposeId: purpose.id } });
        expect([name, found.has(id)]).toEqual([name, consentsNow(records, purpose.id, { confirmedOnly })]);
      }
    }
    // Only a grant confirmed since the last withdrawal counts; a re-grant after a withdrawal waits for its confirmation.
    expect([...(await bySql(true))]).toEqual([ids.confirmed]);
    expect([...(await bySql(false))].sort()).toEqual([ids.regrant, ids.confirmed].sort());
  });

  it("draws among eligible entries only, stores what makes it verifiable, and verifies", async () => {
    const { performDraw, checkDraw } = await import("@/lib/draw/queries");
    const { db } = await import("@/lib/db");
    const { drawId, sequence } = await performDraw(s.member, s.campaign.id);
    expect(sequence).toBe(1);
    const draw = await db.draw.findUniqueOrThrow({ where: { id: drawId }, include: { entries: true } });
    const eligible = JSON.parse(draw.eligibleIds) as string[];
    // 12 ok + withdrew + noconsent + suppressed + expired + evil are eligible; unconfirmed, minor, bot and excluded are not.
    expect(eligible).toHaveLength(17);
    for (const email of ["unconfirmed", "minor", "bot", "excluded"]) expect(eligible).not.toContain(s.ids[`${email}@example.test`]);
    expect(draw.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(draw.entries.filter((e) => e.role === "WINNER")).toHaveLength(2);
    expect(draw.entries.filter((e) => e.role === "ALTERNATE")).toHaveLength(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "draw.run", targetId: drawId } });
    expect(JSON.parse(audit.details)).toMatchObject({ eligibleCount: 17, seed: draw.seed, eligibleHash: draw.eligibleHash });
    expect(await checkDraw(s.member, s.campaign.id, drawId)).toMatchObject({ ok: true, listStillCurrent: true });
  });

  it("detects a tampered eligible list in the database", async () => {
    const { checkDraw, activeDraw } = await import("@/lib/draw/queries");
    const { db } = await import("@/lib/db");
    const draw = await db.draw.findUniqueOrThrow({ where: { id: (await activeDraw(db, s.campaign.id))!.id } });
    const list = JSON.parse(draw.eligibleIds) as string[];
    await db.draw.update({ where: { id: draw.id }, data: { eligibleIds: JSON.stringify(list.slice(1)) } });
    const check = await checkDraw(s.member, s.campaign.id, draw.id);
    expect(check.ok).toBe(false);
    expect(check.problems).toContain("hash");
    await db.draw.update({ where: { id: draw.id }, data: { eligibleIds: draw.eligibleIds } });
    expect((await checkDraw(s.member, s.campaign.id, draw.id)).ok).toBe(true);
  });

  it("refuses a silent redraw; a redraw with a reason keeps the previous draw", async () => {
    const { performDraw, listDraws } = await import("@/lib/draw/queries");
    await expect(performDraw(s.member, s.campaign.id)).rejects.toThrow("draw.errors.reasonRequired");
    const { sequence } = await performDraw(s.member, s.campaign.id, "Le gagnant n'a pas répondu sous 15 jours");
    expect(sequence).toBe(2);
    const draws = await listDraws(s.member, s.campaign.id);
    expect(draws.map((d) => [d.sequence, d.supersededAt === null])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(draws[0]!.reason).toMatch(/15 jours/);
    await expect(performDraw(other.member, s.campaign.id, "tentative d'une autre organisation")).rejects.toThrow(NotFound);
  });

  it("exports qualified losers: eligible, confirmed, consenting, not suppressed, not expired, not picked", async () => {
    const { planExport, exportStream } = await import("@/lib/export/queries");
    const { activeDraw } = await import("@/lib/draw/queries");
    const { db } = await import("@/lib/db");
    const draw = (await activeDraw(db, s.campaign.id))!;
    const picked = new Set((await db.drawEntry.findMany({ where: { drawId: draw.id } })).map((e) => e.responseId));
    // Someone who confirms only after the draw took no part in it: not a loser, not exported as one.
    const late = s.ids["unconfirmed@example.test"]!;
    await db.response.update({ where: { id: late }, data: { confirmedAt: new Date() } });
    await db.contact.update({ where: { id: s.contacts["unconfirmed@example.test"]! }, data: { emailConfirmedAt: new Date() } });
    const plan = await planExport(s.member.organisationId, s.campaign.id, { preset: "qualified-losers" });
    expect(plan.fileName).toMatch(new RegExp(`^${s.campaign.slug}-qualified-losers-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const text = await readAll(exportStream(s.member, plan));
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parse(text.slice(1), { delimiter: ";" }) as string[][];
    expect(header).toEqual(["email", "first_name", "last_name", "phone", "postal_code", "consent_purpose", "consent_date", "consent_source", "recency_score", "frequency_score", "monetary_score", "segment", "consent_1", "consent_2", "Chauffage actuel", "Vos attentes"]);
    const emails = rows.map((r) => r[0]);
    const expected = [...Array.from({ length: 12 }, (_, i) => `ok${i}@example.test`), "evil@example.test"].filter((e) => !picked.has(s.ids[e]!));
    expect(emails.sort()).toEqual(expected.sort());
    for (const absent of ["withdrew", "noconsent", "unconfirmed", "minor", "bot", "excluded", "suppressed", "expired"]) expect(emails).not.toContain(`${absent}@example.test`);
    const evil = rows.find((r) => r[0] === "evil@example.test");
    if (evil) {
      expect(evil[1]).toBe("'=HYPERLINK(\"http://x\")");
      expect(evil[15]).toBe("'=cmd|' /C calc'!A0");
      // A phone number is a code Excel must keep as text: ="…" holds digits and + only, never a formula of the respondent's.
      expect(evil[3]).toBe('="+33612345678"');
      expect(evil[14]).toBe("Granulés");
      expect(evil[5]).toBe("Offres de la marque par e-mail");
    }
    await db.response.update({ where: { id: late }, data: { confirmedAt: null } });
    await db.contact.update({ where: { id: s.contacts["unconfirmed@example.test"]! }, data: { emailConfirmedAt: null } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "export.csv", targetId: s.campaign.id }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(audit.details)).toMatchObject({ preset: "qualified-losers", rowCount: rows.length, completed: true, purposeId: s.recontactId });
  });

  it("exports winners for the prize, a segment, and everyone consenting to a purpose, with ',' when asked", async () => {
    const { planExport, exportStream } = await import("@/lib/export/queries");
    const winners = parse((await readAll(exportStream(s.member, await planExport(s.member.organisationId, s.campaign.id, { preset: "winners", separator: "," })))).slice(1), { delimiter: "," }) as string[][];
    const { db } = await import("@/lib/db");
    const drawn = await db.drawEntry.findMany({ where: { role: "WINNER", draw: { campaignId: s.campaign.id, supersededAt: null } } });
    const byId = Object.fromEntries(Object.entries(s.ids).map(([email, id]) => [id, email]));
    // The suppression list and retention apply to every export, winners included.
    const expectedWinners = drawn.map((e) => byId[e.responseId]!).filter((e) => !["suppressed@example.test", "expired@example.test"].includes(e));
    expect(winners.slice(1).map((r) => r[0]).sort()).toEqual(expectedWinners.sort());
    expect(winners[0]![5]).toBe("consent_purpose");
    for (const row of winners.slice(1)) expect(row[5]).toBe("Remise du lot (règlement du jeu)");
    const lost = parse((await readAll(exportStream(s.member, await planExport(s.member.organisationId, s.campaign.id, { preset: "segment", segment: "LOST" })))).slice(1), { delimiter: ";" }) as string[][];
    // noconsent is in "LOST" but did not consent to the recontact purpose.
    expect(lost.slice(1).map((r) => r[0])).toEqual(["evil@example.test"]);
    const partners = parse((await readAll(exportStream(s.member, await planExport(s.member.organisationId, s.campaign.id, { preset: "purpose", purposeId: s.partnersId })))).slice(1), { delimiter: ";" }) as string[][];
    const emails = partners.slice(1).map((r) => r[0]);
    expect(emails).toContain("noconsent@example.test");
    expect(emails).toContain("withdrew@example.test");
    expect(emails).not.toContain("unconfirmed@example.test");
    expect(emails).not.toContain("suppressed@example.test");
    // Formula injection defused in every kind of cell: a name, an open answer, a phone number.
    const evil = partners.find((r) => r[0] === "evil@example.test")!;
    expect(evil[1]).toBe("'=HYPERLINK(\"http://x\")");
    expect(evil[15]).toBe("'=cmd|' /C calc'!A0");
    expect(evil[3]).toBe('="+33612345678"');
    expect(evil[5]).toBe("Offres des partenaires");
    // Yes/no per purpose: the partners purpose counts for evil (exported under it).
    expect(evil[partners[0]!.indexOf("consent_2")]).toBe("Oui");
    await expect(planExport(s.member.organisationId, s.campaign.id, { preset: "purpose", purposeId: other.partnersId })).rejects.toThrow("export.errors.unknownPurpose");
    await expect(planExport(other.member.organisationId, s.campaign.id, { preset: "winners" })).rejects.toThrow(NotFound);
    await expect(planExport(other.member.organisationId, other.campaign.id, { preset: "qualified-losers" })).rejects.toThrow("export.errors.noDraw");
  });

  it("writes segment names, yes/no and the prize purpose in the export's language, from the stored codes", async () => {
    const { planExport, exportStream } = await import("@/lib/export/queries");
    const { db } = await import("@/lib/db");
    expect(await db.response.count({ where: { campaignId: s.campaign.id, segment: "LOST" } })).toBeGreaterThan(0);
    const file = async (locale: "fr" | "en", preset: "segment" | "winners") =>
      parse((await readAll(exportStream(s.member, await planExport(s.member.organisationId, s.campaign.id, { preset, segment: preset === "segment" ? "LOST" : undefined }, locale)))).slice(1), { delimiter: ";" }) as string[][];
    const segmentColumn = (rows: string[][]) => rows[0]!.indexOf("segment");
    const lostEn = await file("en", "segment");
    expect(lostEn.slice(1).map((r) => r[segmentColumn(lostEn)])).toEqual(["Lost"]);
    const lostFr = await file("fr", "segment");
    expect(lostFr.slice(1).map((r) => r[segmentColumn(lostFr)])).toEqual(["Perdus"]);
    const winnersEn = await file("en", "winners");
    expect(winnersEn.length).toBeGreaterThan(1);
    for (const row of winnersEn.slice(1)) expect(row[5]).toBe("Prize delivery (contest rules)");
  });

  it("remembers the chosen and renamed columns per campaign", async () => {
    const { saveExportMapping, planExport, exportStream } = await import("@/lib/export/queries");
    const { defaultMapping } = await import("@/lib/export/columns");
    const purposes = await (await import("@/lib/db")).db.purpose.findMany({ where: { campaignId: s.campaign.id }, orderBy: { position: "asc" }, select: { id: true } });
    const mapping = defaultMapping([{ id: s.questions.heating.id, label: "Chauffage actuel" }, { id: s.questions.wish.id, label: "Vos attentes" }], purposes);
    mapping.columns = [{ key: "email", header: "Email", include: true }, { key: "segment", header: "Segment RFM", include: true }, ...mapping.columns.filter((c) => c.key !== "email" && c.key !== "segment").map((c) => ({ ...c, include: false }))];
    mapping.separator = ",";
    await saveExportMapping(s.member, s.campaign.id, mapping);
    const text = await readAll(exportStream(s.member, await planExport(s.member.organisationId, s.campaign.id, { preset: "winners" })));
    expect(text.slice(1).split("\r\n")[0]).toBe("Email,Segment RFM");
    await expect(saveExportMapping(other.member, s.campaign.id, mapping)).rejects.toThrow(NotFound);
  });

  it("lists, filters, searches and sorts leads, scoped to the organisation", async () => {
    const { listLeads } = await import("@/lib/leads/queries");
    const { parseLeadFilters } = await import("@/lib/leads/filters");
    const all = await listLeads(s.member.organisationId, parseLeadFilters({}), s.campaign.id);
    expect(all.total).toBe(people.length - 1); // the rejected bot entry is not a lead
    expect(all.rows.every((r) => r.campaignId === s.campaign.id)).toBe(true);
    const f = (params: Record<string, string>) => listLeads(s.member.organisationId, parseLeadFilters(params), s.campaign.id);
    expect((await f({ draw: "winner" })).total).toBe(2);
    expect((await f({ draw: "alternate" })).total).toBe(1);
    expect((await f({ draw: "loser" })).total).toBe(17 - 3);
    expect((await f({ confirmed: "no" })).rows.map((r) => r.email)).toEqual(["unconfirmed@example.test"]);
    expect((await f({ segment: "LOST" })).total).toBe(2);
    expect((await f({ r: "1" })).total).toBe(2);
    expect((await f({ source: "facebook" })).rows.map((r) => r.email)).toEqual(["evil@example.test"]);
    expect((await f({ q: "WITHDREW" })).rows.map((r) => r.email)).toEqual(["withdrew@example.test"]);
    expect((await f({ q: "%" })).total).toBe(0);
    // Accents and case do not matter (SQLite's LOWER alone folds ASCII only).
    const { db } = await import("@/lib/db");
    await db.contact.update({ where: { id: s.contacts["withdrew@example.test"]! }, data: { firstName: "Élodie", lastName: "DUPRÉ" } });
    for (const q of ["elodie", "ÉLODIE", "dupre", "Dupré"]) expect((await f({ q })).rows.map((r) => r.email)).toEqual(["withdrew@example.test"]);
    const consenting = await f({ purpose: s.recontactId });
    expect(consenting.rows.map((r) => r.email)).not.toContain("withdrew@example.test");
    expect(consenting.rows.map((r) => r.email)).not.toContain("noconsent@example.test");
    // An unconfirmed entry's grant does not count until that entry is confirmed.
    expect(consenting.rows.map((r) => r.email)).not.toContain("unconfirmed@example.test");
    expect(consenting.total).toBe(people.length - 1 - 2 - 1);
    const sorted = await f({ sort: "email", dir: "asc" });
    const emails = sorted.rows.map((r) => r.email);
    expect(emails).toEqual([...emails].sort());
    const today = new Date().toISOString().slice(0, 10);
    expect((await f({ from: today })).total).toBe(0);
    // The organisation-wide list has only this organisation's leads.
    const orgWide = await listLeads(s.member.organisationId, parseLeadFilters({}));
    expect(orgWide.total).toBe(people.length - 1);
    expect((await listLeads(other.member.organisationId, parseLeadFilters({}), s.campaign.id)).total).toBe(0);
  });

  it("shows a lead's answers and draw status, and not another organisation's lead", async () => {
    const { getLead } = await import("@/lib/leads/queries");
    const lead = await getLead(s.member.organisationId, s.campaign.id, s.ids["ok0@example.test"]!);
    expect(lead.answers.map((a) => [a.label, a.text])).toEqual([
      ["Chauffage actuel", "Granulés"],
      ["Vos attentes", "=cmd|' /C calc'!A0"],
    ]);
    expect(["WINNER", "ALTERNATE", "LOSER"]).toContain(lead.drawStatus);
    const unconfirmed = await getLead(s.member.organisationId, s.campaign.id, s.ids["unconfirmed@example.test"]!);
    expect(unconfirmed.drawStatus).toBeNull();
    await expect(getLead(other.member.organisationId, s.campaign.id, s.ids["ok0@example.test"]!)).rejects.toThrow(NotFound);
  });

  it("notifies the winners once, with the legal footer", async () => {
    const { activeDraw } = await import("@/lib/draw/queries");
    const { notifyWinners } = await import("@/lib/draw/notify");
    const { db } = await import("@/lib/db");
    const draw = (await activeDraw(db, s.campaign.id))!;
    expect(await notifyWinners(s.member, s.campaign.id, draw.id)).toBe(2);
    const mails = await db.outboxMail.findMany({ where: { kind: "draw.winner" } });
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toContain(s.campaign.title);
    expect(JSON.parse(mails[0]!.headers)).toHaveProperty("List-Unsubscribe");
    expect(mails[0]!.text).toContain("Un poêle");
    expect(mails[0]!.text).toContain("Se désabonner en un clic");
    await expect(notifyWinners(s.member, s.campaign.id, draw.id)).rejects.toThrow("draw.errors.alreadyNotified");
  });
});
