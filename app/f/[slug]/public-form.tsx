import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { windowState, type WindowState } from "@/lib/campaigns/time-window";
import { findPublishedCampaign } from "@/lib/submission/load";
import { CampaignPage } from "@/components/respondent/campaign-page";

export async function publicFormMetadata(slug: string): Promise<Metadata> {
  const campaign = await findPublishedCampaign(slug);
  return { title: campaign?.title, description: campaign?.description.slice(0, 160) || undefined };
}

/**
 * The public form of a campaign, the same for every respondent: nothing per
 * request in it (the start token and the view come from the form's start
 * call), so a rendering can be cached by version and state (see proxy.ts).
 * `state`: the state the rendering is made for; by default the current one.
 */
export async function PublicFormPage({ slug, state }: { slug: string; state?: WindowState }) {
  const campaign = await findPublishedCampaign(slug);
  if (!campaign) notFound();
  const shown = state ?? (campaign.status === "ARCHIVED" ? "CLOSED" : windowState(campaign));
  return <CampaignPage campaign={campaign} state={shown} mode="live" />;
}
