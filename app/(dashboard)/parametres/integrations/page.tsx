import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { eventMessageKey } from "@/lib/webhooks/events";
import { listEndpoints } from "@/lib/webhooks/queries";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { EndpointForm } from "@/components/settings/webhooks/endpoint-form";

export const dynamic = "force-dynamic";

/** Paramètres → Intégrations: the organisation's webhook endpoints and a form to add one. */
export default async function IntegrationsPage() {
  const member = await requirePermission("webhooks.manage");
  const [t, endpoints] = await Promise.all([getTranslations("webhooks"), listEndpoints(member.organisationId)]);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <SettingsTabs />
      <p className="mb-4 text-sm text-muted">{t("docs")}</p>
      {endpoints.length === 0 ? (
        <EmptyState title={t("title")} text={t("empty")} />
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("url")}</Th>
              <Th>{t("events")}</Th>
              <Th>{t("status")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {endpoints.map((e) => (
              <tr key={e.id} data-testid="webhook-endpoint-row">
                <Td className="break-all">
                  <Link href={`/parametres/integrations/${e.id}`} className="underline">
                    {e.description || e.url}
                  </Link>
                  {e.description && <div className="text-xs text-muted">{e.url}</div>}
                </Td>
                <Td>{e.events.map((ev) => t(`eventNames.${eventMessageKey(ev)}`)).join(", ")}</Td>
                <Td>
                  {e.pausedAt ? t("paused") : t("active")} · {t("pending", { count: e.pending })}
                  {e.failed > 0 && <span className="text-red-700"> · {t("failed", { count: e.failed })}</span>}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Card className="mt-6">
        <h2 className="mb-4 font-semibold">{t("new")}</h2>
        <EndpointForm />
      </Card>
    </>
  );
}
