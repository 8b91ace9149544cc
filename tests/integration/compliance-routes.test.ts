import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase as freshDatabase } from "../test-db";
import { seedOrganisation } from "./consent-fixtures";

freshDatabase();

describe("purge route and outbox scoping", () => {
  let orgA = "";
  let orgB = "";
  beforeAll(async () => {
    orgA = (await seedOrganisation("A")).id;
    orgB = (await seedOrganisation("B")).id;
  });

  it("the cron route needs the bearer secret", async () => {
    const { POST } = await import("@/app/api/cron/purge/route");
    const call = (authorization?: string) => POST(new Request("http://localhost/api/cron/purge", { method: "POST", headers: authorization ? { authorization } : {} }));
    delete process.env.AIMANT_CRON_SECRET;
    expect((await call("Bearer anything")).status).toBe(503);
    process.env.AIMANT_CRON_SECRET = "s3cret-for-tests";
    expect((await call()).status).toBe(403);
    expect((await call("Bearer wrong")).status).toBe(403);
    const ok = await call("Bearer s3cret-for-tests");
    expect(ok.status).toBe(200);
    const report = (await ok.json()) as { totals: Record<string, number>; organisations: unknown[] };
    expect(report.totals).toEqual({ unconfirmedEntriesDeleted: 0, unconfirmedContactsAnonymised: 0, expiredContactsAnonymised: 0, rejectedEntriesStripped: 0 });
    expect(report.organisations).toHaveLength(2);
  });

  it("an organisation cannot read another's outbox", async () => {
    const { db } = await import("@/lib/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { getOutboxMail, listOutbox } = await import("@/lib/mail/queries");
    const id = await queueMail(db, { organisationId: orgB, to: "x@example.test", subject: "B only", html: "x", text: "x", kind: "test" });
    await expect(getOutboxMail(orgA, id)).rejects.toThrow("errors.notFound");
    expect((await listOutbox(orgA, 0)).total).toBe(0);
    expect((await getOutboxMail(orgB, id)).subject).toBe("B only");
  });
});
