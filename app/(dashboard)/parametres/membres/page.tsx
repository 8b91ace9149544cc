import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { isRole } from "@/lib/auth/roles";
import { listMembers, listPendingInvitations } from "@/lib/orgs/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { InviteForm } from "@/components/settings/invite-form";
import { RoleSelect } from "@/components/settings/role-select";
import { RemoveMemberButton, RevokeInvitationButton } from "@/components/settings/member-actions";

export default async function MembersPage() {
  const member = await requirePermission("members.manage");
  const [t, tc, format, members, invitations] = await Promise.all([
    getTranslations("settings"),
    getTranslations("common"),
    getFormatter(),
    listMembers(member.organisationId),
    listPendingInvitations(member.organisationId),
  ]);
  return (
    <>
      <PageHeader title={t("membersTitle")} lead={t("membersLead")} />
      <SettingsTabs />
      <Card className="mb-6">
        <InviteForm />
      </Card>
      <Table caption={t("membersTitle")}>
        <thead>
          <tr>
            <Th>{t("memberName")}</Th>
            <Th>{t("memberEmail")}</Th>
            <Th>{t("role")}</Th>
            <Th>{t("actions")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {members.map((m) => (
            <tr key={m.id}>
              <Td>
                {m.user.name} {m.userId === member.userId && <span className="text-muted">({t("you")})</span>}
              </Td>
              <Td>{m.user.email}</Td>
              <Td>{isRole(m.role) && <RoleSelect membershipId={m.id} role={m.role} label={`${t("changeRole")} : ${m.user.email}`} />}</Td>
              <Td>
                <RemoveMemberButton membershipId={m.id} email={m.user.email} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {invitations.length > 0 && (
        <>
          <h2 className="mb-2 mt-8 text-lg font-semibold">{t("pending")}</h2>
          <ul className="space-y-1 text-sm">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {i.email} — {tc(`roles.${i.role}` as "roles.OWNER")} — {format.dateTime(i.expiresAt, { dateStyle: "medium" })}
                </span>
                <RevokeInvitationButton invitationId={i.id} email={i.email} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
