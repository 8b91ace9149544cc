import { getTranslations } from "next-intl/server";
import { findInvitation, invitedAccountExists } from "@/lib/orgs/queries";
import { Alert } from "@/components/ui/card";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { AcceptInvitationSignedForm } from "@/components/auth/accept-invitation-signed-form";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, te, tc, invitation] = await Promise.all([getTranslations("auth"), getTranslations("errors"), getTranslations("common"), findInvitation(token)]);
  if (!invitation) return <Alert tone="error">{te("invitationInvalid")}</Alert>;
  const role = tc(`roles.${invitation.role}` as "roles.OWNER");
  if (await invitedAccountExists(invitation.email)) {
    // The address already has an account: it joins with its own password (no second account).
    const ta = await getTranslations("account");
    return (
      <>
        <h1 className="text-2xl font-semibold">{ta("existingTitle", { organisation: invitation.organisation.name })}</h1>
        <p className="mb-6 mt-1 text-muted">{ta("existingLead", { email: invitation.email, role })}</p>
        <AcceptInvitationSignedForm token={token} />
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("acceptTitle", { organisation: invitation.organisation.name })}</h1>
      <p className="mb-6 mt-1 text-muted">{t("acceptLead", { role: tc(`roles.${invitation.role}` as "roles.OWNER") })}</p>
      <AcceptInvitationForm token={token} />
    </>
  );
}
