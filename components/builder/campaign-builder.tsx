"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { FormProvider, useForm, useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { campaignDefinitionSchema, type CampaignDefinitionInput } from "@/lib/campaigns/definition";
import { saveCampaignAction } from "@/lib/campaigns/actions";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, Input, Select, Textarea, describedBy } from "@/components/ui/field";
import { QuestionsEditor } from "./questions-editor";
import { PurposesEditor } from "./purposes-editor";
import { useBuilderError, errorAtPath } from "./use-builder-error";
import { LocalTimeHint } from "./local-time-hint";
import { ThanksEditor } from "./thanks-editor";
import { useLocalDraft } from "./use-local-draft";
import { useUnsavedGuard } from "./use-unsaved-guard";
import { useShareDraft } from "./builder-draft";
import { useClearOfBar } from "./use-clear-of-bar";
import { DraftNotice } from "./draft-notice";
import { BrandContrastWarning } from "./brand-contrast-warning";
import { LivePreview, type LivePreviewProps } from "./live-preview";

type Props = {
  campaignId: string;
  kind: string;
  initial: CampaignDefinitionInput;
  /** Questions that already hold answers cannot be removed (the server refuses it too) */
  locked: boolean;
  /** Current wording version of each purpose */
  purposeVersions: Record<string, number>;
  /** What the live preview beside the editor needs besides the draft */
  preview: Omit<LivePreviewProps, "campaignId" | "kind">;
};

const TIME_ZONES = ["Europe/Paris", "Europe/Brussels", "Europe/Zurich", "Europe/London", "America/Montreal", "Indian/Reunion", "America/Martinique", "Pacific/Noumea"];

