import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../test-db";

// Which organisation a marketer works in: the one chosen in the switcher (a cookie), only
// while they belong to it; otherwise the first one joined. The cookie is a wish, never a grant.

useFreshDatabase();

const request = vi.hoisted(() => ({ userId: null as string | null, organisationCookie: undefined as string | undefined }));
vi.mock("next-auth", () => ({ getServerSession: async () => (request.userId ? { user: { id: request.userId } } : null) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "aimant-org" && request.organisationCookie ? { name, value: request.organisationCookie } : undefined) }),
  headers: async () => new Headers(),
}));

let userId = "";
let first = "";
let second = "";
let foreign = "";

beforeAll(async () => {
  const { db } = await import("@/lib/db");
  const { createAccount } = await import("@/lib/auth/sign-up");
  const account = await createAccount({ name: "Two Orgs", organisationName: "First", email: "two@orgs.test", password: "x".repeat(12) });
  userId = account.userId;
  first = account.organisationId;
  const other = await createAccount({ name: "Other", organisationName: "Second", email: "other@orgs.test", password: "x".repeat(12) });
  second = other.organisationId;
  foreign = (await createAccount({ name: "Foreign", organisationName: "Foreign", email: "foreign@orgs.test", password: "x".repeat(12) })).organisationId;
  await db.membership.create({ data: { userId, organisationId: second, role: "VIEWER", createdAt: new Date(Date.now() + 60_000) } });
});
beforeEach(() => {
  request.organisationCookie = undefined;
});

describe("getMember", () => {
  it("is the first organisation joined, with its role, when none is chosen", async () => {
    const { getMember } = await import("@/lib/auth/session");
    request.userId = userId;
    expect(await getMember()).toMatchObject({ userId, organisationId: first, organisationName: "First", role: "OWNER", email: "two@orgs.test" });
    expect(second).not.toBe(first);
  });

  it("is the chosen organisation, with the role held there", async () => {
    const { getMember } = await import("@/lib/auth/session");
    request.userId = userId;
    request.organisationCookie = second;
    expect(await getMember()).toMatchObject({ userId, organisationId: second, organisationName: "Second", role: "VIEWER" });
  });

  it("ignores a chosen organisation the member does not belong to", async () => {
    const { getMember } = await import("@/lib/auth/session");
    request.userId = userId;
    request.organisationCookie = foreign;
    expect(await getMember()).toMatchObject({ userId, organisationId: first, role: "OWNER" });
  });

  it("is null when signed out", async () => {
    const { getMember } = await import("@/lib/auth/session");
    request.userId = null;
    expect(await getMember()).toBeNull();
  });
});
