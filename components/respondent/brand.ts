import type { CSSProperties } from "react";
import { markColorOn, textOn } from "@/lib/brand/contrast";

export { textOn };

/**
 * The campaign's colour as CSS custom properties, set once on the form's root: the header,
 * the button, selected answers, ticked boxes and focus rings read them (app/globals.css).
 * --brand-mark is the colour for marks on the white page, near-black when the brand is too pale.
 */
export function brandStyle(color: string): CSSProperties {
  return { "--brand": color, "--brand-text": textOn(color), "--brand-mark": markColorOn(color) } as CSSProperties;
}
