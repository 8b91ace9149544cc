"use client";
import { useMemo, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { ExportMapping } from "@/lib/export/columns";
import { FIXED_COLUMNS } from "@/lib/export/columns";
import type { Preset } from "@/lib/export/presets";
import { applyCrmPreset, CRM_PRESETS, type CrmPreset } from "@/lib/export/crm-presets";
import { FILE_FORMATS, type FileFormat } from "@/lib/export/formats";
import { saveExportMappingAction } from "@/lib/export/actions";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { useMessageText } from "@/components/ui/use-message-text";

type ExportFormProps = {
  campaignId: string;
  presets: { preset: Preset; available: boolean }[];
  defaultPreset: Preset;
  purposes: { id: string; wording: string; isRecontact: boolean }[];
  /** Segment codes with their names in the page's language */
  segments: { segment: string; label: string; count: number }[];
  mapping: ExportMapping;
  questionLabels: Record<string, string>;
};

/**
 * The export form: what (preset, purpose, segment), how (separator, columns
 * chosen, ordered and renamed for the CRM). Downloading remembers the columns
 * for the campaign first, then fetches the streamed file.
 */
export function ExportForm(props: ExportFormProps) {
  const t = useTranslations("export");
  const text = useMessageText();
  const [preset, setPreset] = useState<Preset>(props.defaultPreset);
  const recontact = props.purposes.find((p) => p.isRecontact) ?? props.purposes[0];
  const [purposeId, setPurposeId] = useState(recontact?.id ?? "");
  const [segment, setSegment] = useState(props.segments[0]?.segment ?? "");
  const [mapping, setMapping] = useState<ExportMapping>(props.mapping);
  const [format, setFormat] = useState<FileFormat>("csv");
  const [crm, setCrm] = useState<CrmPreset | "none">("none");
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  const purposeWording = (id: string) => {
    const wording = props.purposes.find((p) => p.id === id)?.wording ?? id;
    return wording.length > 60 ? `${wording.slice(0, 60)}…` : wording;
  };
  const columnName = (key: string) =>
    (FIXED_COLUMNS as readonly string[]).includes(key)
      ? t(`columnNames.${key}` as "columnNames.email")
      : key.startsWith("p:")
        ? t("purposeColumnName", { purpose: purposeWording(key.slice(2)) })
        : t("questionColumn", { label: props.questionLabels[key.slice(2)] ?? key });

  const url = useMemo(() => {
    // A CRM import reads codes as text; a spreadsheet needs them written so it keeps leading zeros.
    const params = new URLSearchParams({ preset, separator: mapping.separator, format, target: crm === "none" ? "spreadsheet" : "crm" });
    if (preset !== "winners" && purposeId) params.set("purposeId", purposeId);
    if (preset === "segment" && segment) params.set("segment", segment);
    return `/api/campaigns/${props.campaignId}/export?${params}`;
  }, [preset, purposeId, segment, mapping.separator, format, crm, props.campaignId]);

  function update(index: number, change: Partial<ExportMapping["columns"][number]>) {
    setMapping((m) => ({ ...m, columns: m.columns.map((c, i) => (i === index ? { ...c, ...change } : c)) }));
  }
  function move(index: number, by: -1 | 1) {
    setMapping((m) => {
      const columns = m.columns.slice();
      const target = index + by;
      if (target < 0 || target >= columns.length) return m;
      [columns[index], columns[target]] = [columns[target]!, columns[index]!];
      return { ...m, columns };
    });
  }

  async function save(): Promise<boolean> {
    const result = await saveExportMappingAction({ campaignId: props.campaignId, mapping });
    if (!result.ok) {
      setMessage({ ok: false, text: text(result.error) ?? "" });
      return false;
    }
    return true;
  }

  const presetAvailable = props.presets.find((p) => p.preset === preset)?.available ?? false;
  const canDownload = presetAvailable && (preset === "winners" || !!purposeId) && (preset !== "segment" || !!segment);

  return (
    <div className="space-y-6">
      <Card>
        <fieldset className="space-y-3">
          <legend className="font-semibold">{t("preset")}</legend>
          {props.presets.map(({ preset: p, available }) => (
            <label key={p} className="flex items-start gap-3 text-sm">
              <input type="radio" name="preset" value={p} checked={preset === p} disabled={!available} onChange={() => setPreset(p)} className="mt-1 size-4" />
              <span>
                <span className="font-medium">{t(`presets.${p}`)}</span>
                <span className="block text-muted">
                  {t(`presetHelp.${p}`)} {!available && t("needsDraw")}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          {preset !== "winners" && (
            <Field id="export-purpose" label={t("purpose")}>
              <Select id="export-purpose" value={purposeId} onChange={(e) => setPurposeId(e.target.value)}>
                {props.purposes.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.wording.length > 90 ? `${p.wording.slice(0, 90)}…` : p.wording}
                    {p.isRecontact ? ` (${t("recontactTag")})` : ""}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {preset === "segment" && (
            <Field id="export-segment" label={t("segment")} hint={props.segments.length === 0 ? t("noSegment") : undefined}>
              <Select id="export-segment" value={segment} onChange={(e) => setSegment(e.target.value)}>
                {props.segments.map((s) => (
                  <option key={s.segment} value={s.segment}>
                    {t("segmentCount", { segment: s.label, count: s.count })}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        <fieldset className="mt-4 space-y-2">
          <legend className="text-sm font-medium">{t("format")}</legend>
          {FILE_FORMATS.map((f) => (
            <label key={f} className="mr-6 inline-flex items-center gap-2 text-sm">
              <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} className="size-4" />
              {t(`formats.${f}`)}
            </label>
          ))}
        </fieldset>
        <div className="mt-4 max-w-sm">
          <Field id="export-crm" label={t("crmPreset")} hint={t("crmPresetHelp")}>
            <Select
              id="export-crm"
              value={crm}
              onChange={(e) => {
                const next = e.target.value as CrmPreset | "none";
                setCrm(next);
                if (next !== "none") setMapping((m) => applyCrmPreset(m, next));
              }}
            >
              {(["none", ...CRM_PRESETS] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`crmPresets.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <fieldset className="mt-4 space-y-2">
          <legend className="text-sm font-medium">{t("separator")}</legend>
          {([";", ","] as const).map((s) => (
            <label key={s} className="mr-6 inline-flex items-center gap-2 text-sm">
              <input type="radio" name="separator" value={s} checked={mapping.separator === s} onChange={() => setMapping((m) => ({ ...m, separator: s }))} className="size-4" />
              {t(`separators.${s}`)}
            </label>
          ))}
        </fieldset>
      </Card>

      <Card>
        <h2 className="font-semibold">{t("columns")}</h2>
        <p className="mt-1 mb-3 text-sm text-muted">{t("columnsHelp")}</p>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-muted">
                <th className="px-2 py-1 font-medium">{t("include")}</th>
                <th className="px-2 py-1 font-medium">{t("column")}</th>
                <th className="px-2 py-1 font-medium">{t("header")}</th>
                <th className="px-2 py-1" />
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {mapping.columns.map((column, i) => (
                <tr key={column.key}>
                  <td className="px-2 py-1">
                    <input type="checkbox" className="size-4" checked={column.include} onChange={(e) => update(i, { include: e.target.checked })} aria-label={`${t("include")} ${columnName(column.key)}`} />
                  </td>
                  <td className="px-2 py-1">{columnName(column.key)}</td>
                  <td className="px-2 py-1">
                    <Input value={column.header} maxLength={120} onChange={(e) => update(i, { header: e.target.value })} aria-label={`${t("header")} : ${columnName(column.key)}`} className="py-1" />
                  </td>
                  <td className="whitespace-nowrap px-2 py-1">
                    <Button variant="ghost" className="min-h-8 px-2" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t("moveUp", { column: columnName(column.key) })}>
                      ↑
                    </Button>
                    <Button variant="ghost" className="min-h-8 px-2" onClick={() => move(i, 1)} disabled={i === mapping.columns.length - 1} aria-label={t("moveDown", { column: columnName(column.key) })}>
                      ↓
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="mt-4">
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                if (await save()) setMessage({ ok: true, text: t("mappingSaved") });
              })
            }
          >
            {t("saveMapping")}
          </Button>
        </div>
      </Card>

      <div className="space-y-2">
        <Button
          disabled={!canDownload || pending}
          onClick={() =>
            startTransition(async () => {
              setMessage(undefined);
              if (await save()) window.location.assign(url);
            })
          }
        >
          {t(format === "xlsx" ? "downloadXlsx" : "download")}
        </Button>
        <p className="text-sm text-muted">{t("downloadHelp")}</p>
      </div>
      {message && <Alert tone={message.ok ? "success" : "error"}>{message.text}</Alert>}
    </div>
  );
}
