import "server-only";
import { countView } from "@/lib/campaigns/views";
import { Closed, NotFound } from "@/lib/errors";
import { findPublishedCampaign } from "./load";
import { headState, readPublishedHead } from "./published-head";
import { startToken } from "./start-token";

const refusals = {
  fr: { NOT_OPEN: "Ce formulaire n'est pas encore ouvert.", CLOSED: "Ce formulaire est clos : les participations ne sont plus acceptées." },
  en: { NOT_OPEN: "This form is not open yet.", CLOSED: "This form is closed: entries are no longer accepted." },
};

/** A refusal of the start call, with the state the form is in (the page shows that state on its next load). */
export class NotOpenNow extends Closed {
  constructor(
    message: string,
    readonly state: "NOT_OPEN" | "CLOSED",
  ) {
    super(message);
  }
}

/**
 * What the form asks for when it first shows: the signed start token of the
 * time trap (so the page itself holds nothing per request and can be cached),
 * and one view counted by UTM source. `countsView` false (a caller over its
 * rate limit) still gets a token: a crowd behind one address must be able to
 * enter, it only stops inflating the views.
 */
export async function startForm(slug: string, utmSource: string, countsView: boolean, now = new Date()): Promise<{ startToken: string }> {
  const head = await readPublishedHead(slug);
  if (!head) throw new NotFound("Ce formulaire n'existe pas ou n'est plus en ligne.");
  const state = headState(head, now);
  if (state !== "OPEN") {
    const locale = (await findPublishedCampaign(slug))?.locale === "en" ? "en" : "fr";
    throw new NotOpenNow(refusals[locale][state], state);
  }
  if (countsView) countView(head.id, utmSource, now);
  return { startToken: startToken(head.id, now.getTime()) };
}
