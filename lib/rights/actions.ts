"use server";
import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/action";
import { withdrawConsents } from "@/lib/consent/withdraw";
import { Invalid } from "@/lib/errors";
import { eraseContact, getContact, logReceivedRequest, rectifyContact } from "@/lib/rights/queries";
import { contactRefSchema, erasureSchema, rectificationSchema, requestLogSchema } from "@/lib/rights/schemas";
import { normaliseEmail } from "@/lib/submission/email";

const actorOf = (member: { userId: string; email: string }) => ({ userId: member.userId, label: member.email });

export const rectifyContactAction = memberAction("rights.manage", rectificationSchema, async (input, member) => {
  await rectifyContact(member.organisationId, input, actorOf(member));
  revalidatePath(`/contacts/${input.contactId}`);
  return null;
});

/** Withdraws every consent at the person's request (phone, post): appended to the ledger, method ADMIN. */
export const withdrawAllAction = memberAction("rights.manage", contactRefSchema, async ({ contactId }, member) => {
  await getContact(member.organisationId, contactId);
  const count = await withdrawConsents({ organisationId: member.organisationId, contactId, method: "ADMIN", actor: actorOf(member) });
  revalidatePath(`/contacts/${contactId}`);
  return count;
});

/** Erases a contact once the owner has typed its address again. */
export const eraseContactAction = memberAction("rights.manage", erasureSchema, async ({ contactId, confirmation }, member) => {
  const contact = await getContact(member.organisationId, contactId);
  if (normaliseEmail(confirmation) !== contact.email) throw new Invalid("errors.eraseMismatch", { confirmation: "errors.eraseMismatch" });
  await eraseContact(member.organisationId, contactId, "ADMIN", actorOf(member));
  revalidatePath("/contacts");
  revalidatePath(`/contacts/${contactId}`);
  return null;
});

/** Logs a request received by e-mail, post or phone: open, due in one month. */
export const logRequestAction = memberAction("rights.manage", requestLogSchema, async (input, member) => {
  await logReceivedRequest(member.organisationId, input, actorOf(member));
  revalidatePath(`/contacts/${input.contactId}`);
  revalidatePath("/conformite/demandes");
  return null;
});
