import type { CampaignDefinitionInput } from "./definition";
import { fromZonedInput, isTimeZone } from "@/lib/time-zone";
import type { PublishCheckInput } from "./publish-checks";

// The builder's checklist runs the server's publish checks (publishProblems)
// on the values being typed: this reads the form's draft as the save would
// store it, leniently (a half-typed form still gets a checklist).

/** What the form does not hold: the organisation's legal details and the uploaded files. */
export type DraftContext = {
  kind: string;
  organisation: PublishCheckInput["organisation"];
  rulesFilePath: string | null;
  rewardFilePath: string | null;
};

const str = (v: unknown): string => (typeof v === "string" ? v : v == null ? "" : String(v));
const num = (v: unknown): number => (v === "" || v == null ? NaN : Number(v));
const optionalNum = (v: unknown): number | null => (v === "" || v == null || Number.isNaN(Number(v)) ? null : Number(v));
const date = (v: unknown, timeZone: string): Date => (isTimeZone(timeZone) && fromZonedInput(str(v), timeZone)) || new Date(NaN);

export function checkInputOfDraft(draft: CampaignDefinitionInput, ctx: DraftContext): PublishCheckInput {
  const questions = (draft.sections ?? []).flatMap((s) => s.questions ?? []);
  return {
    organisation: ctx.organisation,
    campaign: {
      kind: ctx.kind,
      title: str(draft.title),
      opensAt: date(draft.opensAt, draft.timeZone),
      closesAt: date(draft.closesAt, draft.timeZone),
      retentionMonths: num(draft.retentionMonths),
      prize: str(draft.prize),
      winnersCount: num(draft.winnersCount),
      rulesText: str(draft.rulesText),
      rulesFilePath: ctx.rulesFilePath,
      rewardUrl: str(draft.rewardUrl),
      rewardFilePath: ctx.rewardFilePath,
      minimumAge: optionalNum(draft.minimumAge),
      ageCheck: str(draft.ageCheck),
      partners: str(draft.partners),
    },
    questions: questions.map((q) => ({
      type: q.type,
      required: Boolean(q.required),
      // Stored only on single choices (see saveCampaignDefinition).
      rfmTag: q.type === "SINGLE_CHOICE" && q.rfmTag ? str(q.rfmTag) : null,
      validation: { ...q.validation },
      options: (q.options ?? []).map((o) => ({ rfmScore: optionalNum(o.rfmScore) })),
    })),
    purposes: (draft.purposes ?? []).map((p) => ({ wording: str(p.wording) })),
  };
}
