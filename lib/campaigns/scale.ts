// A scale question's range: one of a few presets, stored as validation.min/max. Pure and
// tiny: the builder, the respondent's form and its schema read the same presets.

export const SCALE_PRESETS = {
  "1-5": { min: 1, max: 5 },
  "0-10": { min: 0, max: 10 },
  "1-10": { min: 1, max: 10 },
} as const;
export type ScalePreset = keyof typeof SCALE_PRESETS;

/** The preset of a min/max pair, or null when it is none of them. */
export function scalePresetOf(min: number | null | undefined, max: number | null | undefined): ScalePreset | null {
  for (const [key, range] of Object.entries(SCALE_PRESETS) as Array<[ScalePreset, { min: number; max: number }]>) if (range.min === min && range.max === max) return key;
  return null;
}

/** A scale question's range: its preset, 1 to 10 when it has none (older questions). */
export function scaleRange(validation: { min?: number | null; max?: number | null }): { min: number; max: number } {
  const preset = scalePresetOf(validation.min ?? null, validation.max ?? null);
  return preset ? SCALE_PRESETS[preset] : SCALE_PRESETS["1-10"];
}

/** 0 to 10 is the Net Promoter Score's scale. */
export function isNpsRange(range: { min: number; max: number }): boolean {
  return range.min === 0 && range.max === 10;
}
