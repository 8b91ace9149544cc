import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../test-db";

// Accounts: password reset by e-mail, change of password and of e-mail, sessions that end,
// removing members and revoking invitations, an existing account joining, switching
// organisations. The real session code runs: only next-auth's session lookup, Next's
// request APIs and `after` are replaced (after's work is collected and run by the test).

useFreshDatabase();

const request = vi.hoisted(() => ({
  session: null as { id: string; sessionVersion?: number } | null,
  cookies: new Map<string, string>(),
  ip: "203.0.113.7",
  afterWork: [] as Array<() => Promise<unknown>>,
}));
vi.mock("next-auth", () => ({ getServerSession: async () => (request.session ? { user: request.session } : null) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
  headers: async () => new Headers({ "x-forwarded-for": request.ip }),
}));
vi.mock("next/server", () => ({ after: (work: () => Promise<unknown>) => void request.afterWork.push(work) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "fr" }));
vi.mock("@/lib/mail/worker", () => ({ kickOutbox: () => undefined }));

const PASSWORD = "mot-de-passe-initial";
let seq = 0;

/** A new account with its own organisation; returns what a session holds. */
async function account(prefix: string) {
  const { createAccount } = await import("@/lib/auth/sign-up");
  seq += 1;
  const email = `${prefix}-${seq}@accounts.test`;
  const created = await createAccount({ name: prefix, organisationName: `Org ${prefix} ${seq}`, email, password: PASSWORD });
  return { ...created, email };
}

function signInAs(userId: string | null, sessionVersion = 0) {
  request.session = userId ? { id: userId, sessionVersion } : null;
}

async function getMemberFresh() {
  // getMember is memoised per request with React's cache: outside a request it is not, so each call reads again.
  const { getMember } = await import("@/lib/auth/session");
  return getMember();
}

async function runAfterWork() {
  const work = request.afterWork.splice(0);
  for (const w of work) await w();
}

/** The token of the last link to `path` mailed to `to`. */
async function linkToken(to: string, path: string): Promise<string> {
  const { db } = await import("@/lib/db");
  const mail = await db.outboxMail.findFirst({ where: { toAddress: to }, orderBy: { createdAt: "desc" } });
  const match = new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(mail?.text ?? "");
  if (!match) throw new Error(`no link to ${path} in the last mail to ${to}`);
  return match[1]!;
}

beforeAll(async () => {
  await import("@/lib/db");
});
beforeEach(() => {
  request.cookies.clear();
  request.afterWork.length = 0;
  request.ip = `203.0.113.${(seq % 250) + 1}`;
  signInAs(null);
});

