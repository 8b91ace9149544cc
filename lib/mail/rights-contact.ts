/**
 * Whom a person writes to about their data. A data protection officer is
 * named only when the organisation entered one (a name or an address);
 * otherwise the organisation's contact address is given as what it is, never
 * presented as a DPO.
 */
type RightsContact = { kind: "dpo"; name: string; email: string } | { kind: "contact"; email: string } | { kind: "none" };

export function rightsContactOf(org: { dpoName: string; dpoEmail: string; contactEmail: string }): RightsContact {
  const dpoName = org.dpoName.trim();
  const dpoEmail = org.dpoEmail.trim();
  const contactEmail = org.contactEmail.trim();
  // A DPO named without an address of their own is reached through the contact address.
  if (dpoName || dpoEmail) return { kind: "dpo", name: dpoName, email: dpoEmail || contactEmail };
  if (contactEmail) return { kind: "contact", email: contactEmail };
  return { kind: "none" };
}
