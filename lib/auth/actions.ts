"use server";
import { cookies, headers } from "next/headers";
import { after } from "next/server";
import {
  signUpSchema,
  acceptInvitationSchema,
  acceptInvitationSignedSchema,
  accountLinkSchema,
  emailChangeSchema,
  passwordChangeSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
} from "@/lib/auth/schemas";
import { createAccount } from "@/lib/auth/sign-up";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { changePassword, confirmEmailChange, requestEmailChange } from "@/lib/auth/account";
import { getMember } from "@/lib/auth/session";
import { acceptInvitation, acceptInvitationAsExistingAccount } from "@/lib/orgs/queries";
import { ORGANISATION_COOKIE } from "@/lib/orgs/selection";
import { switchOrganisationSchema } from "@/lib/orgs/schemas";
import { db } from "@/lib/db";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { Forbidden, NotFound, RateLimited, toActionError, type ActionResult } from "@/lib/errors";
import { RateLimiter, envLimit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-meta";
import { requestLocale } from "@/lib/i18n/request-locale";
import { kickOutbox } from "@/lib/mail/worker";

const signUps = new RateLimiter(envLimit("AIMANT_SIGNUP_LIMIT", 10), 60 * 60_000, "signup");
/** Reset requests: per IP, and per address so nobody's mailbox can be flooded. */
const resetsPerIp = new RateLimiter(envLimit("AIMANT_RESET_IP_LIMIT", 10), 60 * 60_000, "reset-ip");
const resetsPerAddress = new RateLimiter(3, 60 * 60_000, "reset-address");
/** Password checks outside the sign-in form (accepting an invitation): the sign-in form's own pace. */
const passwordChecks = new RateLimiter(envLimit("AIMANT_SIGNIN_LIMIT", 5), 15 * 60_000, "password-check");

async function signedInUser() {
  const member = await getMember();
  if (!member) throw new Forbidden("errors.signInRequired");
  return member;
}

export async function signUpAction(input: unknown): Promise<ActionResult> {
  try {
    if (!(await signUps.hit(clientIp(await headers())))) throw new RateLimited("errors.rateLimited");
    const parsed = signUpSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "errors.invalidForm", fieldErrors: fieldErrorsOf(parsed.error) };
    await createAccount(parsed.data);
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}

export async function acceptInvitationAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    const parsed = acceptInvitationSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "errors.invalidForm", fieldErrors: fieldErrorsOf(parsed.error) };
    return { ok: true, data: await acceptInvitation(parsed.data) };
  } catch (error) {
    return toActionError(error);
  }
}

/** An invitation to an address that already has an account: its password joins the organisation, which becomes the current one. */
export async function acceptInvitationSignedAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    const parsed = acceptInvitationSignedSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "errors.invalidForm", fieldErrors: fieldErrorsOf(parsed.error) };
    if (!(await passwordChecks.hit(clientIp(await headers())))) throw new RateLimited("errors.rateLimited");
    const joined = await acceptInvitationAsExistingAccount(parsed.data);
    (await cookies()).set(ORGANISATION_COOKIE, joined.organisationId, organisationCookieOptions);
    return { ok: true, data: { email: joined.email } };
  } catch (error) {
    return toActionError(error);
  }
}

/**
 * "Forgot password": the same answer, at the same speed, for every address.
 * The lookup, the token and the mail happen after the answer has left.
 */
export async function requestPasswordResetAction(input: unknown): Promise<ActionResult> {
  try {
    if (!(await resetsPerIp.hit(clientIp(await headers())))) throw new RateLimited("errors.rateLimited");
    const parsed = passwordResetRequestSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "errors.invalidForm", fieldErrors: fieldErrorsOf(parsed.error) };
    if (!(await resetsPerAddress.hit(parsed.data.email))) throw new RateLimited("errors.rateLimited");
    const locale = await requestLocale();
    after(async () => {
      await requestPasswordReset(parsed.data.email, locale);
      kickOutbox();
    });
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}

export async function resetPasswordAction(input: unknown): Promise<ActionResult> {
  try {
    const parsed = passwordResetSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "errors.invalidForm", fieldErrors: fieldErrorsOf(parsed.error) };
    await resetPassword(parsed.data.token, parsed.data.password);
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}

/** Asks the current password; every other session of the account ends (the caller signs this browser in again). */
export async function changePasswordAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    const member = await signedInUser();
    const parsed = passwordChangeSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "errors.invalidForm", fieldErrors: fieldErrorsOf(parsed.error) };
    if (!(await passwordChecks.hit(member.userId))) throw new RateLimited("errors.rateLimited");
    return { ok: true, data: await changePassword(member.userId, parsed.data) };
  } catch (error) {
    return toActionError(error);
  }
}

/** Sends a confirmation link to the new address; nothing changes before it is confirmed. */
export async function requestEmailChangeAction(input: unknown): Promise<ActionResult> {
  try {
    const member = await signedInUser();
    const parsed = emailChangeSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "errors.invalidForm", fieldErrors: fieldErrorsOf(parsed.error) };
    if (!(await passwordChecks.hit(member.userId))) throw new RateLimited("errors.rateLimited");
    await requestEmailChange(member.userId, parsed.data, await requestLocale());
    kickOutbox();
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}

/** The button of the link's page (a plain visit of the link, e.g. by a mail scanner, changes nothing). */
export async function confirmEmailChangeAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    const parsed = accountLinkSchema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "errors.emailLinkInvalid" };
    return { ok: true, data: await confirmEmailChange(parsed.data.token) };
  } catch (error) {
    return toActionError(error);
  }
}

const organisationCookieOptions = { path: "/", maxAge: 365 * 86_400, sameSite: "lax", httpOnly: true } as const;

/** Works in another organisation of the member's: checked against their memberships here and on every request. */
export async function switchOrganisationAction(input: unknown): Promise<ActionResult> {
  try {
    const member = await signedInUser();
    const parsed = switchOrganisationSchema.safeParse(input);
    if (!parsed.success) throw new NotFound();
    const membership = await db.membership.findUnique({ where: { userId_organisationId: { userId: member.userId, organisationId: parsed.data.organisationId } } });
    if (!membership) throw new NotFound();
    (await cookies()).set(ORGANISATION_COOKIE, membership.organisationId, organisationCookieOptions);
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}
