"use server";
import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/action";
import { createEndpoint, deleteEndpoint, replayDelivery, rotateSecret, setPaused, updateEndpoint } from "./queries";
import { deliveryIdSchema, endpointIdSchema, endpointSchema, pauseSchema } from "./schemas";
import { kickWebhooks } from "./worker";
import { z } from "zod";

const PAGE = "/parametres/integrations";

export const createWebhookEndpointAction = memberAction("webhooks.manage", endpointSchema, async (input, member) => {
  const created = await createEndpoint(member, input);
  revalidatePath(PAGE);
  return created;
});

export const updateWebhookEndpointAction = memberAction("webhooks.manage", endpointSchema.extend(endpointIdSchema.shape), async ({ endpointId, ...input }, member) => {
  await updateEndpoint(member, endpointId, input);
  revalidatePath(`${PAGE}/${endpointId}`);
});

export const rotateWebhookSecretAction = memberAction("webhooks.manage", endpointIdSchema, async ({ endpointId }, member) => {
  const rotated = await rotateSecret(member, endpointId);
  revalidatePath(`${PAGE}/${endpointId}`);
  return rotated;
});

export const pauseWebhookEndpointAction = memberAction("webhooks.manage", pauseSchema, async ({ endpointId, paused }, member) => {
  await setPaused(member, endpointId, paused);
  if (!paused) kickWebhooks();
  revalidatePath(`${PAGE}/${endpointId}`);
});

export const deleteWebhookEndpointAction = memberAction("webhooks.manage", endpointIdSchema, async ({ endpointId }, member) => {
  await deleteEndpoint(member, endpointId);
  revalidatePath(PAGE);
});

export const replayWebhookDeliveryAction = memberAction("webhooks.manage", deliveryIdSchema.extend({ endpointId: z.string().max(100).optional() }), async ({ deliveryId, endpointId }, member) => {
  await replayDelivery(member, deliveryId);
  kickWebhooks();
  if (endpointId) revalidatePath(`${PAGE}/${endpointId}`);
});
