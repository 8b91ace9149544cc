import { storedAnswers } from "./stored-answers";

/**
 * A person's identity as an entry gives it, and how it reaches the contact.
 * An entry keeps its details in `Response.data`; they reach the contact only
 * when that entry is confirmed (lib/optin/confirm.ts), because anyone can
 * type someone else's address (docs/decisions/008-consent-rule.md).
 */

/** The question that carries each part of the identity (the first of its type; the birth date is a DATE marked as such). */
export type IdentityRoles = { email?: string; firstName?: string; lastName?: string; phone?: string; postalCode?: string; birthDate?: string };

type Identity = { firstName: string; lastName: string; phone: string; postalCode: string; birthDate: string | null };

/** The roles of a campaign's questions. */
export function identityRoles(questions: ReadonlyArray<{ id: string; type: string; validation: string }>): IdentityRoles {
  const byType = (type: string) => questions.find((q) => q.type === type)?.id;
  return {
    email: byType("EMAIL"),
    firstName: byType("FIRST_NAME"),
    lastName: byType("LAST_NAME"),
    phone: byType("PHONE"),
    postalCode: byType("POSTAL_CODE"),
    birthDate: questions.find((q) => q.type === "BIRTH_DATE")?.id,
  };
}

/** The identity an entry's answers give ("" / null where the form did not ask or the person left it empty). */
export function identityOf(roles: IdentityRoles, answers: Readonly<Record<string, unknown>>): Identity {
  const str = (id?: string) => {
    const v = id ? answers[id] : undefined;
    return typeof v === "string" ? v : "";
  };
  return { firstName: str(roles.firstName), lastName: str(roles.lastName), phone: str(roles.phone), postalCode: str(roles.postalCode), birthDate: str(roles.birthDate) || null };
}

/** `identityOf` from the JSON text stored in Response.data (an erased or unreadable entry gives nothing). */
export function identityOfStored(roles: IdentityRoles, data: string): Identity {
  return identityOf(roles, storedAnswers(data));
}

/**
 * What a confirmed entry writes on its contact. The first confirmation of an
 * address makes the confirmed entry's details the whole identity (whatever
 * an unconfirmed entry had put there before is dropped); later confirmations
 * update what the entry gives and keep the rest.
 */
export function identityUpdate(entry: Identity, firstConfirmation: boolean): Partial<Identity> {
  if (firstConfirmation) return { ...entry };
  const out: Partial<Identity> = {};
  if (entry.firstName) out.firstName = entry.firstName;
  if (entry.lastName) out.lastName = entry.lastName;
  if (entry.phone) out.phone = entry.phone;
  if (entry.postalCode) out.postalCode = entry.postalCode;
  if (entry.birthDate) out.birthDate = entry.birthDate;
  return out;
}

/** The first name a mail may greet with: only a confirmed contact's (an unconfirmed name may be someone else's words). */
export function greetingName(contact: { firstName: string; emailConfirmedAt: Date | string | null }): string | undefined {
  return contact.emailConfirmedAt && contact.firstName ? contact.firstName : undefined;
}
