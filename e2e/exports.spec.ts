import fs from "node:fs";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { test, expect, signIn } from "./fixtures";
import { DEMO_SLUG } from "./campaign-helpers";
import { openE2eDb } from "./support/e2e-db";
import type { Page } from "@playwright/test";

// A marketer downloads the analysis export (CSV and XLSX) and a lead export for HubSpot, then
// reads the files: phone numbers and postal codes keep their leading zero, dates are the
// campaign's wall-clock time, contact details only for people whose consent counts, and a
// yes/no column per purpose.

const OWNER = { email: "demo@aimant.local", password: "demo-aimant-2026" };
// Not Paris, not the server's UTC: the files must follow the campaign's own zone.
const ZONE = "America/Martinique";

test.describe.configure({ mode: "serial" });

let campaignId = "";
let saved: { timeZone: string; exportMapping: string };
type Entry = { id: string; contactId: string; submittedAt: string; confirmed: number; email: string; phone: string | null; postalCode: string | null };
let entries = new Map<string, Entry>();
let consentRecords: { contactId: string; createdAt: string }[] = [];

/** "2026-11-21 09:05:00": an instant's wall clock in a zone, the form the exports write. */
function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}:${get("second")}`;
}

test.beforeAll(() => {
  const db = openE2eDb();
  const row = db.prepare(`SELECT "id", "timeZone", "exportMapping" FROM "Campaign" WHERE "slug" = ?`).get(DEMO_SLUG) as { id: string; timeZone: string; exportMapping: string };
  campaignId = row.id;
  saved = { timeZone: row.timeZone, exportMapping: row.exportMapping };
  db.prepare(`UPDATE "Campaign" SET "timeZone" = ? WHERE "id" = ?`).run(ZONE, campaignId);
  const rows = db
    .prepare(
      `SELECT r."id", r."contactId", r."submittedAt", (r."confirmedAt" IS NOT NULL) AS "confirmed", c."email", c."phone", c."postalCode"
       FROM "Response" r JOIN "Contact" c ON c."id" = r."contactId" WHERE r."campaignId" = ? AND r."status" = 'ACCEPTED'`,
    )
    .all(campaignId) as Entry[];
  entries = new Map(rows.map((e) => [e.id, e]));
  consentRecords = db
    .prepare(`SELECT cr."contactId", cr."createdAt" FROM "ConsentRecord" cr JOIN "Purpose" p ON p."id" = cr."purposeId" WHERE p."campaignId" = ?`)
    .all(campaignId) as { contactId: string; createdAt: string }[];
  db.close();
});

// Other journeys use the demo contest: give it back its zone and its column choices.
test.afterAll(() => {
  const db = openE2eDb();
  db.prepare(`UPDATE "Campaign" SET "timeZone" = ?, "exportMapping" = ? WHERE "id" = ?`).run(saved.timeZone, saved.exportMapping, campaignId);
  db.close();
});

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync((await file.path())!) };
}

const CONTACT_COLUMNS = ["E-mail", "Prénom", "Nom", "Téléphone", "Code postal"];

/** What every analysis export must hold, whatever its format: rows as header → text. */
function checkAnalysisRows(rows: Record<string, string>[], purposeHeaders: string[]) {
  expect(rows.length).toBeGreaterThan(100);
  expect(purposeHeaders.length).toBeGreaterThanOrEqual(2);
  let withContact = 0;
  let anonymous = 0;
  for (const row of rows) {
    const entry = entries.get(row["Réponse"]!);
    expect(entry, `response ${row["Réponse"]} is an accepted entry of the demo`).toBeTruthy();
    // The campaign's wall clock, not UTC nor Paris.
    expect(row["Date de réponse"]).toBe(wallClock(new Date(entry!.submittedAt), ZONE));
    const consents = purposeHeaders.map((h) => row[h]);
    for (const answer of consents) expect(["Oui", "Non"]).toContain(answer);
    if (row["E-mail"]) {
      withContact++;
      // Details only for a confirmed entry consenting to at least one purpose now.
      expect(row["E-mail"]).toBe(entry!.email);
      expect(entry!.confirmed).toBeTruthy();
      expect(consents).toContain("Oui");
    } else {
      anonymous++;
      expect(consents, `${row["Réponse"]} consents to nothing`).not.toContain("Oui");
      for (const column of CONTACT_COLUMNS) expect(row[column], `${column} of an anonymous row`).toBe("");
    }
    if (!entry!.confirmed) expect(row["E-mail"]).toBe("");
  }
  expect(withContact).toBeGreaterThan(10);
  expect(anonymous).toBeGreaterThan(10);
}

test("the analysis export, as CSV and as XLSX, keeps codes as text, dates in the campaign's zone and contacts only where consent counts", async ({ page }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page).toHaveURL(/\/campagnes/);
  await page.goto(`/campagnes/${campaignId}/export`);

  const csv = await download(page, () => page.getByRole("link", { name: "Télécharger (CSV)" }).click());
  expect(csv.name).toMatch(/^demo-poele-granules-analysis-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvRows = parse(csv.bytes, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
  const purposeHeaders = Object.keys(csvRows[0]!).filter((h) => h.startsWith("Consentement : "));
  // For a spreadsheet, codes are written ="0612345678" so Excel keeps the zero: read them back as Excel would.
  const text = (cell: string) => /^="(.*)"$/.exec(cell)?.[1] ?? cell;
  const phones = csvRows.map((r) => r["Téléphone"]!).filter(Boolean);
  const postalCodes = csvRows.map((r) => r["Code postal"]!).filter(Boolean);
  expect(phones.length).toBeGreaterThan(5);
  for (const phone of phones) expect(phone).toMatch(/^="0[67]\d{8}"$/);
  for (const postal of postalCodes) expect(postal).toMatch(/^="\d{5}"$/);
  expect(postalCodes.some((p) => text(p).startsWith("0"))).toBe(true);
  for (const row of csvRows.filter((r) => r["E-mail"])) {
    const entry = entries.get(row["Réponse"]!)!;
    expect(text(row["Téléphone"]!)).toBe(entry.phone ?? "");
    expect(text(row["Code postal"]!)).toBe(entry.postalCode ?? "");
  }
  checkAnalysisRows(csvRows, purposeHeaders);

  const xlsx = await download(page, () => page.getByRole("link", { name: "Télécharger (Excel .xlsx)" }).click());
  expect(xlsx.name).toMatch(/^demo-poele-granules-analysis-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const xlsxRows: Record<string, string>[] = [];
  let phoneCells = 0;
  sheet.eachRow((row, index) => {
    if (index === 1) return;
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      const value = row.getCell(i + 1).value;
      if (name === "Téléphone" || name === "Code postal") {
        // Typed text cells: Excel cannot turn them into numbers and drop the zero.
        if (value !== null && value !== undefined && value !== "") {
          expect(typeof value, `${name} is a text cell`).toBe("string");
          if (name === "Téléphone") phoneCells++;
        }
      }
      // Excel dates have no zone: their UTC fields are the campaign's wall clock.
      record[name] = value instanceof Date ? value.toISOString().slice(0, 19).replace("T", " ") : value === null || value === undefined ? "" : String(value);
    });
    xlsxRows.push(record);
  });
  expect(phoneCells).toBeGreaterThan(5);
  expect(xlsxRows.filter((r) => r["Code postal"]).every((r) => /^\d{5}$/.test(r["Code postal"]!))).toBe(true);
  checkAnalysisRows(xlsxRows, header.filter((h) => h.startsWith("Consentement : ")));
  expect(new Set(xlsxRows.map((r) => r["E-mail"]).filter(Boolean))).toEqual(new Set(csvRows.map((r) => r["E-mail"]).filter(Boolean)));
});

test("a lead export with HubSpot's columns: its names and separator, plain codes with their zeros, dates in the campaign's zone, yes/no per purpose", async ({ page }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page).toHaveURL(/\/campagnes/);
  await page.goto(`/campagnes/${campaignId}/export`);
  await page.getByLabel("Tous les consentants à une finalité").check();
  await page.getByLabel("Colonnes pour").selectOption("hubspot");
  const file = await download(page, () => page.getByRole("button", { name: "Télécharger le CSV" }).click());
  expect(file.name).toMatch(/^demo-poele-granules-purpose-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(file.bytes, { bom: true, delimiter: ",", columns: true }) as Record<string, string>[];
  expect(rows.length).toBeGreaterThan(10);
  expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["Email", "First Name", "Last Name", "Phone Number", "Postal Code", "consent_date", "consent_1", "consent_2"]));
  const byEmail = new Map([...entries.values()].map((e) => [e.email, e]));
  const contactOf = (email: string) => byEmail.get(email)!;
  let zeros = 0;
  for (const row of rows) {
    const entry = contactOf(row.Email!);
    expect(entry, `${row.Email} is an entrant`).toBeTruthy();
    expect(entry.confirmed).toBeTruthy();
    // A CRM import reads text columns as text: plain values, the leading zero kept.
    expect(row["Phone Number"]).toBe(entry.phone ?? "");
    expect(row["Postal Code"]).toBe(entry.postalCode ?? "");
    if (row["Phone Number"]!.startsWith("0") || row["Postal Code"]!.startsWith("0")) zeros++;
    // The consent's date is one of this contact's consent records, as the campaign's wall clock.
    const candidates = consentRecords.filter((r) => r.contactId === entry.contactId).map((r) => wallClock(new Date(r.createdAt), ZONE));
    expect(candidates).toContain(row.consent_date);
    for (const purpose of ["consent_1", "consent_2"]) expect(["Oui", "Non"]).toContain(row[purpose]);
  }
  expect(zeros).toBeGreaterThan(0);
  // Exported for the chosen purpose: its column says yes on every line, another one does not.
  const purposeColumns = Object.keys(rows[0]!).filter((h) => /^consent_\d$/.test(h));
  expect(purposeColumns.filter((h) => rows.every((r) => r[h] === "Oui"))).toHaveLength(1);
  expect(purposeColumns.some((h) => rows.some((r) => r[h] === "Non"))).toBe(true);
});
