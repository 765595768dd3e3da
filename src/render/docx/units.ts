/** Unit conversions between the model (mm, pt, characters) and WordprocessingML (twips, half-points, EMU). */

export const A4_TWIPS = { width: 11906, height: 16838 } as const;

/** 1 inch = 1440 twips = 25.4 mm. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export const TWIPS_PER_PT = 20;

export function ptToTwips(pt: number): number {
  return Math.round(pt * TWIPS_PER_PT);
}

/** Run sizes are in half-points. */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** The docx package takes image sizes in CSS pixels (96 dpi) and converts them to EMU itself. */
export function mmToPx(mm: number): number {
  return Math.round((mm * 96) / 25.4);
}

/** An indent of `chars` characters of a `sizePt` font, in twips (LibreOffice ignores the *Chars forms). */
export function charsToTwips(chars: number, sizePt: number): number {
  return Math.round(chars * sizePt * 20);
}
