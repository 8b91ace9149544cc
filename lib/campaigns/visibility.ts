/**
 * Whether a campaign's public pages and files may be served to anyone: published, or
 * archived after having been published (its QR codes are still out there). Drafts are
 * for the organisation's members only.
 */
export function isPublic(campaign: { status: string; publishedAt: Date | null }): boolean {
  return campaign.status === "PUBLISHED" || (campaign.status === "ARCHIVED" && campaign.publishedAt !== null);
}
