import { z } from "zod";

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
  const lum = (hex: string) => {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  };
  const [a, b] = [lum(dark), lum(light)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
