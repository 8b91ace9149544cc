"use server";
import { headers } from "next/headers";
import { signUpSchema, acceptInvitationSchema } from "@/lib/auth/schemas";
import { createAccount } from "@/lib/auth/sign-up";
import { acceptInvitation } from "@/lib/orgs/queries";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { RateLimited, toActionError, type ActionResult } from "@/lib/errors";
import { RateLimiter, envLimit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-meta";

const signUps = new RateLimiter(envLimit("AIMANT_SIGNUP_LIMIT", 10), 60 * 60_000, "signup");

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
