import { z } from "zod";
import { CSV_TARGETS, FILE_FORMATS, type FileFormat } from "./formats";

/**
 * What an export is for. Every preset but "winners" is marketing and requires
 * the current consent to one purpose; "winners" is for delivering prizes
 * (the contest rules are its legal basis) and states it in consent_purpose.
 */
export const PRESETS = ["qualified-losers", "purpose", "segment", "winners"] as const;
export type Preset = (typeof PRESETS)[number];

export const exportRequestSchema = z
  .object({
    preset: z.enum(PRESETS),
    /** The purpose consented to (qualified losers default to the campaign's recontact purpose) */
    purposeId: z.string().min(1).max(64).optional(),
    segment: z.string().min(1).max(60).optional(),
    separator: z.enum([";", ","]).optional(),
    format: z.enum(FILE_FORMATS).default("csv"),
    /** Who opens a CSV: a spreadsheet (codes written so Excel keeps leading zeros) or a CRM import (plain values) */
    target: z.enum(CSV_TARGETS).default("spreadsheet"),
  })
  .refine((v) => v.preset !== "segment" || !!v.segment, { path: ["segment"], error: "errors.required" })
  .refine((v) => v.preset !== "purpose" || !!v.purposeId, { path: ["purposeId"], error: "errors.required" });
export type ExportRequest = z.input<typeof exportRequestSchema>;

/** The default preset: qualified losers once a contest has been drawn, else everyone consenting to a purpose. */
export function defaultPreset(campaign: { kind: string }, hasDraw: boolean): Preset {
  return campaign.kind === "CONTEST" && hasDraw ? "qualified-losers" : "purpose";
}

/** `<slug>-<preset>-<YYYY-MM-DD>.csv` (or .xlsx), the date in the campaign's time zone. */
export function exportFileName(slug: string, preset: Preset | "analysis", now: Date, timeZone = "Europe/Paris", format: FileFormat = "csv"): string {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  const safeSlug = slug.replace(/[^a-z0-9-]/gi, "").toLowerCase() || "export";
  return `${safeSlug}-${preset}-${date}.${format}`;
}
