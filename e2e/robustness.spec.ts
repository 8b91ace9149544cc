import type { APIRequestContext } from "@playwright/test";
import { test, expect, uniqueEmail } from "./fixtures";
import { DEMO_SLUG, MIN_FILL_MS } from "./campaign-helpers";
import { formDefinitionFromDb, openE2eDb, submissionFootprint } from "./support/e2e-db";
import { seedEveryOptionalQuestion } from "./support/seed-campaign";
import { fetchStartToken, submissionBody } from "../bench/submission-body";
import type { FormDefinition } from "@/lib/submission/form-definition";

// Public endpoints under concurrency and hostile input: nothing lost, nothing
// duplicated, every refusal a clear 4xx that writes no row.
test.describe.configure({ mode: "serial" });

const db = openE2eDb();
let form: FormDefinition;
let startToken: string;
let origin: string;

test.beforeAll(async ({ baseURL }) => {
  origin = baseURL!;
  form = formDefinitionFromDb(db, DEMO_SLUG);
  startToken = await fetchStartToken(baseURL!, DEMO_SLUG);
  await new Promise((r) => setTimeout(r, MIN_FILL_MS));
});
test.afterAll(() => db.close());

function submit(request: APIRequestContext, body: unknown, headers: Record<string, string> = { origin }) {
  return request.post(`/api/f/${DEMO_SLUG}/submit`, {
    data: typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
    failOnStatusCode: false,
  });
}
const countWhere = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

test("concurrent entries: N distinct e-mails give N entries and N consent sets; one e-mail gives one entry", async ({ request }) => {
  const emails = Array.from({ length: 40 }, () => uniqueEmail("rush"));
  const answers = await Promise.all(emails.map((email) => submit(request, submissionBody(form, email, startToken))));
  expect(answers.map((a) => a.status())).toEqual(emails.map(() => 201));
  const placeholders = emails.map(() => "?").join(",");
  expect(countWhere(`SELECT COUNT(*) AS n FROM "Response" WHERE dedupeKey IN (${placeholders}) AND status = 'ACCEPTED'`, ...emails)).toBe(40);
  // One purpose is ticked in each body: exactly one GRANT per entry, none lost, none doubled.
  expect(
    countWhere(
      `SELECT COUNT(*) AS n FROM "ConsentRecord" c JOIN "Response" r ON r.id = c.responseId WHERE r.dedupeKey IN (${placeholders}) AND c.action = 'GRANT'`,
      ...emails,
    ),
  ).toBe(40);
  expect(countWhere(`SELECT COUNT(*) AS n FROM "OptInToken" t JOIN "Response" r ON r.id = t.responseId WHERE r.dedupeKey IN (${placeholders})`, ...emails)).toBe(40);

  const same = uniqueEmail("twice");
  const race = await Promise.all(Array.from({ length: 20 }, () => submit(request, submissionBody(form, same, startToken))));
  // No oracle: every one answers like a new entry (201, a thank-you link); one entry is stored, one confirmation
  // mail goes, and the address's owner gets at most a couple of "you had already entered" mails.
  expect(race.map((r) => r.status())).toEqual(race.map(() => 201));
  for (const answer of race) expect(Object.keys(await answer.json())).toEqual(["ok", "thanksUrl"]);
  expect(countWhere(`SELECT COUNT(*) AS n FROM "Response" WHERE dedupeKey = ?`, same)).toBe(1);
  expect(countWhere(`SELECT COUNT(*) AS n FROM "Contact" WHERE email = ?`, same)).toBe(1);
  expect(countWhere(`SELECT COUNT(*) AS n FROM "OutboxMail" WHERE toAddress = ? AND kind = 'optin.confirmation'`, same)).toBe(1);
  expect(countWhere(`SELECT COUNT(*) AS n FROM "OutboxMail" WHERE toAddress = ? AND kind = 'entry.repeat'`, same)).toBeGreaterThanOrEqual(1);
  expect(countWhere(`SELECT COUNT(*) AS n FROM "OutboxMail" WHERE toAddress = ? AND kind = 'entry.repeat'`, same)).toBeLessThanOrEqual(2);
});

test("hostile input on the submit endpoint: a clear 4xx, never a 5xx, and no row written", async ({ request }) => {
  const valid = () => submissionBody(form, uniqueEmail("bad"), startToken);
  const firstNameQ = form.sections.flatMap((s) => s.questions).find((q) => q.type === "FIRST_NAME")!;
  const cases: Array<[string, unknown, Record<string, string>?]> = [
    ["malformed JSON", '{"answers": {'],
    ["wrong types", { answers: 5, consents: "oui", rulesAccepted: "yes", startToken }],
    ["missing fields", {}],
    ["a 1 MB string", { ...valid(), answers: { ...valid().answers, [firstNameQ.id]: "a".repeat(1024 * 1024) } }],
    ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xfd, 0x22, 0x3a, 0x31, 0x7d])],
    ["a consent for a purpose that does not exist", { ...valid(), consents: { "purpose-forged": true } }],
    ["a pre-ticked consent posted by a bot without the form", { ...valid(), startToken: "" }],
    ["CR/LF in a name that reaches a mail header", { ...valid(), answers: { ...valid().answers, [firstNameQ.id]: "Léa\r\nBcc: victim@example.test" } }],
    ["Origin: evil.example", valid(), { origin: "https://evil.example" }],
    ["Origin: null", valid(), { origin: "null" }],
    ["no Origin", valid(), {}],
  ];
  for (const [label, body, headers] of cases) {
    const before = submissionFootprint(db);
    const response = await submit(request, body, headers ?? { origin });
    expect(response.status(), label).toBeGreaterThanOrEqual(400);
    expect(response.status(), label).toBeLessThan(500);
    const json = await response.json();
    expect(typeof json.error, label).toBe("string");
    expect(json.error.length, label).toBeGreaterThan(3);
    expect(JSON.stringify(json), label).not.toMatch(/prisma|sqlite|stack|at .*\.js/i);
    expect(submissionFootprint(db), label).toEqual(before);
  }

  const unknown = await request.post("/api/f/campagne-qui-n-existe-pas/submit", { data: JSON.stringify(valid()), headers: { origin, "content-type": "application/json" }, failOnStatusCode: false });
  expect(unknown.status()).toBe(404);
});

