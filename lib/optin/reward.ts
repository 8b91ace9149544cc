import "server-only";
import { signValue, verifySignedValue } from "@/lib/crypto/sign";
import { appUrl } from "@/lib/env";

const REWARD = "reward";

/**
 * Where a confirmed respondent gets a lead magnet's reward: the campaign's
 * URL, or our download route for an uploaded file (signed with the response id,
 * checked again at download time).
 */
export function rewardLink(campaign: { rewardUrl: string; rewardFilePath: string | null }, responseId: string): string | null {
  if (campaign.rewardUrl) return campaign.rewardUrl;
  if (campaign.rewardFilePath) return `${appUrl()}/api/optin/reward?r=${encodeURIComponent(signValue(REWARD, responseId))}`;
  return null;
}

export function responseOfRewardToken(token: string): string | null {
  return verifySignedValue(REWARD, token);
}
