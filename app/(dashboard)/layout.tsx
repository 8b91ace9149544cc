import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { listMembershipsOf } from "@/lib/orgs/queries";
import { NavLink } from "@/components/shell/nav-link";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { OrganisationSwitch } from "@/components/shell/organisation-switch";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const member = await requireUser();
  const [t, tc, ta, memberships] = await Promise.all([getTranslations("nav"), getTranslations("common"), getTranslations("account"), listMembershipsOf(member.userId)]);
  const links = [
    { href: "/campagnes", label: t("campaigns"), show: true },
    { href: "/contacts", label: t("contacts"), show: can(member.role, "leads.view") },
    { href: "/conformite", label: t("compliance"), show: can(member.role, "compliance.view") },
    { href: "/parametres", label: t("settings"), show: can(member.role, "settings.edit") },
  ];
  return (
    <NextIntlClientProvider>
      <div className="min-h-screen">
        <header className="no-print border-b border-line bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/campagnes" className="text-lg font-bold text-brand">
              {tc("appName")}
            </Link>
            <nav aria-label={t("mainNav")} className="flex flex-wrap gap-1">
              {links.filter((l) => l.show).map((l) => (
                <NavLink key={l.href} href={l.href}>
                  {l.label}
                </NavLink>
              ))}
            </nav>
            <div className="ml-auto flex items-center gap-3">
              {memberships.length > 1 && (
                <OrganisationSwitch
                  current={member.organisationId}
                  organisations={memberships.map((m) => ({ id: m.organisationId, name: m.organisation.name }))}
                  label={ta("switchOrganisation")}
                />
              )}
              <span className="hidden text-sm text-muted sm:inline" data-testid="current-member">
                {member.organisationName} · {tc(`roles.${member.role}`)}
              </span>
              <NavLink href="/compte">{t("account")}</NavLink>
              <LocaleSwitch />
              <SignOutButton label={tc("signOut")} />
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
      </div>
    </NextIntlClientProvider>
  );
}
