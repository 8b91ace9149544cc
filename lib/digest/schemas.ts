import { z } from "zod";

export const digestChoiceSchema = z.object({ campaignId: z.string().min(1).max(100), enabled: z.boolean() });
export type DigestChoiceInput = z.infer<typeof digestChoiceSchema>;