describe("password reset by e-mail", () => {
  it("answers the same for an address with and without an account, and mails only the account, a link whose token is stored hashed", async () => {
    const { db } = await import("@/lib/db");
    const { requestPasswordResetAction } = await import("@/lib/auth/actions");
    const known = await account("reset-known");
    const unknown = `nobody-${seq}@accounts.test`;
    const before = await db.outboxMail.count();

    const forKnown = await requestPasswordResetAction({ email: known.email });
    const forUnknown = await requestPasswordResetAction({ email: unknown });
    expect(forKnown).toEqual({ ok: true, data: undefined });
    expect(forUnknown).toEqual(forKnown);
    // Nothing is looked up before the answer: the work waits for after().
    expect(request.afterWork).toHaveLength(2);
    expect(await db.outboxMail.count()).toBe(before);
    await runAfterWork();

    const mails = await db.outboxMail.findMany({ where: { kind: "password_reset" } });
    expect(mails.map((m) => m.toAddress)).toEqual([known.email]);
    const token = await linkToken(known.email, "/mot-de-passe");
    const rows = await db.accountToken.findMany({ where: { userId: known.userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000 + 1000);
  });

  it("works once: the new password signs in, the link then refuses, and sessions signed in before end", async () => {
    const { db } = await import("@/lib/db");
    const { requestPasswordResetAction, resetPasswordAction } = await import("@/lib/auth/actions");
    const { verifyPassword } = await import("@/lib/auth/password");
    const user = await account("reset-once");
    signInAs(user.userId, 0);
    expect(await getMemberFresh()).not.toBeNull();
    signInAs(null);

    await requestPasswordResetAction({ email: user.email });
    await runAfterWork();
    const token = await linkToken(user.email, "/mot-de-passe");
    const [first, second] = await Promise.all([
      resetPasswordAction({ token, password: "nouveau-mot-de-passe-1" }),
      resetPasswordAction({ token, password: "nouveau-mot-de-passe-2" }),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((r) => !r.ok)).toMatchObject({ error: "errors.resetLinkInvalid" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.userId } });
    const winner = first.ok ? "nouveau-mot-de-passe-1" : "nouveau-mot-de-passe-2";
    expect(await verifyPassword(winner, stored.passwordHash)).toBe(true);
    expect(await verifyPassword(PASSWORD, stored.passwordHash)).toBe(false);
    expect(await resetPasswordAction({ token, password: "encore-un-autre-1" })).toMatchObject({ ok: false, error: "errors.resetLinkInvalid" });

    // The old session (version 0) is refused; a new sign-in carries the new version.
    signInAs(user.userId, 0);
    expect(await getMemberFresh()).toBeNull();
    signInAs(user.userId, stored.sessionVersion);
    expect(await getMemberFresh()).toMatchObject({ userId: user.userId });
  });

  it("refuses an expired link, and a link replaced by a newer one", async () => {
    const { db } = await import("@/lib/db");
    const { requestPasswordReset } = await import("@/lib/auth/password-reset");
    const { resetPasswordAction } = await import("@/lib/auth/actions");
    const user = await account("reset-expired");
    await requestPasswordReset(user.email, "fr", new Date(Date.now() - 61 * 60_000));
    const expired = await linkToken(user.email, "/mot-de-passe");
    expect(await resetPasswordAction({ token: expired, password: "nouveau-mot-de-passe" })).toMatchObject({ ok: false, error: "errors.resetLinkInvalid" });

    await requestPasswordReset(user.email, "fr");
    const older = await linkToken(user.email, "/mot-de-passe");
    await requestPasswordReset(user.email, "fr");
    const newer = await linkToken(user.email, "/mot-de-passe");
    expect(await resetPasswordAction({ token: older, password: "nouveau-mot-de-passe" })).toMatchObject({ ok: false });
    expect(await resetPasswordAction({ token: newer, password: "nouveau-mot-de-passe" })).toEqual({ ok: true, data: undefined });
    expect(await db.auditLog.count({ where: { action: "auth.password_reset", userId: user.userId } })).toBe(1);
  });

  it("is rate limited per address, with the same answer whether the address has an account or not", async () => {
    const { db } = await import("@/lib/db");
    const { requestPasswordResetAction } = await import("@/lib/auth/actions");
    const known = await account("reset-limit");
    const unknown = `nobody-limit-${seq}@accounts.test`;
    const answers = { known: [] as unknown[], unknown: [] as unknown[] };
    for (let i = 0; i < 4; i++) {
      request.ip = `198.51.100.${i + 1}`; // another IP each time: the per-address limit alone
      answers.known.push(await requestPasswordResetAction({ email: known.email }));
      answers.unknown.push(await requestPasswordResetAction({ email: unknown }));
    }
    expect(answers.known).toEqual(answers.unknown);
    expect(answers.known.slice(0, 3)).toEqual([{ ok: true, data: undefined }, { ok: true, data: undefined }, { ok: true, data: undefined }]);
    expect(answers.known[3]).toMatchObject({ ok: false, error: "errors.rateLimited" });
    await runAfterWork();
    expect(await db.outboxMail.count({ where: { toAddress: known.email } })).toBe(3);
  });

  it("is rate limited per IP across addresses", async () => {
    const { requestPasswordResetAction } = await import("@/lib/auth/actions");
    request.ip = "192.0.2.99";
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await requestPasswordResetAction({ email: `spray-${i}@accounts.test` }));
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(results[10]).toMatchObject({ ok: false, error: "errors.rateLimited" });
  });
});

describe("change of password and of e-mail", () => {
  it("asks the current password, and ends every session signed in before", async () => {
    const { changePasswordAction } = await import("@/lib/auth/actions");
    const { verifyPassword } = await import("@/lib/auth/password");
    const { db } = await import("@/lib/db");
    const user = await account("change-password");
    signInAs(user.userId, 0);
    expect(await changePasswordAction({ currentPassword: "pas-le-bon-mot", newPassword: "un-nouveau-mot-de-passe" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: "errors.currentPasswordWrong" },
    });
    expect(await getMemberFresh()).not.toBeNull();
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: "un-nouveau-mot-de-passe" })).toEqual({ ok: true, data: { email: user.email } });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.userId } });
    expect(await verifyPassword("un-nouveau-mot-de-passe", stored.passwordHash)).toBe(true);
    // The session that made the change is over too until it signs in again (the form does it).
    expect(await getMemberFresh()).toBeNull();
    signInAs(user.userId, stored.sessionVersion);
    expect(await getMemberFresh()).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.password_change", userId: user.userId } })).toBe(1);
  });

  it("changes the e-mail only once the link sent to the new address is confirmed, once", async () => {
    const { db } = await import("@/lib/db");
    const { requestEmailChangeAction, confirmEmailChangeAction } = await import("@/lib/auth/actions");
    const user = await account("change-email");
    const newEmail = `new-${seq}@accounts.test`;
    signInAs(user.userId, 0);
    expect(await requestEmailChangeAction({ currentPassword: "faux-mot-de-passe", newEmail })).toMatchObject({ ok: false, fieldErrors: { currentPassword: "errors.currentPasswordWrong" } });
    expect(await requestEmailChangeAction({ currentPassword: PASSWORD, newEmail: newEmail.toUpperCase() })).toEqual({ ok: true, data: undefined });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.userId } })).email).toBe(user.email);
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: newEmail } });
    expect(mail.kind).toBe("email_change");
    const token = await linkToken(newEmail, "/confirmer-adresse");
    signInAs(null); // the link proves the address; no session needed
    expect(await confirmEmailChangeAction({ token })).toEqual({ ok: true, data: { email: newEmail } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.userId } })).email).toBe(newEmail);
    expect(await confirmEmailChangeAction({ token })).toMatchObject({ ok: false, error: "errors.emailLinkInvalid" });
  });

  it("sends no link to an address that already has an account, with the same answer", async () => {
    const { db } = await import("@/lib/db");
    const { requestEmailChangeAction } = await import("@/lib/auth/actions");
    const user = await account("change-email-taken");
    const other = await account("already-there");
    signInAs(user.userId, 0);
    const before = await db.outboxMail.count({ where: { toAddress: other.email } });
    expect(await requestEmailChangeAction({ currentPassword: PASSWORD, newEmail: other.email })).toEqual({ ok: true, data: undefined });
    expect(await db.outboxMail.count({ where: { toAddress: other.email } })).toBe(before);
  });

  it("refuses signed-out callers", async () => {
    const { changePasswordAction, requestEmailChangeAction } = await import("@/lib/auth/actions");
    expect(await changePasswordAction({ currentPassword: PASSWORD, newPassword: "un-nouveau-mot-de-passe" })).toMatchObject({ ok: false, error: "errors.signInRequired" });
    expect(await requestEmailChangeAction({ currentPassword: PASSWORD, newEmail: "x@accounts.test" })).toMatchObject({ ok: false, error: "errors.signInRequired" });
  });
});

