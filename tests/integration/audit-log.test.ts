import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";

useFreshDatabase();

describe("the readable audit log: filters by action, person and day, CSV export, within the organisation", () => {
  let orgA = "";
  let orgB = "";
  let camille = "";
  let campaignId = "";

  beforeAll(async () => {
    const { db } = await import("@/lib/db");
    const { createAccount } = await import("@/lib/auth/sign-up");
    const a = await createAccount({ name: "Camille", organisationName: "Org A", email: "camille@a.test", password: "x".repeat(12) });
    const b = await createAccount({ name: "Bob", organisationName: "Org B", email: "bob@b.test", password: "x".repeat(12) });
    orgA = a.organisationId;
    orgB = b.organisationId;
    camille = a.userId;
    const campaign = await db.campaign.create({ data: { organisationId: orgA, kind: "CONTEST", title: "Poêle à gagner", slug: "poele-audit", opensAt: new Date(), closesAt: new Date(), retentionMonths: 36 } });
    campaignId = campaign.id;
    await db.auditLog.deleteMany({});
    await db.auditLog.createMany({
      data: [
        { organisationId: orgA, userId: camille, actorLabel: "camille@a.test", action: "export.csv", targetType: "campaign", targetId: campaignId, details: JSON.stringify({ preset: "qualified-losers", rowCount: 124 }), createdAt: new Date("2026-11-30T10:00:00Z") },
        { organisationId: orgA, userId: camille, actorLabel: "camille@a.test", action: "campaign.publish", targetType: "campaign", targetId: campaignId, createdAt: new Date("2026-11-29T10:00:00Z") },
        { organisationId: orgA, userId: null, actorLabel: "SYSTEM", action: "retention.purge", createdAt: new Date("2026-11-30T23:30:00Z") },
        { organisationId: orgB, userId: b.userId, actorLabel: "bob@b.test", action: "export.csv", targetType: "campaign", targetId: campaignId, details: JSON.stringify({ preset: "winners", rowCount: 3 }), createdAt: new Date("2026-11-30T10:00:00Z") },
      ],
    });
  });

  it("filters on the server by action, person and local day, never showing another organisation's lines", async () => {
    const { listAudit } = await import("@/lib/audit/queries");
    const { parseAuditFilters } = await import("@/lib/audit/filters");
    const list = async (params: Record<string, string>) => (await listAudit(orgA, parseAuditFilters(params))).rows.map((r) => r.action);
    expect(await list({})).toEqual(["retention.purge", "export.csv", "campaign.publish"]);
    expect(await list({ action: "export.csv" })).toEqual(["export.csv"]);
    expect(await list({ person: camille })).toEqual(["export.csv", "campaign.publish"]);
    expect(await list({ person: "SYSTEM" })).toEqual(["retention.purge"]);
    // 23:30 UTC on 30 November is 1 December in Paris.
    expect(await list({ from: "2026-11-30", to: "2026-11-30" })).toEqual(["export.csv"]);
    expect(await list({ from: "2026-12-01" })).toEqual(["retention.purge"]);
    expect((await listAudit(orgB, parseAuditFilters({}))).rows.map((r) => r.actorLabel)).toEqual(["bob@b.test"]);
  });

  it("exports the filtered log as CSV with sentences in the reader's language", async () => {
    const { auditCsvStream } = await import("@/lib/audit/csv");
    const { parseAuditFilters } = await import("@/lib/audit/filters");
    const csv = async (locale: "fr" | "en", params: Record<string, string>) => {
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(auditCsvStream(orgA, parseAuditFilters(params), locale, "Europe/Paris")).arrayBuffer());
      return parse(text.slice(1), { delimiter: ";" }) as string[][];
    };
    const [header, ...rows] = await csv("fr", { action: "export.csv" });
    expect(header).toEqual(["date", "personne", "action", "code", "objet", "détails"]);
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe("2026-11-30 11:00:00");
    expect(rows[0]![1]).toBe("Camille");
    expect(rows[0]![2]!.replace(/[\u202f\u00a0]/g, " ")).toBe("Camille a exporté 124 contacts : perdants qualifiés (« Poêle à gagner »)");
    const [, ...all] = await csv("en", {});
    expect(all.map((r) => r[2])).toEqual(["system purged data past its retention period", "Camille exported 124 contacts: qualified losers (“Poêle à gagner”)", "Camille published the campaign “Poêle à gagner”"]);
  });
});
