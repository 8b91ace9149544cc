// A valid submission body for any campaign definition: what a real phone would post.
import type { FormDefinition } from "@/lib/submission/form-definition";

export function validAnswers(form: FormDefinition, email: string): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const section of form.sections) {
    for (const q of section.questions) {
      switch (q.type) {
        case "EMAIL": answers[q.id] = email; break;
        case "FIRST_NAME": answers[q.id] = "Léa"; break;
        case "LAST_NAME": answers[q.id] = "Dupont"; break;
        case "PHONE": answers[q.id] = "06 12 34 56 78"; break;
        case "POSTAL_CODE": answers[q.id] = "69003"; break;
        case "SHORT_TEXT": answers[q.id] = "Poêle à granulés"; break;
        case "LONG_TEXT": answers[q.id] = "Un chauffage plus économique et plus agréable pour toute la famille cet hiver."; break;
        case "SINGLE_CHOICE": answers[q.id] = q.options[0]?.id; break;
        case "MULTIPLE_CHOICE": answers[q.id] = q.options.slice(0, 1).map((o) => o.id); break;
        case "YES_NO": answers[q.id] = "yes"; break;
        case "SCALE": answers[q.id] = 8; break;
        case "NUMBER": answers[q.id] = Math.max(q.validation.min ?? 0, Math.min(q.validation.max ?? 100, 3)); break;
        case "DATE": answers[q.id] = "1984-05-17"; break;
      }
    }
  }
  return answers;
}

export function submissionBody(form: FormDefinition, email: string, startToken: string) {
  return {
    answers: validAnswers(form, email),
    consents: Object.fromEntries(form.purposes.map((p, i) => [p.id, i === 0])),
    rulesAccepted: true,
    ageDeclared: true,
    website: "",
    startToken,
    context: { pageUrl: `/f/${form.slug}`, referrer: "", utmSource: "qr", utmMedium: "print", utmCampaign: form.slug, utmTerm: "", utmContent: "" },
  };
}

/** A signed start token, as the form gets it when it first shows (GET /api/f/<slug>/start, see lib/submission/start.ts). */
export async function fetchStartToken(base: string, slug: string): Promise<string> {
  const response = await fetch(`${base}/api/f/${encodeURIComponent(slug)}/start`);
  const body = (await response.json()) as { startToken?: string };
  if (!response.ok || !body.startToken) throw new Error(`no start token for ${slug}: ${response.status}`);
  return body.startToken;
}
