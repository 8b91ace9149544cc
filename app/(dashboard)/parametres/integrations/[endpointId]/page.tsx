import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { eventMessageKey, isWebhookEvent } from "@/lib/webhooks/events";
import { getEndpoint, listDeliveries } from "@/lib/webhooks/queries";
import { Alert, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Pager } from "@/components/ui/pager";
import { EndpointControls } from "@/components/settings/webhooks/endpoint-controls";
import { EndpointForm } from "@/components/settings/webhooks/endpoint-form";
import { ReplayButton } from "@/components/settings/webhooks/replay-button";

export const dynamic = "force-dynamic";

/** One endpoint: pause/resume, secret rotation, its settings and its delivery log with replay. */
export default async function EndpointPage({ params, searchParams }: { params: Promise<{ endpointId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requirePermission("webhooks.manage");
  const { endpointId } = await params;
  const query = await searchParams;
  const page = Math.max(0, Number(query.page) || 0);
  const [t, format, endpoint] = await Promise.all([getTranslations("webhooks"), getFormatter(), getEndpoint(member.organisationId, endpointId)]);
  const log = await listDeliveries(member.organisationId, endpointId, page);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "medium" }) : "—");
  const hasMore = (page + 1) * log.pageSize < log.total;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/parametres/integrations" className="underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader title={endpoint.description || endpoint.url} lead={`${endpoint.url} · ${endpoint.pausedAt ? t("paused") : t("active")}`} />
      {endpoint.rotatingUntil && (
        <div className="mb-4">
          <Alert tone="info">{t("rotating", { until: when(endpoint.rotatingUntil) })}</Alert>
        </div>
      )}
      <div className="mb-6">
        <EndpointControls endpointId={endpoint.id} paused={endpoint.pausedAt !== null} />
      </div>
      <h2 className="mb-2 font-semibold">{t("log")}</h2>
      {log.rows.length === 0 ? (
        <EmptyState title={t("log")} text={t("logEmpty")} />
      ) : (
        <Table caption={t("log")}>
          <thead>
            <tr>
              <Th>{t("createdAt")}</Th>
              <Th>{t("event")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("attempts")}</Th>
              <Th>{t("response")}</Th>
              <Th>{t("nextTry")}</Th>
              <Th />
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {log.rows.map((d) => (
              <tr key={d.id} data-testid="webhook-delivery-row" data-status={d.status}>
                <Td className="whitespace-nowrap">{when(d.createdAt)}</Td>
                <Td>
                  {isWebhookEvent(d.eventType) ? t(`eventNames.${eventMessageKey(d.eventType)}`) : d.eventType}
                  <div className="text-xs text-muted break-all">{d.eventId}</div>
                </Td>
                <Td className={d.status === "FAILED" ? "text-red-700" : undefined}>{t(`statuses.${d.status}` as "statuses.PENDING")}</Td>
                <Td>{d.attempts}</Td>
                <Td>
                  {d.lastStatusCode ?? t("noResponse")}
                  {d.lastError && <div className="text-xs text-muted break-all">{d.lastError}</div>}
                </Td>
                <Td className="whitespace-nowrap">{d.status === "PENDING" ? when(d.nextAttemptAt) : when(d.deliveredAt ?? d.lastAttemptAt)}</Td>
                <Td>{d.replayable ? <ReplayButton endpointId={endpoint.id} deliveryId={d.id} /> : <span className="text-xs text-muted">{t("notReplayable")}</span>}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pager path={`/parametres/integrations/${endpoint.id}`} searchParams={query} page={page} hasMore={hasMore} />
      <Card className="mt-6">
        <h2 className="mb-4 font-semibold">{t("edit")}</h2>
        <EndpointForm endpointId={endpoint.id} initial={{ url: endpoint.url, description: endpoint.description, events: endpoint.events }} />
      </Card>
    </>
  );
}
