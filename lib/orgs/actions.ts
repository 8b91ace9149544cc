"use server";
import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/action";
import { invitationSchema } from "@/lib/auth/schemas";
import { invitationIdSchema, membershipIdSchema, organisationSettingsSchema, roleChangeSchema } from "@/lib/orgs/schemas";
import { changeRole, inviteMember, removeMember, revokeInvitation, updateOrganisationSettings } from "@/lib/orgs/queries";

export const updateSettingsAction = memberAction("settings.edit", organisationSettingsSchema, async (input, member) => {
  await updateOrganisationSettings(member, input);
  revalidatePath("/parametres");
});

export const inviteMemberAction = memberAction("members.manage", invitationSchema, async (input, member) => {
  const link = await inviteMember(member, input);
  revalidatePath("/parametres/membres");
  return { link };
});

export const changeRoleAction = memberAction("members.manage", roleChangeSchema, async (input, member) => {
  await changeRole(member, input);
  revalidatePath("/parametres/membres");
});

export const removeMemberAction = memberAction("members.manage", membershipIdSchema, async (input, member) => {
  await removeMember(member, input);
  revalidatePath("/parametres/membres");
});

export const revokeInvitationAction = memberAction("members.manage", invitationIdSchema, async (input, member) => {
  await revokeInvitation(member, input);
  revalidatePath("/parametres/membres");
});
