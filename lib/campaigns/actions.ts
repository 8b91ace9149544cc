"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/action";
import { campaignDefinitionSchema, campaignIdSchema, newCampaignSchema } from "@/lib/campaigns/definition";
import {
  archiveCampaign,
  closeCampaignNow,
  createCampaign,
  duplicateCampaign,
  getBuilderData,
  getCampaignForMember,
  publishCampaign,
  saveCampaignDefinition,
  setCampaignFile,
  unpublishCampaign,
} from "@/lib/campaigns/queries";
import { storeUpload } from "@/lib/campaigns/uploads";
import { Invalid } from "@/lib/errors";

const refresh = (id: string) => {
  revalidatePath(`/campagnes/${id}`, "layout");
  revalidatePath("/campagnes");
};

export const createCampaignAction = memberAction("campaign.edit", newCampaignSchema, (input, member) => createCampaign(member, input));

export const saveCampaignAction = memberAction(
  "campaign.edit",
  z.object({ campaignId: z.string().min(1), definition: campaignDefinitionSchema }),
  async ({ campaignId, definition }, member) => {
    await saveCampaignDefinition(member, campaignId, definition);
    refresh(campaignId);
    // The saved form with the ids of what was just created, so the next save updates rather than duplicates.
    return (await getBuilderData(member, campaignId)).values;
  },
);

const lifecycle = {
  publish: publishCampaign,
  unpublish: unpublishCampaign,
  close: closeCampaignNow,
  archive: archiveCampaign,
} as const;

export const campaignLifecycleAction = memberAction(
  "campaign.edit",
  campaignIdSchema.extend({ step: z.enum(["publish", "unpublish", "close", "archive"]) }),
  async ({ campaignId, step }, member) => {
    await lifecycle[step](member, campaignId);
    refresh(campaignId);
  },
);

export const duplicateCampaignAction = memberAction("campaign.edit", campaignIdSchema, async ({ campaignId }, member) => {
  const copy = await duplicateCampaign(member, campaignId);
  revalidatePath("/campagnes");
  return copy;
});

const fileField = { logo: "logoPath", rules: "rulesFilePath", reward: "rewardFilePath" } as const;

/** Upload (or removal, with no file) of the logo, the rules PDF or the reward file. */
export const uploadCampaignFileAction = memberAction(
  "campaign.edit",
  z.instanceof(FormData).transform((form) => ({
    campaignId: String(form.get("campaignId") ?? ""),
    kind: String(form.get("kind") ?? ""),
    file: form.get("file"),
  })),
  async ({ campaignId, kind, file }, member) => {
    if (!campaignId || !(kind in fileField)) throw new Invalid();
    const field = fileField[kind as keyof typeof fileField];
    await getCampaignForMember(member, campaignId); // another organisation's campaign: NotFound before any write
    if (!(file instanceof File) || file.size === 0) {
      await setCampaignFile(member, campaignId, field, null);
    } else {
      const path = await storeUpload(campaignId, kind as keyof typeof fileField, Buffer.from(await file.arrayBuffer()));
      await setCampaignFile(member, campaignId, field, path);
    }
    refresh(campaignId);
  },
);
