import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { Invalid, NotFound } from "@/lib/errors";

useFreshDatabase();

describe("organisation isolation on a real database", () => {
  let orgA: string;
  let orgB: string;
  let userA: string;
  let auditOfB: string;

  beforeAll(async () => {
    const { createAccount } = await import("@/lib/auth/sign-up");
    const a = await createAccount({ name: "A", organisationName: "Org A", email: "a@example.test", password: "x".repeat(12) });
    const b = await createAccount({ name: "B", organisationName: "Org B", email: "b@example.test", password: "x".repeat(12) });
    orgA = a.organisationId;
    orgB = b.organisationId;
    userA = a.userId;
    const { db } = await import("@/lib/db");
    auditOfB = (await db.auditLog.findFirstOrThrow({ where: { organisationId: orgB } })).id;
  });

  it("lists only the organisation's own audit log and members", async () => {
    const { listAuditLog, listMembers } = await import("@/lib/orgs/queries");
    const log = await listAuditLog(orgA, 0);
    expect(log.rows.every((r) => r.organisationId === orgA)).toBe(true);
    expect(log.rows.map((r) => r.id)).not.toContain(auditOfB);
    const members = await listMembers(orgA);
    expect(members.map((m) => m.userId)).toEqual([userA]);
  });

  it("answers not found when A asks for B's object", async () => {
    const { db } = await import("@/lib/db");
    const { ensureInOrganisation } = await import("@/lib/orgs/scope");
    const row = await db.auditLog.findUnique({ where: { id: auditOfB } });
    expect(() => ensureInOrganisation(row, orgA)).toThrow(NotFound);
  });

  it("refuses to change the role of another organisation's member", async () => {
    const { db } = await import("@/lib/db");
    const { changeRole } = await import("@/lib/orgs/queries");
    const membershipOfB = await db.membership.findFirstOrThrow({ where: { organisationId: orgB } });
    const memberA = { userId: userA, email: "a@example.test", name: "A", organisationId: orgA, organisationName: "Org A", role: "OWNER" as const };
    await expect(changeRole(memberA, { membershipId: membershipOfB.id, role: "VIEWER" })).rejects.toThrow(NotFound);
  });

  it("refuses a second account with the same e-mail", async () => {
    const { createAccount } = await import("@/lib/auth/sign-up");
    const refused = createAccount({ name: "A2", organisationName: "Org", email: "a@example.test", password: "x".repeat(12) });
    await expect(refused).rejects.toThrow(Invalid);
    await expect(refused).rejects.toMatchObject({ fieldErrors: { email: "errors.emailTaken" } });
  });
});
