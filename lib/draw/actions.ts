"use server";
import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/action";
import { campaignRefSchema, excludeEntrySchema, notifyWinnersSchema, redrawSchema, runDrawSchema, verifyDrawSchema } from "@/lib/draw/schemas";
import { closeCampaignNow } from "@/lib/campaigns/queries";
import { checkDraw, excludeEntry, performDraw, reinstateEntry } from "@/lib/draw/queries";
import { notifyWinners } from "@/lib/draw/notify";

const refresh = (campaignId: string) => revalidatePath(`/campagnes/${campaignId}`, "layout");

export const closeCampaignAction = memberAction("draw.run", campaignRefSchema, async ({ campaignId }, member) => {
  await closeCampaignNow(member, campaignId);
  refresh(campaignId);
});

export const runDrawAction = memberAction("draw.run", runDrawSchema, async ({ campaignId }, member) => {
  const result = await performDraw(member, campaignId);
  refresh(campaignId);
  return result;
});

export const redrawAction = memberAction("draw.run", redrawSchema, async ({ campaignId, reason }, member) => {
  const result = await performDraw(member, campaignId, reason);
  refresh(campaignId);
  return result;
});

export const verifyDrawAction = memberAction("draw.run", verifyDrawSchema, async ({ campaignId, drawId }, member) => {
  const { ok, problems, listStillCurrent, sequence } = await checkDraw(member, campaignId, drawId);
  return { ok, problems, listStillCurrent, sequence };
});

export const excludeEntryAction = memberAction("draw.run", excludeEntrySchema, async (input, member) => {
  await excludeEntry(member, input);
  refresh(input.campaignId);
});

// Same fields as an exclusion: the entry and a written reason.
export const reinstateEntryAction = memberAction("draw.run", excludeEntrySchema, async (input, member) => {
  await reinstateEntry(member, input);
  refresh(input.campaignId);
});

export const notifyWinnersAction = memberAction("draw.run", notifyWinnersSchema, async ({ campaignId, drawId }, member) => {
  const queued = await notifyWinners(member, campaignId, drawId);
  refresh(campaignId);
  return { queued };
});
