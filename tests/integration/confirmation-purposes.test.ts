import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { confirmLatest, enter, latestConfirmationToken, owner, publishedContest, type PublishedCampaign } from "./entry-fixtures";

useFreshDatabase();

const WORDING = "Recevoir les offres de la marque Durand par e-mail";

/** The confirmation mail and page (app/c/[token] reads inspectConfirmation) name the purposes the click confirms. */
describe("what a confirmation confirms", () => {
  let c: PublishedCampaign;
  beforeAll(async () => {
    c = await publishedContest(await owner("owner@purposes.test", "Durand"), "Gagnez un poêle", WORDING);
  });

  it("the mail queued by an entry lists the ticked purpose's exact wording", async () => {
    const { db } = await import("@/lib/db");
    await enter(c, { email: "ticked@exemple.fr", firstName: "Anne" });
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: "ticked@exemple.fr", kind: "optin.confirmation" } });
    expect(mail.text).toContain(`- ${WORDING}`);
    await enter(c, { email: "none@exemple.fr", firstName: "Bob", consent: false });
    const none = await db.outboxMail.findFirstOrThrow({ where: { toAddress: "none@exemple.fr", kind: "optin.confirmation" } });
    expect(none.text).not.toContain(WORDING);
    expect(none.text).toContain("Vous n'avez coché aucune case de consentement");
  });

  it("the page lists them before the click, and what was confirmed after it", async () => {
    const { inspectConfirmation } = await import("@/lib/optin/confirm");
    const token = await latestConfirmationToken("ticked@exemple.fr");
    expect(await inspectConfirmation(token)).toMatchObject({ state: "valid", purposes: [WORDING] });
    expect((await confirmLatest("ticked@exemple.fr")).state).toBe("confirmed");
    expect(await inspectConfirmation(token)).toMatchObject({ state: "used", purposes: [WORDING] });
    expect(await inspectConfirmation(await latestConfirmationToken("none@exemple.fr"))).toMatchObject({ state: "valid", purposes: [] });
  });

  it("a purpose withdrawn before the click is not listed (nor confirmed)", async () => {
    const { db } = await import("@/lib/db");
    const { inspectConfirmation } = await import("@/lib/optin/confirm");
    const { withdrawConsents } = await import("@/lib/consent/withdraw");
    const { responseId } = await enter(c, { email: "changed-mind@exemple.fr", firstName: "Chloé" });
    const response = await db.response.findUniqueOrThrow({ where: { id: responseId }, include: { campaign: true } });
    await withdrawConsents({ organisationId: response.campaign.organisationId, contactId: response.contactId!, method: "PREFERENCE_CENTRE", actor: { userId: null, label: "RESPONDENT" } });
    expect(await inspectConfirmation(await latestConfirmationToken("changed-mind@exemple.fr"))).toMatchObject({ state: "valid", purposes: [] });
  });
});
