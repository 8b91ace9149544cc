"use server";
import { z } from "zod";
import { memberAction } from "@/lib/action";
import { exportMappingSchema } from "@/lib/export/columns";
import { saveExportMapping } from "@/lib/export/queries";

const saveMappingSchema = z.object({ campaignId: z.string().min(1).max(64), mapping: exportMappingSchema });

/** Remembers the columns (choice, order, CRM names) and separator for the campaign. */
export const saveExportMappingAction = memberAction("leads.export", saveMappingSchema, async ({ campaignId, mapping }, member) => {
  await saveExportMapping(member, campaignId, mapping);
});
