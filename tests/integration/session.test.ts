import { beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../test-db";

// Which organisation a marketer works in. Nothing lets them switch yet, so the session reads no
// organisation cookie (an unreachable path before): a member of two organisations works in the first one joined.

useFreshDatabase();

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({
  cookies: async () => {
    throw new Error("the session must not read cookies");
  },
  headers: async () => new Headers(),
}));

let userId = "";
let first = "";
let second = "";

beforeAll(async () => {
  const { db } = await import("@/lib/db");
  const { createAccount } = await import("@/lib/auth/sign-up");
  const account = await createAccount({ name: "Two Orgs", organisationName: "First", email: "two@orgs.test", password: "x".repeat(12) });
  userId = account.userId;
  first = account.organisationId;
  const other = await createAccount({ name: "Other", organisationName: "Second", email: "other@orgs.test", password: "x".repeat(12) });
  second = other.organisationId;
  await db.membership.create({ data: { userId, organisationId: second, role: "VIEWER", createdAt: new Date(Date.now() + 60_000) } });
});

describe("getMember", () => {
  it("is the first organisation joined, with its role, without reading a cookie", async () => {
    const { getMember } = await import("@/lib/auth/session");
    session.userId = userId;
    expect(await getMember()).toMatchObject({ userId, organisationId: first, organisationName: "First", role: "OWNER", email: "two@orgs.test" });
    expect(second).not.toBe(first);
  });

  it("is null when signed out", async () => {
    const { getMember } = await import("@/lib/auth/session");
    session.userId = null;
    expect(await getMember()).toBeNull();
  });
});
