"use client";
import { useDeferredValue, useMemo, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { createTranslator, useTranslations } from "next-intl";
import type { CampaignDefinitionInput } from "@/lib/campaigns/definition";
import { draftFormDefinition, fillIn } from "@/lib/campaigns/draft-form";
import { noticeBlocks, noticeShortLayer, type NoticeOrganisation, type Translate } from "@/lib/campaigns/notice-blocks";
import { birthDateQuestion, questionsOf } from "@/lib/submission/form-definition";
import type { LivePreviewStrings } from "@/lib/submission/respondent-strings";
import { RespondentForm } from "@/components/respondent/respondent-form";
import { CampaignHeader } from "@/components/respondent/campaign-header";
import { Notice } from "@/components/respondent/notice";
import { brandStyle } from "@/components/respondent/brand";
import { Button } from "@/components/ui/button";
import { PhoneFrame } from "./phone-frame";

export type LivePreviewProps = {
  campaignId: string;
  kind: string;
  organisation: NoticeOrganisation;
  /** The saved logo, if any (uploads are saved at once, outside the draft) */
  logoSrc: string | null;
  strings: Record<"fr" | "en", LivePreviewStrings>;
};

/**
 * The respondent's form drawn from the builder's unsaved draft, in a phone-sized frame beside
 * the editor (behind a toggle on narrow screens), updated as the marketer types. It is the
 * respondent form's own components with no submit URL: it never sends anything.
 */
export function LivePreview({ campaignId, kind, organisation, logoSrc, strings }: LivePreviewProps) {
  const t = useTranslations("builder.livePreview");
  const [open, setOpen] = useState(false);
  const { control } = useFormContext<CampaignDefinitionInput>();
  const watched = useWatch({ control }) as Partial<CampaignDefinitionInput>;
  // Typing stays fluid: the preview follows a moment later when the machine is busy.
  const draft = useDeferredValue(watched);
  const view = useMemo(() => {
    const form = draftFormDefinition(draft, { id: campaignId, kind });
    const words = strings[form.locale];
    const prize = draft.prize?.trim() ?? "";
    const profiling = (draft.purposes ?? []).find((p) => p.isProfiling && p.wording?.trim());
    const scored = questionsOf(form).length > 0 && (draft.sections ?? []).some((s) => (s.questions ?? []).some((q) => q.rfmTag));
    const noticeInput = {
      kind,
      locale: form.locale,
      title: draft.title ?? "",
      retentionMonths: Number(draft.retentionMonths) || 0,
      unconfirmedPurgeDays: Number(draft.unconfirmedPurgeDays) || 0,
      recipients: draft.recipients ?? "",
      partners: draft.partners ?? "",
      minimumAge: form.minimumAge,
      purposes: form.purposes,
      questionTypes: questionsOf(form).map((q) => q.type),
      scoring: !scored ? null : profiling ? { kind: "CONSENT" as const, wording: profiling.wording.trim() } : { kind: "LEGITIMATE_INTEREST" as const },
      birthDate: Boolean(birthDateQuestion(form)),
      minorPolicy: form.minorPolicy,
    };
    const translate = createTranslator({ locale: form.locale, messages: { notice: words.notice }, namespace: "notice" });
    const noticeText: Translate = (key, values) => translate(key as never, values as never);
    return {
      form,
      noticeTitle: noticeText("title"),
      prize: kind === "CONTEST" && prize ? fillIn(words.page.prize, { prize }) : "",
      words,
      formStrings: fillIn(words.form, { age: form.minimumAge }),
      notice: noticeBlocks(noticeText, organisation, noticeInput),
      firstLayer: noticeShortLayer(noticeText, organisation, noticeInput),
    };
  }, [draft, campaignId, kind, organisation, strings]);
  const color = /^#[0-9a-f]{6}$/i.test(draft.brandColor ?? "") ? draft.brandColor! : "#b4235a";

  return (
    <div className="space-y-2">
      <Button variant="secondary" className="w-full lg:hidden" aria-expanded={open} aria-controls="live-preview" onClick={() => setOpen(!open)}>
        {open ? t("hide") : t("show")}
      </Button>
      <section id="live-preview" aria-labelledby="live-preview-title" className={`${open ? "block" : "hidden"} lg:block`} data-testid="live-preview">
        <h2 id="live-preview-title" className="text-sm font-semibold">
          {t("title")}
        </h2>
        <p className="mb-2 text-xs text-muted">{t("lead")}</p>
        <div className="mx-auto w-full max-w-[375px] overflow-hidden rounded-[2rem] border-8 border-ink bg-gray-50 shadow-lg">
          <PhoneFrame title={t("frame")} lang={view.form.locale}>
            <div style={brandStyle(color)}>
              <CampaignHeader organisation={organisation.name} title={draft.title ?? ""} logoSrc={logoSrc} />
              <main className="space-y-6 px-4 py-6">
                {draft.description && <p className="whitespace-pre-line text-base">{draft.description}</p>}
                {view.prize && <p className="text-lg font-semibold">{view.prize}</p>}
                {kind === "CONTEST" && <p className="text-sm text-gray-700">{view.words.page.free}</p>}
                <RespondentForm
                  // A new form when the language or the set of questions changes: its own state starts afresh.
                  key={`${view.form.locale}:${questionsOf(view.form).map((q) => q.id).join(",")}`}
                  form={view.form}
                  strings={view.formStrings}
                  submitUrl={null}
                  rulesHref={null}
                  notice={<Notice title={view.noticeTitle} blocks={view.notice} firstLayer={view.firstLayer} />}
                />
              </main>
            </div>
          </PhoneFrame>
        </div>
      </section>
    </div>
  );
}
