"use server";
import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/action";
import { setDigest } from "@/lib/digest/queries";
import { digestChoiceSchema } from "@/lib/digest/schemas";
import { requestLocale } from "@/lib/i18n/request-locale";

/** Every member may ask for the daily count of new entries of a campaign (a count, no personal data). */
export const setDigestAction = memberAction("stats.view", digestChoiceSchema, async (input, member) => {
  await setDigest(member, input, await requestLocale());
  revalidatePath("/compte");
});
