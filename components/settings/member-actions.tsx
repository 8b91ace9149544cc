"use client";
import { useTranslations } from "next-intl";
import { removeMemberAction, revokeInvitationAction } from "@/lib/orgs/actions";
import { ConfirmActionButton } from "./confirm-action-button";

export function RemoveMemberButton({ membershipId, email }: { membershipId: string; email: string }) {
  const t = useTranslations("settings");
  return <ConfirmActionButton label={t("remove")} question={t("removeConfirm", { email })} run={() => removeMemberAction({ membershipId })} />;
}

export function RevokeInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const t = useTranslations("settings");
  return <ConfirmActionButton label={t("revoke")} question={t("revokeConfirm", { email })} run={() => revokeInvitationAction({ invitationId })} />;
}
