import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { NotFound } from "@/lib/errors";
import { seedContest } from "./draw-fixtures";

useFreshDatabase();

type Seeded = Awaited<ReturnType<typeof seedContest>>;

async function bytes(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("analysis export: every response, contact details only where consent counts", () => {
  let s: Seeded;
  let other: Seeded;
  const people = [
    { email: "zoe@example.test", firstName: "Zoé" },
    { email: "unconfirmed@example.test", confirmed: false, firstName: "Secret" },
    { email: "withdrawn@example.test", firstName: "Parti" },
    { email: "bot@example.test", status: "REJECTED" },
  ];

  beforeAll(async () => {
    s = await seedContest("analyse", people);
    other = await seedContest("autre", [{ email: "b1@example.test" }]);
    const { db } = await import("@/lib/db");
    // Numbers that lose their leading zero when a spreadsheet reads them as numbers.
    await db.contact.updateMany({ where: { organisationId: s.member.organisationId }, data: { phone: "0612345678", postalCode: "01000" } });
    // withdrawn@ takes back both consents: their answers stay, their name goes.
    const contactId = s.contacts["withdrawn@example.test"]!;
    const purposes = await db.purpose.findMany({ where: { campaignId: s.campaign.id }, include: { versions: true } });
    await db.consentRecord.createMany({
      data: purposes.map((p) => ({
        organisationId: s.member.organisationId,
        contactId,
        purposeId: p.id,
        purposeVersionId: p.versions[0]!.id,
        wording: p.versions[0]!.wording,
        wordingHash: "h",
        action: "WITHDRAW",
        method: "PREFERENCE_CENTRE",
        campaignId: s.campaign.id,
        createdAt: new Date(),
      })),
    });
    // A known instant, to check the campaign's time zone: 07:30 UTC is 08:30 in Paris in December.
    await db.response.update({ where: { id: s.ids["zoe@example.test"]! }, data: { submittedAt: new Date("2026-12-01T07:30:00Z") } });
  });

  it("reads back from XLSX with codes typed as text, dates in the campaign's zone, scores as numbers, and no details of non-consenting people", async () => {
    const { planAnalysisExport, analysisStream } = await import("@/lib/export/analysis-queries");
    const plan = await planAnalysisExport(s.member.organisationId, s.campaign.id, { format: "xlsx" }, "fr");
    expect(plan.fileName).toMatch(/-analysis-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(analysisStream(s.member, plan))) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 10)).toEqual(["Réponse", "Date de réponse", "Date de confirmation", "Source", "Support", "E-mail", "Prénom", "Nom", "Téléphone", "Code postal"]);
    expect(header).toContain("Consentement : Offres des partenaires");
    const column = (name: string) => header.indexOf(name) + 1;
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(1).value), row);
    });
    // Every accepted response, the rejected bot entry apart.
    expect([...rows.keys()].sort()).toEqual([s.ids["zoe@example.test"], s.ids["unconfirmed@example.test"], s.ids["withdrawn@example.test"]].sort());

    const zoe = rows.get(s.ids["zoe@example.test"]!)!;
    expect(zoe.getCell(column("E-mail")).value).toBe("zoe@example.test");
    expect(zoe.getCell(column("Prénom")).value).toBe("Zoé");
    const phone = zoe.getCell(column("Téléphone"));
    expect(phone.type).toBe(ExcelJS.ValueType.String);
    expect(phone.value).toBe("0612345678");
    const postal = zoe.getCell(column("Code postal"));
    expect(postal.type).toBe(ExcelJS.ValueType.String);
    expect(postal.value).toBe("01000");
    const submitted = zoe.getCell(column("Date de réponse"));
    expect(submitted.type).toBe(ExcelJS.ValueType.Date);
    // Excel dates have no zone: the cell holds Paris's wall-clock time.
    expect((submitted.value as Date).toISOString()).toBe("2026-12-01T08:30:00.000Z");
    const recency = zoe.getCell(column("Score de récence (R)"));
    expect(recency.type).toBe(ExcelJS.ValueType.Number);
    expect(recency.value).toBe(5);
    expect(zoe.getCell(column("Segment RFM")).value).toBe("Champions");
    expect(zoe.getCell(column("Chauffage actuel")).value).toBe("Granulés");
    // An answer that looks like a formula is a typed string, never a formula.
    expect(zoe.getCell(column("Vos attentes")).type).toBe(ExcelJS.ValueType.String);
    expect(zoe.getCell(column("Consentement : Offres des partenaires")).value).toBe("Oui");

    for (const email of ["unconfirmed@example.test", "withdrawn@example.test"]) {
      const row = rows.get(s.ids[email]!)!;
      for (const name of ["E-mail", "Prénom", "Nom", "Téléphone", "Code postal"]) expect([null, ""]).toContain(row.getCell(column(name)).value);
      expect(row.getCell(column("Consentement : Offres des partenaires")).value).toBe("Non");
      // Their answers are still there for the analysis.
      expect(row.getCell(column("Chauffage actuel")).value).toBe("Granulés");
    }
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).not.toContain("unconfirmed@example.test");
    expect(text).not.toContain("Secret");
    expect(text).not.toContain("Parti");

    const { db } = await import("@/lib/db");
    const audit = await db.auditLog.findFirstOrThrow({ where: { organisationId: s.member.organisationId, action: "export.analysis" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(audit.details)).toMatchObject({ format: "xlsx", rowCount: 3, completed: true });
  });

  it("writes CSV for a spreadsheet with codes Excel keeps as text and dates in the campaign's zone; plain codes for a CRM", async () => {
    const { planAnalysisExport, analysisStream } = await import("@/lib/export/analysis-queries");
    const csv = async (target: "spreadsheet" | "crm") => {
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await bytes(analysisStream(s.member, await planAnalysisExport(s.member.organisationId, s.campaign.id, { format: "csv", target }, "en"))));
      expect(text.startsWith("\uFEFF")).toBe(true);
      return parse(text.slice(1), { delimiter: ";" }) as string[][];
    };
    const [header, ...rows] = await csv("spreadsheet");
    expect(header!.slice(0, 3)).toEqual(["Response", "Submitted at", "Confirmed at"]);
    const zoe = rows.find((r) => r[0] === s.ids["zoe@example.test"])!;
    expect(zoe[header!.indexOf("Phone")]).toBe('="0612345678"');
    expect(zoe[header!.indexOf("Postal code")]).toBe('="01000"');
    expect(zoe[header!.indexOf("Submitted at")]).toBe("2026-12-01 08:30:00");
    // The respondent's formula stays defused in CSV.
    expect(zoe[header!.indexOf("Vos attentes")]).toBe("'=cmd|' /C calc'!A0");
    const [crmHeader, ...crmRows] = await csv("crm");
    expect(crmRows.find((r) => r[0] === s.ids["zoe@example.test"])![crmHeader!.indexOf("Phone")]).toBe("0612345678");
  });

  it("is another organisation's campaign: not found", async () => {
    const { planAnalysisExport } = await import("@/lib/export/analysis-queries");
    await expect(planAnalysisExport(other.member.organisationId, s.campaign.id)).rejects.toThrow(NotFound);
  });
});
