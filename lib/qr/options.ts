import { z } from "zod";
import { contrastRatio } from "@/lib/brand/contrast";

const colour = z.string().regex(/^#?[0-9a-fA-F]{6}$/).transform((v) => (v.startsWith("#") ? v : `#${v}`).toLowerCase());

/** Query parameters of the QR image routes: size in pixels, error-correction level, colours. */
export const qrOptionsSchema = z.object({
  size: z.coerce.number().int().min(128).max(2048).default(512),
  ecl: z.enum(["L", "M", "Q", "H"]).default("M"),
  dark: colour.default("#000000"),
  light: colour.default("#ffffff"),
});
export type QrOptions = z.output<typeof qrOptionsSchema>;

/** The public URL a printed QR code points to, tagged so its visits are counted as "qr". */
export function qrTargetUrl(baseUrl: string, slug: string): string {
  const params = new URLSearchParams({ utm_source: "qr", utm_medium: "print", utm_campaign: slug });
  return `${baseUrl}/f/${encodeURIComponent(slug)}?${params}`;
}

/** Relative luminance contrast of the two colours: below ~3 many phone cameras fail to read the code. */
export function qrContrast(dark: string, light: string): number {
  return contrastRatio(dark, light) ?? 1;
}
