"use server";
import { z } from "zod";
import { memberAction } from "@/lib/action";
import { getAnalyticsCampaign } from "@/lib/analytics/queries";
import { analyticsSearchSchema, filtersFromSearch } from "@/lib/analytics/filters";
import { answersWithWord } from "@/lib/wordcloud/queries";

const answersWithWordSchema = z.object({
  campaignId: z.string().min(1).max(64),
  questionId: z.string().min(1).max(64),
  word: z.string().trim().min(1).max(100),
  search: analyticsSearchSchema,
});

/**
 * The answers containing a clicked word, under the dashboard's filters. Text
 * only — viewers may call it, and no identity leaves with the answers.
 */
export const answersWithWordAction = memberAction("stats.view", answersWithWordSchema, async (input, member) => {
  const campaign = await getAnalyticsCampaign(member.organisationId, input.campaignId);
  return answersWithWord(campaign.id, input.questionId, input.word.toLowerCase(), filtersFromSearch(input.search, campaign.timeZone));
});