/** The whole campaign definition in one form; saved as one action validated by the same schema. */
export function CampaignBuilder({ campaignId, kind, initial, locked, purposeVersions, preview }: Props) {
  const t = useTranslations("builder");
  const te = useBuilderError();
  const router = useRouter();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string }>();
  // Checked when saving, then again as fields change: never on blur, where a field just added and not typed in yet
  // would be called missing, and the message's appearing or vanishing shifts the page under a click (issue 15).
  const methods = useForm<CampaignDefinitionInput>({
    resolver: zodResolver(campaignDefinitionSchema) as never,
    defaultValues: initial,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { register, handleSubmit, setError, formState, control } = methods;
  const { errors, isSubmitting, isDirty } = formState;
  const err = (path: string) => te(errorAtPath(errors, path));
  const timeZone = useWatch({ control, name: "timeZone" });
  const minimumAge = useWatch({ control, name: "minimumAge" });
  const [opensAt, closesAt] = useWatch({ control, name: ["opensAt", "closesAt"] });
  const draft = useLocalDraft(campaignId, methods, initial);
  useUnsavedGuard(isDirty, t("draft.leave"));
  const formRef = useRef<HTMLFormElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  useClearOfBar(formRef, barRef);
  const brandColor = useWatch({ control, name: "brandColor" });

  async function onSubmit(values: CampaignDefinitionInput): Promise<boolean> {
    setStatus(undefined);
    const result = await saveCampaignAction({ campaignId, definition: values });
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field.replace(/^definition\./, "") as never, { message });
      setStatus({ tone: "error", text: te(result.error) ?? result.error });
      return false;
    }
    methods.reset(result.data);
    draft.saved(result.data);
    setStatus({ tone: "success", text: t("saved") });
    router.refresh();
    return true;
  }
  const onInvalid = () => setStatus({ tone: "error", text: t("fixErrors") });
  useShareDraft(methods, isDirty, () => new Promise<boolean>((resolve) => void handleSubmit(async (v) => resolve(await onSubmit(v)), () => (onInvalid(), resolve(false)))()));

  const text = (name: keyof CampaignDefinitionInput, opts: { type?: string; hint?: string; required?: boolean } = {}) => (
    <Field id={name} label={t(`fields.${name}`)} hint={opts.hint} error={err(name)} required={opts.required}>
      <Input id={name} type={opts.type ?? "text"} {...describedBy(name, opts.hint, errorAtPath(errors, name))} {...register(name)} />
    </Field>
  );

  return (
    <FormProvider {...methods}>
      {/* The preview is a form of its own: beside the builder's form, never inside it. */}
      <div className="space-y-6 lg:grid lg:grid-cols-[minmax(0,1fr)_380px] lg:items-start lg:gap-6 lg:space-y-0">
      <form ref={formRef} onSubmit={handleSubmit(onSubmit, onInvalid)} noValidate className="space-y-6" data-testid="builder-form">
        {draft.restoredAt !== undefined && <DraftNotice at={draft.restoredAt} onDiscard={draft.discard} />}
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("sections.settings")}</h2>
          <div className="grid gap-4 md:grid-cols-2">
            {text("title", { required: true })}
            {text("slug", { required: true, hint: t("hints.slug") })}
            <div className="md:col-span-2">
              <Field id="description" label={t("fields.description")} error={err("description")}>
                <Textarea id="description" rows={3} {...register("description")} />
              </Field>
            </div>
            <Field id="locale" label={t("fields.locale")}>
              <Select id="locale" {...register("locale")}>
                <option value="fr">Français</option>
                <option value="en">English</option>
              </Select>
            </Field>
            <Field id="brandColor" label={t("fields.brandColor")} error={err("brandColor")}>
              <Input id="brandColor" type="color" className="h-11 p-1" {...register("brandColor")} />
              <BrandContrastWarning color={brandColor} />
            </Field>
            <Field id="opensAt" label={t("fields.opensAt")} hint={t("hints.timeZone", { zone: timeZone })} error={err("opensAt")} required>
              <Input id="opensAt" type="datetime-local" {...describedBy("opensAt", true, errorAtPath(errors, "opensAt"))} {...register("opensAt")} />
              <LocalTimeHint value={opensAt} timeZone={timeZone} />
            </Field>
            <Field id="closesAt" label={t("fields.closesAt")} hint={t("hints.timeZone", { zone: timeZone })} error={err("closesAt")} required>
              <Input id="closesAt" type="datetime-local" {...describedBy("closesAt", true, errorAtPath(errors, "closesAt"))} {...register("closesAt")} />
              <LocalTimeHint value={closesAt} timeZone={timeZone} />
            </Field>
            <Field id="timeZone" label={t("fields.timeZone")} error={err("timeZone")}>
              <Select id="timeZone" {...register("timeZone")}>
                {TIME_ZONES.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </Select>
            </Field>
            {text("retentionMonths", { type: "number", hint: t("hints.retention"), required: true })}
            {text("unconfirmedPurgeDays", { type: "number", hint: t("hints.unconfirmedPurge"), required: true })}
            <div className="md:col-span-2">
              <Field id="recipients" label={t("fields.recipients")} hint={t("hints.recipients")} error={err("recipients")}>
                <Textarea id="recipients" rows={2} {...describedBy("recipients", true)} {...register("recipients")} />
              </Field>
            </div>
            <div className="md:col-span-2">
              <Field id="partners" label={t("fields.partners")} hint={t("hints.partners")} error={err("partners")}>
                <Textarea id="partners" rows={2} {...describedBy("partners", true)} {...register("partners")} />
              </Field>
            </div>
          </div>
        </Card>

        {kind === "CONTEST" && (
          <Card>
            <h2 className="mb-4 text-lg font-semibold">{t("sections.contest")}</h2>
            <div className="grid gap-4 md:grid-cols-2">
              <div className="md:col-span-2">{text("prize", { required: true })}</div>
              {text("winnersCount", { type: "number", required: true })}
              {text("alternatesCount", { type: "number", hint: t("hints.alternates") })}
              <div className="md:col-span-2">
                <Field id="rulesText" label={t("fields.rulesText")} hint={t("hints.rules")} error={err("rulesText")}>
                  <Textarea id="rulesText" rows={6} {...describedBy("rulesText", true)} {...register("rulesText")} />
                </Field>
              </div>
              <div className="md:col-span-2">{text("rulesDepositedWith", { hint: t("hints.deposited") })}</div>
            </div>
          </Card>
        )}

        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("sections.age")}</h2>
          <div className="grid gap-4 md:grid-cols-3">
            <Field id="minimumAge" label={t("fields.minimumAge")} error={err("minimumAge")}>
              <Select id="minimumAge" {...register("minimumAge")}>
                <option value="">{t("age.none")}</option>
                {[13, 15, 16, 18].map((a) => (
                  <option key={a} value={String(a)}>
                    {t("age.years", { age: a })}
                  </option>
                ))}
              </Select>
            </Field>
            {minimumAge !== "" && minimumAge != null && (
              <Field id="ageCheck" label={t("fields.ageCheck")} hint={t("hints.ageCheck")}>
                <Select id="ageCheck" {...describedBy("ageCheck", true)} {...register("ageCheck")}>
                  <option value="BIRTHDATE">{t("age.birthdate")}</option>
                  <option value="DECLARATION">{t("age.declaration")}</option>
                </Select>
              </Field>
            )}
            <Field id="minorPolicy" label={t("fields.minorPolicy")} hint={t("hints.minorPolicy")}>
              <Select id="minorPolicy" {...describedBy("minorPolicy", true)} {...register("minorPolicy")}>
                <option value="REFUSE">{t("age.refuse")}</option>
                <option value="PARENTAL_CONSENT">{t("age.parental")}</option>
              </Select>
            </Field>
          </div>
          <label className="mt-4 flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5 size-4" {...register("requireConfirmation")} />
            <span>{t("fields.requireConfirmation")}</span>
          </label>
        </Card>

        {kind === "LEAD_MAGNET" && (
          <Card>
            <h2 className="mb-4 text-lg font-semibold">{t("sections.reward")}</h2>
            {text("rewardUrl", { type: "url", hint: t("hints.reward") })}
          </Card>
        )}

        <QuestionsEditor locked={locked} />
        <PurposesEditor versions={purposeVersions} />
        <ThanksEditor kind={kind} />

        <div ref={barRef} className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-4 border-t border-line bg-white/95 px-4 py-3">
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t("saving") : t("save")}
          </Button>
          {isDirty && status?.tone !== "error" && <span className="text-sm text-muted">{t("unsaved")}</span>}
          {status && (status.tone === "error" || !isDirty) && <Alert tone={status.tone}>{status.text}</Alert>}
        </div>
      </form>
      <aside className="lg:sticky lg:top-4 lg:col-start-2 lg:row-start-1">
        <LivePreview campaignId={campaignId} kind={kind} {...preview} />
      </aside>
      </div>
    </FormProvider>
  );
}

/** Shared by the editors: the builder's form context with its error text helper. */
export function useBuilderForm() {
  const form = useFormContext<CampaignDefinitionInput>();
  const te = useBuilderError();
  return { ...form, err: (path: string) => te(errorAtPath(form.formState.errors, path)) };
}

export { useFieldArray };
