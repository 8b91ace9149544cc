import { z } from "zod";
import { WEBHOOK_EVENTS } from "./events";
import { endpointUrlProblem } from "./url";

export const endpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, { error: "errors.required" })
    .max(2000, { error: "errors.tooLong" })
    .superRefine((value, ctx) => {
      const problem = endpointUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: `errors.webhookUrl.${problem}` });
    }),
  description: z.string().trim().max(200, { error: "errors.tooLong" }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, { error: "errors.webhookEvents" }),
});
export type EndpointInput = z.infer<typeof endpointSchema>;

export const endpointIdSchema = z.object({ endpointId: z.string().min(1).max(100) });
export const pauseSchema = z.object({ endpointId: z.string().min(1).max(100), paused: z.boolean() });
export const deliveryIdSchema = z.object({ deliveryId: z.string().min(1).max(100) });
