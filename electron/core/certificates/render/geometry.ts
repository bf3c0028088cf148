import type { FieldBox } from '../../../shared/certificates';
import { PT_PER_MM } from '../../pdf/geometry';

// One millimetre-to-point constant for every PDF (core/pdf/geometry.ts).
export { PT_PER_MM };
export const A4 = { w: 210, h: 297 };

/** Page size in mm for an orientation. */
export const pageMm = (orientation: 'landscape' | 'portrait') =>
  orientation === 'landscape' ? { w: A4.h, h: A4.w } : { w: A4.w, h: A4.h };

/** A field box in PDF points, origin bottom-left (PDF's), from mm with origin top-left (the editor's). */
export interface PtBox {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Top edge, in points from the bottom. */
  top: number;
}
export function ptBox(b: Pick<FieldBox, 'x' | 'y' | 'w' | 'h'>, pageHeightMm: number): PtBox {
  const x = b.x * PT_PER_MM;
  const w = b.w * PT_PER_MM;
  const h = b.h * PT_PER_MM;
  const top = (pageHeightMm - b.y) * PT_PER_MM;
  return { x, y: top - h, w, h, top };
}
