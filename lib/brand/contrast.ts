// WCAG 2.x contrast of the campaign's brand colour: which text reads on it, whether the
// marks drawn with it (selected answers, ticked boxes, focus rings) show on the white page,
// and what the builder warns about. Plain data in, plain data out.

const WHITE = "#ffffff";
/** The near-black the respondent pages use for text on light brand colours. */
const INK = "#111111";

/** WCAG AA: normal text needs 4.5:1. */
export const AA_TEXT = 4.5;
/** WCAG AA (1.4.11): boundaries of controls and focus indicators need 3:1 against what surrounds them. */
export const AA_NON_TEXT = 3;

const HEX = /^#([0-9a-f]{6})$/i;

/** True for a plain `#rrggbb` colour (the only form the builder stores). */
export function isHexColor(value: string): boolean {
  return HEX.test(value);
}

/** WCAG relative luminance (0 black … 1 white) of a `#rrggbb` colour; null for anything else. */
export function relativeLuminance(hex: string): number | null {
  const match = HEX.exec(hex);
  if (!match) return null;
  const channel = (i: number) => {
    const c = parseInt(match[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** Contrast ratio (1 … 21) between two `#rrggbb` colours; null if either is not one. */
export function contrastRatio(a: string, b: string): number | null {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  if (la === null || lb === null) return null;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** White or near-black text, whichever reads better on the colour (white for anything unreadable). */
export function textOn(hex: string): string {
  const white = contrastRatio(hex, WHITE);
  const ink = contrastRatio(hex, INK);
  if (white === null || ink === null) return WHITE;
  return white >= ink ? WHITE : INK;
}

/**
 * The colour for marks drawn on the white page (selected answer borders, ticked boxes, focus
 * rings): the brand colour when it shows (3:1 against white), else near-black, so a pale
 * brand colour never hides which answer is chosen or where the focus is.
 */
export function markColorOn(hex: string): string {
  const ratio = contrastRatio(hex, WHITE);
  return ratio !== null && ratio >= AA_NON_TEXT ? hex : INK;
}

export type BrandContrast = {
  /** Against the white page: selected answers, ticked boxes, focus rings */
  onWhite: number;
  /** The button's and header's text (white or near-black) on the colour */
  text: number;
  /** What falls short of WCAG AA: "marks" (under 3:1 on white), "text" (under 4.5:1) */
  problems: Array<"marks" | "text">;
};

/** How readable a brand colour is where the respondent form uses it; null if it is not a colour. */
export function brandContrast(hex: string): BrandContrast | null {
  const onWhite = contrastRatio(hex, WHITE);
  const text = contrastRatio(hex, textOn(hex));
  if (onWhite === null || text === null) return null;
  const problems: BrandContrast["problems"] = [];
  if (onWhite < AA_NON_TEXT) problems.push("marks");
  if (text < AA_TEXT) problems.push("text");
  return { onWhite, text, problems };
}
