import { z } from "zod";
import { plainText } from "@/lib/validation/fields";

const id = z.string().min(1).max(64);

/** A written reason: required for a redraw and an exclusion, kept in the audit log. */
const reason = plainText(500).pipe(z.string().min(5, { error: "errors.reasonTooShort" }));

export const campaignRefSchema = z.object({ campaignId: id });
export const runDrawSchema = z.object({ campaignId: id, reason: plainText(500).optional() });
export const redrawSchema = z.object({ campaignId: id, reason });
export const verifyDrawSchema = z.object({ campaignId: id, drawId: id });
export const excludeEntrySchema = z.object({ campaignId: id, responseId: id, reason });
export const notifyWinnersSchema = z.object({ campaignId: id, drawId: id });

export type ExcludeEntryInput = z.infer<typeof excludeEntrySchema>;
