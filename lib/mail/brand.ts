import { appUrl } from "@/lib/env";

/**
 * The absolute address of a campaign's logo for its mails (the public logo route of its form,
 * open once the form is public, which every mailed campaign is); none without a logo.
 */
export function campaignLogoUrl(campaign: { slug: string; logoPath: string | null }): string | undefined {
  return campaign.logoPath ? `${appUrl()}/f/${encodeURIComponent(campaign.slug)}/logo` : undefined;
}
