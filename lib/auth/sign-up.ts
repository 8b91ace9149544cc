import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { Invalid } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";

/** Creates a marketer, their organisation and their owner membership, in one transaction. */
export async function createAccount(input: SignUpInput): Promise<{ userId: string; organisationId: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
      const organisation = await tx.organisation.create({
        data: { name: input.organisationName, legalName: input.organisationName, contactEmail: input.email, salt: crypto.randomBytes(16).toString("hex") },
      });
      await tx.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: "OWNER" } });
      await recordAudit(tx, { organisationId: organisation.id, userId: user.id, actorLabel: user.email, action: "auth.sign_up", targetType: "organisation", targetId: organisation.id });
      return { userId: user.id, organisationId: organisation.id };
    });
  } catch (error) {
    // Unique e-mail: say it neutrally (no confirmation that the account exists).
    if ((error as { code?: string }).code === "P2002") throw new Invalid("errors.emailTaken", { email: "errors.emailTaken" });
    throw error;
  }
}
