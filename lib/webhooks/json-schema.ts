import { z } from "zod";
import { webhookPayloadSchema } from "./payloads";

/** The JSON Schema (draft 2020-12) of every webhook body, as published in docs/webhooks.schema.json. */
export function webhookSchemaDocument(): Record<string, unknown> {
  const schema = z.toJSONSchema(webhookPayloadSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: "https://aimant.example/docs/webhooks.schema.json",
    title: "Aimant webhook event",
    description: "The JSON body of every request Aimant sends to a webhook endpoint. See docs/webhooks.md.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}