describe("removing members and revoking invitations", () => {
  async function orgWithMember(role: "OWNER" | "EDITOR") {
    const { db } = await import("@/lib/db");
    const owner = await account("owner");
    const other = await account(role.toLowerCase());
    const membership = await db.membership.create({ data: { userId: other.userId, organisationId: owner.organisationId, role } });
    return { owner, other, membership };
  }

  it("ends the removed member's session and access at once", async () => {
    const { db } = await import("@/lib/db");
    const { removeMemberAction } = await import("@/lib/orgs/actions");
    const { owner, other, membership } = await orgWithMember("EDITOR");
    request.cookies.set("aimant-org", owner.organisationId);
    signInAs(other.userId, 0);
    expect(await getMemberFresh()).toMatchObject({ organisationId: owner.organisationId, role: "EDITOR" });

    signInAs(owner.userId, 0);
    expect(await removeMemberAction({ membershipId: membership.id })).toEqual({ ok: true, data: undefined });
    expect(await db.membership.findUnique({ where: { id: membership.id } })).toBeNull();
    signInAs(other.userId, 0);
    expect(await getMemberFresh()).toBeNull();
    expect(await db.auditLog.count({ where: { organisationId: owner.organisationId, action: "member.remove", targetId: other.userId } })).toBe(1);
  });

  it("never removes the last owner, even when two owners remove each other at once", async () => {
    const { db } = await import("@/lib/db");
    const { removeMember } = await import("@/lib/orgs/queries");
    const { owner, other, membership } = await orgWithMember("OWNER");
    const ownerMembership = await db.membership.findFirstOrThrow({ where: { userId: owner.userId, organisationId: owner.organisationId } });
    const as = (u: { userId: string; email: string }) => ({ userId: u.userId, email: u.email, name: "x", organisationId: owner.organisationId, organisationName: "x", role: "OWNER" as const });
    const results = await Promise.allSettled([
      removeMember(as(owner), { membershipId: membership.id }),
      removeMember(as(other), { membershipId: ownerMembership.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { organisationId: owner.organisationId, role: "OWNER" } })).toBe(1);
    const survivor = await db.membership.findFirstOrThrow({ where: { organisationId: owner.organisationId } });
    await expect(removeMember(as(survivor.userId === owner.userId ? owner : other), { membershipId: survivor.id })).rejects.toThrow("errors.lastOwner");
  });

  it("revokes a pending invitation: its link stops working; another organisation's invitation is not found", async () => {
    const { db } = await import("@/lib/db");
    const { inviteMemberAction, revokeInvitationAction } = await import("@/lib/orgs/actions");
    const { findInvitation } = await import("@/lib/orgs/queries");
    const owner = await account("revoker");
    const stranger = await account("stranger");
    signInAs(owner.userId, 0);
    const invited = await inviteMemberAction({ email: `invitee-${seq}@accounts.test`, role: "EDITOR" });
    if (!invited.ok) throw new Error(invited.error);
    const token = invited.data.link.split("/invitation/")[1]!;
    const invitation = (await findInvitation(token))!;
    signInAs(stranger.userId, 0);
    expect(await revokeInvitationAction({ invitationId: invitation.id })).toMatchObject({ ok: false, error: "errors.notFound" });
    signInAs(owner.userId, 0);
    expect(await revokeInvitationAction({ invitationId: invitation.id })).toEqual({ ok: true, data: undefined });
    expect(await findInvitation(token)).toBeNull();
    expect(await db.auditLog.count({ where: { organisationId: owner.organisationId, action: "member.invitation_revoke" } })).toBe(1);
  });
});

describe("an existing account accepting an invitation", () => {
  it("joins with its own password, once, and works in the new organisation", async () => {
    const { db } = await import("@/lib/db");
    const { inviteMemberAction } = await import("@/lib/orgs/actions");
    const { acceptInvitationSignedAction } = await import("@/lib/auth/actions");
    const inviter = await account("inviter");
    const invitee = await account("invitee");
    signInAs(inviter.userId, 0);
    const invited = await inviteMemberAction({ email: invitee.email, role: "VIEWER" });
    if (!invited.ok) throw new Error(invited.error);
    const token = invited.data.link.split("/invitation/")[1]!;
    signInAs(null);

    expect(await acceptInvitationSignedAction({ token, password: "pas-le-bon-mot" })).toMatchObject({ ok: false, fieldErrors: { password: "errors.badCredentials" } });
    expect(await acceptInvitationSignedAction({ token, password: PASSWORD })).toEqual({ ok: true, data: { email: invitee.email } });
    expect(await acceptInvitationSignedAction({ token, password: PASSWORD })).toMatchObject({ ok: false, error: "errors.invitationInvalid" });
    expect(await db.membership.count({ where: { userId: invitee.userId } })).toBe(2);
    // The organisation joined becomes the current one.
    expect(request.cookies.get("aimant-org")).toBe(inviter.organisationId);
    signInAs(invitee.userId, 0);
    expect(await getMemberFresh()).toMatchObject({ organisationId: inviter.organisationId, role: "VIEWER" });
  });
});

describe("switching organisations", () => {
  it("uses the chosen organisation only where the member belongs, checked on every request", async () => {
    const { db } = await import("@/lib/db");
    const { switchOrganisationAction } = await import("@/lib/auth/actions");
    const { listCampaigns } = await import("@/lib/campaigns/queries");
    const { createCampaign } = await import("@/lib/campaigns/queries");
    const user = await account("two-orgs");
    const second = await account("second-owner");
    const foreign = await account("foreign");
    await db.membership.create({ data: { userId: user.userId, organisationId: second.organisationId, role: "EDITOR", createdAt: new Date(Date.now() + 60_000) } });
    signInAs(second.userId, 0);
    const secondMember = (await getMemberFresh())!;
    await createCampaign(secondMember, { kind: "CONTEST", title: "Campagne de la seconde" });

    signInAs(user.userId, 0);
    expect(await getMemberFresh()).toMatchObject({ organisationId: user.organisationId, role: "OWNER" });
    expect(await switchOrganisationAction({ organisationId: second.organisationId })).toEqual({ ok: true, data: undefined });
    const switched = (await getMemberFresh())!;
    expect(switched).toMatchObject({ organisationId: second.organisationId, role: "EDITOR" });
    expect((await listCampaigns(switched.organisationId)).map((c) => c.title)).toEqual(["Campagne de la seconde"]);

    // An organisation the member does not belong to: refused, and a forged cookie is ignored.
    expect(await switchOrganisationAction({ organisationId: foreign.organisationId })).toMatchObject({ ok: false, error: "errors.notFound" });
    request.cookies.set("aimant-org", foreign.organisationId);
    expect(await getMemberFresh()).toMatchObject({ organisationId: user.organisationId, role: "OWNER" });
  });
});
