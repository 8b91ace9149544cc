import "server-only";
import { countView } from "@/lib/campaigns/views";
import { Closed, NotFound } from "@/lib/errors";
import { translate } from "@/lib/i18n/translate";
import { formLocale } from "./load";
import { headState, readPublishedHead } from "./published-head";
import { startToken } from "./start-token";

const REFUSAL_KEYS = { NOT_OPEN: "respondent.refusals.notOpen", CLOSED: "respondent.refusals.closed" } as const;

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
  if (!head) throw new NotFound("respondent.refusals.notFound");
  const state = headState(head, now);
  if (state !== "OPEN") {
    throw new NotOpenNow(translate(await formLocale(slug), REFUSAL_KEYS[state]), state);
  }
  if (countsView) countView(head.id, utmSource, now);
  return { startToken: startToken(head.id, now.getTime()) };
}
