"use client";
import { useFieldArray } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Textarea, describedBy } from "@/components/ui/field";
import { useBuilderForm } from "./campaign-builder";

/** Consent purposes: one unticked box each on the form, with its own wording (versioned once published). */
export function PurposesEditor({ versions }: { versions: Record<string, number> }) {
  const t = useTranslations("builder");
  const { control, register, err, formState } = useBuilderForm();
  // keyName: field ids of their own, so each purpose keeps its database id under "id".
  const purposes = useFieldArray({ control, name: "purposes", keyName: "key" });
  return (
    <Card>
      <h2 className="mb-1 text-lg font-semibold">{t("sections.purposes")}</h2>
      <p className="mb-4 text-sm text-muted">{t("hints.purposes")}</p>
      {err("purposes") && (
        <p role="alert" className="mb-3 text-sm text-red-700">
          {err("purposes")}
        </p>
      )}
      <ol className="space-y-4">
        {purposes.fields.map((p, k) => (
          <li key={p.key} className="rounded-md border border-line bg-surface p-4" data-testid="purpose">
            <Field id={`purposes.${k}.wording`} label={t("fields.wording", { n: k + 1 })} hint={t("hints.wording")} error={err(`purposes.${k}.wording`)} required>
              <Textarea
                id={`purposes.${k}.wording`}
                rows={2}
                {...describedBy(`purposes.${k}.wording`, true, formState.errors.purposes?.[k]?.wording)}
                {...register(`purposes.${k}.wording`)}
              />
            </Field>
            <p className="mt-1 text-xs text-muted">
              {t("hints.basis")}
              {p.id && versions[p.id] ? ` · ${t("version", { n: versions[p.id] })}` : ""}
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-4">
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" className="size-4" {...register(`purposes.${k}.isRecontact`)} />
                {t("fields.isRecontact")}
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" className="size-4" {...register(`purposes.${k}.isProfiling`)} />
                {t("fields.isProfiling")}
              </label>
              <Button variant="ghost" className="text-red-700" onClick={() => window.confirm(t("confirmRemovePurpose")) && purposes.remove(k)}>
                {t("removePurpose")}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      {purposes.fields.length === 0 && <p className="text-sm text-muted">{t("noPurposes")}</p>}
      <Button variant="secondary" className="mt-4" onClick={() => purposes.append({ wording: "", isRecontact: false, isProfiling: false })}>
        {t("addPurpose")}
      </Button>
    </Card>
  );
}
