import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { seedCampaign, seedOrganisation } from "./consent-fixtures";

useFreshDatabase();

type Action = "GRANT" | "CONFIRM" | "WITHDRAW";
/** One contact's ledger: for each of two purposes, records at a few instants (few, so that ties are common). */
const ledgerOf = fc.array(fc.record({ purpose: fc.integer({ min: 0, max: 1 }), action: fc.constantFrom<Action>("GRANT", "CONFIRM", "WITHDRAW"), minute: fc.integer({ min: 0, max: 4 }) }), { maxLength: 7 });

/**
 * The one consent rule (lib/consent/current.ts): its SQL twins — the row
 * predicate used by exports and leads, the grouped form used by analytics —
 * give exactly what the TypeScript rule gives, on the same generated rows,
 * in both modes (confirmed only, and agreed).
 */
describe("the consent rule: TypeScript and SQL agree on generated ledgers", () => {
  let seeded: Awaited<ReturnType<typeof seedCampaign>>;
  let purposes: { id: string; versionId: string }[];
  beforeAll(async () => {
    const { db } = await import("@/lib/db");
    seeded = await seedCampaign((await seedOrganisation("Rule")).id);
    const second = await db.purpose.create({ data: { campaignId: seeded.campaign.id, position: 1, versions: { create: { version: 1, wording: "Partenaires", hash: "h" } } }, include: { versions: true } });
    purposes = [
      { id: seeded.purpose.id, versionId: seeded.version.id },
      { id: second.id, versionId: second.versions[0]!.id },
    ];
  });

  it("same answer for every contact, purpose and mode", async () => {
    const { db } = await import("@/lib/db");
    const { Prisma } = await import("@/lib/generated/prisma/client");
    const { consentsNow, consentingNowSql, consentingPairsSql } = await import("@/lib/consent/current");
    const organisationId = seeded.campaign.organisationId;
    const t0 = Date.UTC(2026, 2, 1, 10);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(ledgerOf, { minLength: 1, maxLength: 6 }), async (ledgers) => {
        run++;
        const contactIds: string[] = [];
        for (const [i, ledger] of ledgers.entries()) {
          const contact = await db.contact.create({ data: { organisationId, email: `rule-${run}-${i}@example.test` } });
          contactIds.push(contact.id);
          await db.consentRecord.createMany({
            data: ledger.map((r) => ({
              organisationId, contactId: contact.id, purposeId: purposes[r.purpose]!.id, purposeVersionId: purposes[r.purpose]!.versionId,
              wording: "w", wordingHash: "h", action: r.action, method: "ADMIN", campaignId: seeded.campaign.id, createdAt: new Date(t0 + r.minute * 60_000),
            })),
          });
        }
        const stored = await db.consentRecord.findMany({ where: { contactId: { in: contactIds } }, select: { contactId: true, purposeId: true, action: true, createdAt: true } });
        for (const confirmedOnly of [true, false]) {
          const pairs = await db.$queryRaw<{ contactId: string; purposeId: string }[]>(consentingPairsSql(Prisma.sql`cr."contactId" IN (${Prisma.join(contactIds)})`, { confirmedOnly }));
          const grouped = new Set(pairs.map((p) => `${p.contactId}/${p.purposeId}`));
          for (const purpose of purposes) {
            const rows = await db.$queryRaw<{ id: string }[]>`SELECT c."id" FROM "Contact" c WHERE c."id" IN (${Prisma.join(contactIds)}) AND ${consentingNowSql(Prisma.sql`c."id"`, purpose.id, { confirmedOnly })}`;
            const predicate = new Set(rows.map((r) => r.id));
            for (const contactId of contactIds) {
              const records = stored.filter((r) => r.contactId === contactId);
              const expected = consentsNow(records, purpose.id, { confirmedOnly });
              expect({ contactId, confirmedOnly, predicate: predicate.has(contactId), grouped: grouped.has(`${contactId}/${purpose.id}`) }).toEqual({ contactId, confirmedOnly, predicate: expected, grouped: expected });
            }
          }
        }
      }),
      { numRuns: 60, seed: 11 },
    );
  }, 120_000);

  it("counts a grant only once a CONFIRM follows it, and not across a withdrawal", async () => {
    const { consentsNow } = await import("@/lib/consent/current");
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
    const p = "p";
    expect(consentsNow([{ purposeId: p, action: "GRANT", createdAt: at(0) }], p)).toBe(false);
    expect(consentsNow([{ purposeId: p, action: "GRANT", createdAt: at(0) }, { purposeId: p, action: "CONFIRM", createdAt: at(1) }], p)).toBe(true);
  });
});
