/**
 * Actors of the audit log that are not a member: stored as these codes and
 * shown through the catalogue (audit.actors.<CODE>). A member is stored as
 * their e-mail address.
 */
export const AUDIT_ACTORS = ["SYSTEM", "RESPONDENT", "PARENT"] as const;
export type AuditActor = (typeof AUDIT_ACTORS)[number];

/** Whether a stored actorLabel is one of the codes (rather than a member's address). */
export function isAuditActor(label: string): label is AuditActor {
  return (AUDIT_ACTORS as readonly string[]).includes(label);
}

/** The person a respondent's own action is recorded under (consent ledger, rights, audit). */
export const RESPONDENT_ACTOR = { userId: null, label: "RESPONDENT" satisfies AuditActor };
