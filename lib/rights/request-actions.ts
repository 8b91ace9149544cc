"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/action";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { completeRequest } from "@/lib/rights/requests";

/** Marks a data-subject request as answered (owners). */
export const completeRequestAction = memberAction("rights.manage", z.object({ requestId: z.string().min(1).max(64) }), async ({ requestId }, member) => {
  await db.$transaction(async (tx) => {
    if (!(await completeRequest(tx, member.organisationId, requestId))) throw new NotFound();
    await recordAudit(tx, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action: "request.complete", targetType: "request", targetId: requestId });
  });
  revalidatePath("/conformite/demandes");
  return null;
});

/** Form-friendly wrapper (a plain <form action>). */
export async function completeRequestFormAction(requestId: string): Promise<void> {
  await completeRequestAction({ requestId });
}
