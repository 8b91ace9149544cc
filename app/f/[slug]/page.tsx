import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { windowState } from "@/lib/campaigns/time-window";
import { countView } from "@/lib/campaigns/views";
import { findPublishedCampaign } from "@/lib/submission/load";
import { startToken } from "@/lib/submission/start-token";
import { CampaignPage } from "@/components/respondent/campaign-page";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const campaign = await findPublishedCampaign((await params).slug);
  return { title: campaign?.title ?? "Formulaire", description: campaign?.description.slice(0, 160) || undefined };
}

/** The public form: server-rendered, the form itself is the only client code. */
export default async function PublicFormPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const campaign = await findPublishedCampaign(slug);
  if (!campaign) notFound();
  const state = campaign.status === "ARCHIVED" ? "CLOSED" : windowState(campaign);
  if (state === "OPEN") {
    const source = typeof query.utm_source === "string" ? query.utm_source : "";
    // Counted after the response is sent: a view never slows the page down.
    after(() => countView(campaign.id, source));
  }
  return <CampaignPage campaign={campaign} state={state} startToken={startToken(campaign.id)} mode="live" />;
}
