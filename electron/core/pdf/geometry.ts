/** Layout maths in millimetres, origin at the top-left of the page (PDF's is bottom-left, in points). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const PT_PER_MM = 72 / 25.4;
export const mm = (pt: number) => pt / PT_PER_MM;
export const pt = (millimetres: number) => millimetres * PT_PER_MM;

/** a lies wholly inside b (a tolerance of 1 µm absorbs floating-point dust). */
export function inside(a: Rect, b: Rect, eps = 1e-3): boolean {
  return a.x >= b.x - eps && a.y >= b.y - eps && a.x + a.w <= b.x + b.w + eps && a.y + a.h <= b.y + b.h + eps;
}

export function overlaps(a: Rect, b: Rect, eps = 1e-3): boolean {
  return a.x < b.x + b.w - eps && b.x < a.x + a.w - eps && a.y < b.y + b.h - eps && b.y < a.y + a.h - eps;
}

export const grow = (r: Rect, d: number): Rect => ({ x: r.x - d, y: r.y - d, w: r.w + 2 * d, h: r.h + 2 * d });
