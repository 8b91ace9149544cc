"use client";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Field, Input, Textarea, describedBy } from "@/components/ui/field";
import { errorAtPath } from "./use-builder-error";
import { useBuilderForm } from "./campaign-builder";

/** What the respondent reads after an entry: the marketer's message, an optional redirect, a lead magnet's delivery text. */
export function ThanksEditor({ kind }: { kind: string }) {
  const t = useTranslations("builder");
  const { register, err, formState } = useBuilderForm();
  const invalid = (name: string) => errorAtPath(formState.errors, name);
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">{t("sections.thanks")}</h2>
      <p className="mb-4 text-sm text-muted">{t("hints.thanks")}</p>
      <div className="grid gap-4">
        <Field id="thanksMessage" label={t("fields.thanksMessage")} hint={t("hints.thanksMessage")} error={err("thanksMessage")}>
          <Textarea id="thanksMessage" rows={3} {...describedBy("thanksMessage", true, invalid("thanksMessage"))} {...register("thanksMessage")} />
        </Field>
        <Field id="thanksRedirectUrl" label={t("fields.thanksRedirectUrl")} hint={t("hints.thanksRedirectUrl")} error={err("thanksRedirectUrl")}>
          <Input
            id="thanksRedirectUrl"
            type="url"
            inputMode="url"
            placeholder="https://"
            {...describedBy("thanksRedirectUrl", true, invalid("thanksRedirectUrl"))}
            {...register("thanksRedirectUrl")}
          />
        </Field>
        {kind === "LEAD_MAGNET" && (
          <Field id="rewardDeliveryText" label={t("fields.rewardDeliveryText")} hint={t("hints.rewardDeliveryText")} error={err("rewardDeliveryText")}>
            <Textarea id="rewardDeliveryText" rows={3} {...describedBy("rewardDeliveryText", true, invalid("rewardDeliveryText"))} {...register("rewardDeliveryText")} />
          </Field>
        )}
      </div>
    </Card>
  );
}
