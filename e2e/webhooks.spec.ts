import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "../lib/webhooks/signature";
import { test, expect, signUp, uniqueEmail, waitForMail, type CapturedMail } from "./fixtures";
import { createPublishedContest, enterStarterContest } from "./campaign-helpers";

// A CRM's receiver, real and separate from the app: it verifies every signature
// with the secret the owner copied from the page, refuses the first two requests,
// then accepts. The journey: the owner connects it under Paramètres → Intégrations,
// a lead confirms (delivered on the third try), the person withdraws in the
// preference centre (at the CRM within 10 seconds), the owner replays a delivery.

type Got = { at: number; eventId: string; type: string; attempt: number; body: { data: Record<string, unknown> } };

function receiver() {
  const state = { secret: "", refuseNext: 2, received: [] as Got[], rejectedSignatures: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      if (!verifySignature(String(req.headers["aimant-signature"] ?? ""), raw, state.secret)) {
        state.rejectedSignatures += 1;
        return res.writeHead(400).end();
      }
      if (state.refuseNext > 0) {
        state.refuseNext -= 1;
        return res.writeHead(503).end();
      }
      state.received.push({ at: Date.now(), eventId: String(req.headers["aimant-event-id"]), type: String(req.headers["aimant-event-type"]), attempt: Number(req.headers["aimant-delivery-attempt"]), body: JSON.parse(raw) });
      res.writeHead(204).end();
    });
  });
  return { state, server };
}

function linkIn(mail: CapturedMail, path: RegExp): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((l) => path.test(new URL(l).pathname));
  if (!link) throw new Error(`no link matching ${path}`);
  return link;
}

async function waitFor<T>(find: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not received within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("a CRM receives a confirmed lead after two failures, then the withdrawal within 10 seconds, signed; a replay sends it again", async ({ page, browser, request }) => {
  test.setTimeout(150_000);
  const { state, server } = receiver();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/aimant`;
  try {
    await signUp(page, { organisation: "Poêles Webhook" });
    const { slug } = await createPublishedContest(page);

    // The owner connects the CRM: the secret is shown once.
    await page.goto("/parametres/integrations");
    await expect(page.getByRole("heading", { level: 1, name: "Intégrations" })).toBeVisible();
    await page.getByLabel("URL de réception").fill("http://crm.example.com/hook");
    await page.getByRole("button", { name: "Ajouter" }).click();
    await expect(page.getByText("L'adresse doit commencer par https://")).toBeVisible();
    await page.getByLabel("URL de réception").fill(hookUrl);
    await page.getByLabel("Description").fill("CRM de test");
    await page.getByRole("button", { name: "Ajouter" }).click();
    state.secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(state.secret).toMatch(/^whsec_/);
    await page.reload();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);
    await expect(page.getByTestId("webhook-endpoint-row")).toContainText("CRM de test");

    // A person enters with the recontact consent and confirms: the lead reaches the CRM on the third try.
    const phone = await (await browser.newContext({ locale: "fr-FR" })).newPage();
    const email = uniqueEmail("crm");
    await enterStarterContest(phone, slug, email, { consent: true });
    const mail = await waitForMail(request, email, /Confirmez votre adresse e-mail/);
    await phone.goto(linkIn(mail, /^\/c\//));
    await phone.getByRole("button", { name: "Confirmer" }).click();
    await expect(phone.getByRole("heading", { name: "Adresse confirmée, merci !" })).toBeVisible();
    const lead = await waitFor(() => state.received.find((r) => r.type === "lead.confirmed" && r.body.data.email === email), 60_000);
    expect(lead.attempt).toBe(3);
    expect(lead.body.data).toMatchObject({ email, firstName: "Jeanne" });
    expect(state.refuseNext).toBe(0);

    // The delivery log says so: delivered, 3 attempts, 204.
    await page.getByRole("link", { name: "CRM de test" }).click();
    const row = page.getByTestId("webhook-delivery-row").filter({ hasText: lead.eventId });
    await expect(row).toHaveAttribute("data-status", "SUCCEEDED");
    await expect(row).toContainText("Livré");
    await expect(row).toContainText("204");

    // The person withdraws in the preference centre: the CRM knows within 10 seconds.
    await phone.goto(linkIn(mail, /^\/p\//).split("?")[0]!);
    const consent = phone.getByTestId("preference-consent").filter({ hasText: /Recevoir les offres commerciales/ });
    await consent.getByRole("button", { name: "Retirer ce consentement" }).click();
    await expect(phone.getByText("C'est fait : votre consentement est retiré")).toBeVisible();
    const withdrawnAt = Date.now();
    const withdrawal = await waitFor(() => state.received.find((r) => r.type === "consent.withdrawn" && r.body.data.email === email), 10_000);
    expect(withdrawal.at - withdrawnAt).toBeLessThan(10_000);
    expect(withdrawal.body.data).toMatchObject({ email, method: "PREFERENCE_CENTRE" });

    // Replay of one delivery: the same event id again.
    await page.reload();
    const leadRow = page.getByTestId("webhook-delivery-row").filter({ hasText: lead.eventId });
    await leadRow.getByRole("button", { name: "Renvoyer" }).click();
    await leadRow.getByRole("button", { name: "Confirmer" }).click();
    await expect(leadRow.getByText("Renvoi programmé.")).toBeVisible();
    await waitFor(() => (state.received.filter((r) => r.eventId === lead.eventId).length === 2 ? true : undefined), 15_000);
    expect(state.rejectedSignatures).toBe(0);

    // Pause, then delete: nothing is left pointing at the receiver.
    await page.getByRole("button", { name: "Mettre en pause" }).click();
    await page.getByRole("group", { name: "Mettre en pause" }).getByRole("button", { name: "Confirmer" }).click();
    await expect(page.getByText("En pause : les événements attendent.")).toBeVisible();
    await page.getByRole("button", { name: "Supprimer" }).click();
    await page.getByRole("group", { name: "Supprimer" }).getByRole("button", { name: "Confirmer" }).click();
    await expect(page).toHaveURL(/\/parametres\/integrations$/);
    await expect(page.getByTestId("webhook-endpoint-row")).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
