import { parse } from "csv-parse/sync";
import { describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../test-db";
import { frenchIn } from "../architecture/french";
import { seedCampaign } from "./consent-fixtures";
import { owner } from "./entry-fixtures";

// The records of processing as CSV follow the reader's language, headers included, like every export:
// the same organisation and campaign give a French file to a French reader and an English one to an
// English reader. next-intl's request locale is the test's; the words come from the real catalogues.

useFreshDatabase();
const request = vi.hoisted(() => ({ userId: null as string | null, locale: "fr" as "fr" | "en" }));
vi.mock("next-auth", () => ({ getServerSession: async () => (request.userId ? { user: { id: request.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers() }));
vi.mock("next-intl/server", async () => {
  const { translator } = await import("@/lib/i18n/translate");
  return { getTranslations: async (namespace: string) => translator(request.locale, namespace), getLocale: async () => request.locale };
});

async function recordsCsv(locale: "fr" | "en"): Promise<string[][]> {
  request.locale = locale;
  const { GET } = await import("@/app/(dashboard)/conformite/traitements/export/route");
  const response = await GET();
  expect(response.status).toBe(200);
  return parse((await response.text()).replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][];
}

describe("the records of processing CSV", () => {
  it("writes its header and its words in the reader's language", async () => {
    const member = await owner("records-csv@example.test", "Stoves");
    request.userId = member.userId;
    await seedCampaign(member.organisationId);
    const [frHeader, ...frRows] = await recordsCsv("fr");
    expect(frHeader!.slice(0, 3)).toEqual(["Traitement", "Statut", "Responsable du traitement"]);
    const [enHeader, ...enRows] = await recordsCsv("en");
    expect(enHeader!.slice(0, 3)).toEqual(["Processing", "Status", "Controller"]);
    expect(enRows.length).toBe(frRows.length);
    expect(enRows.length).toBeGreaterThan(0);
    // Beyond the organisation's and campaign's own texts (names, addresses), the English file holds no French.
    expect(enHeader!.filter((cell) => frenchIn(cell) !== null)).toEqual([]);
    expect(enRows.map((row) => row[1]!).filter((status) => frenchIn(status) !== null)).toEqual([]);
  });
});
