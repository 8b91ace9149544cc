import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { seedCampaign, seedOrganisation } from "./consent-fixtures";

// The draw's eligibility rule has one home (lib/draw/eligibility.ts) with a TypeScript and an SQL form.
// Both run here on the same generated rows, every combination of what the rule looks at, and must agree.

useFreshDatabase();

const T0 = Date.parse("2026-05-01T10:00:00Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
/** The instants a draw may have run at: before, between and after the entries' dates. */
const DRAWS = [at(-10), at(5), at(15), at(25), at(35), at(1_000)];

let campaignId = "";

/** A deterministic PRNG, so a failure can be replayed. */
function prng(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

beforeAll(async () => {
  const { db } = await import("@/lib/db");
  const org = await seedOrganisation("Eligibility");
  campaignId = (await seedCampaign(org.id)).campaign.id;
  const random = prng(42);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const contacts: { id: string }[] = [];
  for (let i = 0; i < 60; i++) {
    contacts.push(await db.contact.create({ data: { organisationId: org.id, email: `p${i}@example.test`, erasedAt: pick([null, null, null, at(40)]) } }));
  }
  for (let i = 0; i < 240; i++) {
    // Several entries per contact on purpose (the one-per-person step), and some with no contact at all.
    const contact = random() < 0.08 ? null : pick(contacts);
    const submittedAt = at(pick([0, 10, 20, 30]) + Math.floor(random() * 3));
    await db.response.create({
      data: {
        campaignId,
        contactId: contact?.id ?? null,
        status: pick(["ACCEPTED", "ACCEPTED", "ACCEPTED", "REJECTED"]),
        submittedAt,
        confirmedAt: pick([null, submittedAt, at(12), at(22), at(32)]),
        ageOk: random() > 0.15,
        erasedAt: random() < 0.1 ? at(50) : null,
        excludedAt: random() < 0.1 ? at(50) : null,
      },
    });
  }
}, 120_000);

describe("draw eligibility: TypeScript and SQL on the same rows", () => {
  it("gives the same eligible list, in the same order, with and without required confirmation", async () => {
    const { db } = await import("@/lib/db");
    const { loadCandidates } = await import("@/lib/draw/queries");
    const { eligibleEntries, eligibleIdsSql } = await import("@/lib/draw/eligibility");
    const candidates = await loadCandidates(db, campaignId);
    for (const requireConfirmation of [true, false]) {
      const inTypeScript = eligibleEntries(candidates, { requireConfirmation }).eligibleIds;
      const inSql = (await db.$queryRaw<{ id: string }[]>(eligibleIdsSql(campaignId, requireConfirmation))).map((r) => r.id);
      expect(inSql, `requireConfirmation=${requireConfirmation}`).toEqual(inTypeScript);
      // The generated rows exercise the rule: some eligible, some not.
      expect(inTypeScript.length).toBeGreaterThan(5);
      expect(inTypeScript.length).toBeLessThan(candidates.length / 2);
    }
  });

  it("gives the same entries eligible when a draw ran, for draws at any instant", async () => {
    const { db } = await import("@/lib/db");
    const { Prisma } = await import("@/lib/generated/prisma/client");
    const { loadCandidates } = await import("@/lib/draw/queries");
    const { eligibleAtDraw, eligibleAtDrawSql } = await import("@/lib/draw/eligibility");
    const candidates = await loadCandidates(db, campaignId);
    const counts = new Set<number>();
    for (const drawnAt of DRAWS) {
      for (const requireConfirmation of [true, false]) {
        const inTypeScript = candidates.filter((c) => eligibleAtDraw(c, drawnAt, { requireConfirmation })).map((c) => c.id).sort();
        const rows = await db.$queryRaw<{ id: string }[]>`
          SELECT r."id" FROM "Response" r LEFT JOIN "Contact" c ON c."id" = r."contactId"
          WHERE r."campaignId" = ${campaignId} AND ${eligibleAtDrawSql(Prisma.sql`${drawnAt}`, Prisma.sql`${requireConfirmation}`)}`;
        expect(rows.map((r) => r.id).sort(), `${drawnAt.toISOString()} requireConfirmation=${requireConfirmation}`).toEqual(inTypeScript);
        counts.add(inTypeScript.length);
      }
    }
    expect(counts.size).toBeGreaterThan(4); // the instants and the setting change the answer
  });
});
