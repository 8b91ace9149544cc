import "server-only";
import type { Db, Tx } from "@/lib/db";

type AuditEntry = {
  organisationId: string;
  userId?: string | null;
  /** Who did it: a member's address ("alice@example.fr") or an actor code (lib/audit/actors.ts: "SYSTEM", "RESPONDENT") */
  actorLabel?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

/** Writes one line of the organisation's audit log (inside the caller's transaction when given one). */
export async function recordAudit(client: Db | Tx, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      organisationId: entry.organisationId,
      userId: entry.userId ?? null,
      actorLabel: entry.actorLabel ?? "",
      action: entry.action,
      targetType: entry.targetType ?? "",
      targetId: entry.targetId ?? "",
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}
