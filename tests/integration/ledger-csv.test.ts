import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { useFreshDatabase as freshDatabase } from "../test-db";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";

freshDatabase();

/** The stream's text with its BOM kept (Response.text() would drop it). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe("ledger CSV export", () => {
  it("streams every filtered record, oldest first, with a BOM, ';' and defused cells, in batches", async () => {
    const { db } = await import("@/lib/db");
    const { ledgerCsvStream } = await import("@/lib/consent/ledger-csv");
    const { ledgerBatches } = await import("@/lib/consent/queries");
    const org = await seedOrganisation("Csv");
    const seeded = await seedCampaign(org.id);
    for (let i = 0; i < 5; i++) await seedEntry(seeded, { email: `csv${i}@example.test` });
    // A hostile user agent must come out as text, not as a formula.
    const { contact } = await seedEntry(seeded, { email: "evil@example.test", grant: false });
    await db.consentRecord.create({
      data: { organisationId: org.id, contactId: contact.id, purposeId: seeded.purpose.id, purposeVersionId: seeded.version.id, wording: seeded.version.wording, wordingHash: seeded.version.hash, action: "WITHDRAW", method: "ADMIN", userAgent: "=HYPERLINK(\"http://x\")" },
    });
    let rowsReported = -1;
    const text = await readAll(ledgerCsvStream(org.id, {}, "fr", async (n) => void (rowsReported = n)));
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parse(text.slice(1), { delimiter: ";" }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(["enregistre_le_utc", "id_enregistrement", "id_contact", "email_contact"]);
    expect(rows[0]).toHaveLength(17);
    expect(rows).toHaveLength(7);
    expect(rowsReported).toBe(6);
    const dates = rows.slice(1).map((r) => r[0]!);
    expect([...dates].sort()).toEqual(dates);
    const evil = rows.find((r) => r[3] === "evil@example.test")!;
    expect(evil[14]).toBe("'=HYPERLINK(\"http://x\")");
    // Filters apply; batches of any size give the same rows.
    const withdrawals = parse((await readAll(ledgerCsvStream(org.id, { action: "WITHDRAW" }, "fr"))).slice(1), { delimiter: ";" }) as string[][];
    expect(withdrawals).toHaveLength(2);
    // By purpose: only that purpose's records.
    const second = await seedCampaign(org.id);
    await seedEntry(second, { email: "second@example.test" });
    const { listLedger } = await import("@/lib/consent/queries");
    const byPurpose = await listLedger(org.id, { purposeId: second.purpose.id, page: 1 });
    expect(byPurpose.total).toBe(1);
    expect(byPurpose.rows.every((r) => r.contact.email === "second@example.test")).toBe(true);
    expect(parse((await readAll(ledgerCsvStream(org.id, { purposeId: seeded.purpose.id }, "fr"))).slice(1), { delimiter: ";" })).toHaveLength(7);
    let count = 0;
    for await (const batch of ledgerBatches(org.id, {}, 2)) count += batch.length;
    expect(count).toBe(7);
    // Another organisation's export is empty.
    const other = await seedOrganisation("Other");
    expect(parse((await readAll(ledgerCsvStream(other.id, {}, "fr"))).slice(1), { delimiter: ";" })).toHaveLength(1);
  });

  it("writes its header in the reader's language: French words for a French reader, English for an English one", async () => {
    const { ledgerCsvStream } = await import("@/lib/consent/ledger-csv");
    const { frenchIn } = await import("../architecture/french");
    const org = await seedOrganisation("Csv languages");
    await seedEntry(await seedCampaign(org.id), { email: "langues@example.test" });
    const header = async (locale: "fr" | "en") => (parse((await readAll(ledgerCsvStream(org.id, {}, locale))).slice(1), { delimiter: ";" }) as string[][])[0]!;
    const [fr, en] = [await header("fr"), await header("en")];
    expect(fr).toContain("texte_affiche");
    expect(fr).toContain("navigateur");
    expect(en).toEqual(expect.arrayContaining(["recorded_at_utc", "wording", "user_agent"]));
    expect(en).toHaveLength(fr.length);
    expect(frenchIn(en.join(" ").replace(/_/g, " "))).toBeNull();
  });
});