test("server actions and other public endpoints refuse foreign origins and garbage without a 5xx", async ({ request }) => {
  for (const headers of [{ origin: "https://evil.example" }, { origin: "null" }, {}] as Array<Record<string, string>>) {
    const action = await request.post("/inscription", { headers: { ...headers, "next-action": "0".repeat(42), "content-type": "text/plain" }, data: "[]", failOnStatusCode: false });
    expect(action.status()).toBe(403);
    expect((await action.json()).error).toMatch(/origine/);
  }
  for (const path of [`/f/${DEMO_SLUG}/qr.png?size=abc&level=Z`, `/f/${DEMO_SLUG}/qr.svg?size=99999`, "/f/inconnue/qr.png", "/p/faux-jeton/donnees", "/api/campaigns/campagne-d-une-autre-organisation/export"]) {
    const response = await request.get(path, { failOnStatusCode: false });
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    expect(response.status(), path).toBeLessThan(500);
  }
  for (const path of ["/c/jeton-inconnu", "/p/jeton-inconnu"]) {
    const response = await request.get(path, { failOnStatusCode: false });
    expect(response.status(), path).toBe(404);
  }
});

test("huge bodies are refused with 413 before being read, on every route that takes a body, and write nothing", async ({ request, baseURL }) => {
  const huge = Buffer.alloc(30 * 1024 * 1024, 0x61);
  const headers = { origin: baseURL!, "content-type": "application/json" };
  for (const path of [`/api/f/${DEMO_SLUG}/submit`, "/api/optin/resend", "/api/unsubscribe?t=x.y", "/api/auth/callback/credentials"]) {
    const before = submissionFootprint(db);
    const response = await request.post(path, { data: huge, headers, failOnStatusCode: false });
    expect(response.status(), path).toBe(413);
    expect((await response.json()).error, path).toMatch(/trop volumineuse/);
    expect(submissionFootprint(db), path).toEqual(before);
  }
  // A form in English is answered in English.
  const english = seedEveryOptionalQuestion(db, "en");
  const response = await request.post(`/api/f/${english.slug}/submit`, { data: Buffer.alloc(100 * 1024, 0x61), headers, failOnStatusCode: false });
  expect(response.status()).toBe(413);
  expect((await response.json()).error).toBe("This request is too large.");
});

test("the resend endpoint answers malformed requests with their real message and status", async ({ request, baseURL }) => {
  const post = (data: string, type = "application/json") => request.post("/api/optin/resend", { data: Buffer.from(data), headers: { origin: baseURL!, "content-type": type }, failOnStatusCode: false });
  const cases: Array<[string, Promise<import("@playwright/test").APIResponse>, number, RegExp]> = [
    ["invalid JSON", post('{"r": '), 400, /Requête illisible/],
    ["form-encoded", post("r=abc", "application/x-www-form-urlencoded"), 415, /JSON/],
    ["10k-character reference", post(JSON.stringify({ r: "x".repeat(10_000) })), 413, /trop volumineuse/],
    ["forged reference", post(JSON.stringify({ r: "cabcdefghijklmnopqrstuvwx.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })), 422, /n'est pas valable/],
  ];
  for (const [label, pending, status, message] of cases) {
    const response = await pending;
    expect(response.status(), label).toBe(status);
    expect((await response.json()).error, label).toMatch(message);
  }
});

test("50 resend requests: three resends at most, then a clear 429, never a 5xx", async ({ request }) => {
  const email = uniqueEmail("resend");
  const created = await submit(request, submissionBody(form, email, startToken));
  expect(created.status()).toBe(201);
  const r = new URL((await created.json()).thanksUrl, origin).searchParams.get("r")!;
  const statuses: number[] = [];
  for (let i = 0; i < 50; i++) {
    const response = await request.post("/api/optin/resend", { data: JSON.stringify({ r }), headers: { origin, "content-type": "application/json" }, failOnStatusCode: false });
    statuses.push(response.status());
  }
  expect(statuses.every((s) => s < 500)).toBe(true);
  expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(3);
  expect(statuses.slice(3).every((s) => s === 429)).toBe(true);
  // The original mail plus three resends.
  expect(countWhere(`SELECT COUNT(*) AS n FROM "OptInToken" t JOIN "Response" r ON r.id = t.responseId WHERE r.dedupeKey = ?`, email)).toBe(4);
});
