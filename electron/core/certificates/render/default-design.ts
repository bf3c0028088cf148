import { rgb, type PDFPage } from '@cantoo/pdf-lib';
import { GOLD, NAVY } from './draw-text';
import { PT_PER_MM } from './geometry';

/**
 * The built-in design: a navy frame with a fine gold inner rule, corner ornaments and a faint
 * guilloche rosette behind the text, the way printed government certificates look. Mostly
 * white, because it is printed on an office printer. Drawn once per batch, into the template.
 */
export function drawDefaultDesign(page: PDFPage, opts: { rosette: boolean } = { rosette: true }): void {
  const { width: W, height: H } = page.getSize();
  const mm = PT_PER_MM;
  const outer = 8 * mm;
  const inner = 11.5 * mm;

  if (opts.rosette) {
    page.drawSvgPath(rosettePath(Math.min(W, H) * 0.36), {
      x: W / 2,
      y: H / 2,
      borderColor: rgb(0.86, 0.8, 0.64),
      borderWidth: 0.35,
      borderOpacity: 0.55,
    });
  }

  page.drawRectangle({ x: outer, y: outer, width: W - 2 * outer, height: H - 2 * outer, borderColor: NAVY, borderWidth: 3.2 });
  page.drawRectangle({
    x: outer + 2.2 * mm,
    y: outer + 2.2 * mm,
    width: W - 2 * (outer + 2.2 * mm),
    height: H - 2 * (outer + 2.2 * mm),
    borderColor: NAVY,
    borderWidth: 0.6,
  });
  page.drawRectangle({ x: inner, y: inner, width: W - 2 * inner, height: H - 2 * inner, borderColor: GOLD, borderWidth: 1.1 });

  // Corner ornaments: a gold square turned 45° with an L-shaped bracket around it.
  const corners: [number, number, number, number][] = [
    [inner, inner, 1, 1],
    [W - inner, inner, -1, 1],
    [inner, H - inner, 1, -1],
    [W - inner, H - inner, -1, -1],
  ];
  for (const [cx, cy, sx, sy] of corners) {
    const d = 5 * mm;
    const arm = 16 * mm;
    page.drawLine({
      start: { x: cx + sx * d, y: cy + sy * d },
      end: { x: cx + sx * arm, y: cy + sy * d },
      thickness: 0.9,
      color: GOLD,
    });
    page.drawLine({
      start: { x: cx + sx * d, y: cy + sy * d },
      end: { x: cx + sx * d, y: cy + sy * arm },
      thickness: 0.9,
      color: GOLD,
    });
    const r = 2.2 * mm;
    page.drawSvgPath(`M 0 ${-r} L ${r} 0 L 0 ${r} L ${-r} 0 Z`, { x: cx + sx * d, y: cy + sy * d, color: GOLD });
  }
}

/** A gold rule with a small diamond in the middle, under the name. */
export function drawDivider(page: PDFPage, cx: number, y: number, width: number): void {
  const r = 1.1 * PT_PER_MM;
  page.drawLine({ start: { x: cx - width / 2, y }, end: { x: cx - r * 1.8, y }, thickness: 0.8, color: GOLD });
  page.drawLine({ start: { x: cx + r * 1.8, y }, end: { x: cx + width / 2, y }, thickness: 0.8, color: GOLD });
  page.drawSvgPath(`M 0 ${-r} L ${r} 0 L 0 ${r} L ${-r} 0 Z`, { x: cx, y, color: GOLD });
}

/**
 * Guilloche: a few hypotrochoids overlaid, as on banknotes and old certificates. drawSvgPath
 * flips y; the curve is symmetric, so it does not matter.
 */
function rosettePath(radius: number): string {
  const parts: string[] = [];
  const curves = [
    { R: 1, r: 0.2375, d: 0.62, turns: 19 },
    { R: 1, r: 0.2875, d: 0.5, turns: 23 },
  ];
  for (const c of curves) {
    const steps = 1400;
    const k = (c.R - c.r) / c.r;
    const scale = radius / (c.R - c.r + c.d);
    let path = '';
    for (let i = 0; i <= steps; i++) {
      const t = (i / steps) * 2 * Math.PI * c.turns;
      const x = ((c.R - c.r) * Math.cos(t) + c.d * Math.cos(k * t)) * scale;
      const y = ((c.R - c.r) * Math.sin(t) - c.d * Math.sin(k * t)) * scale;
      path += `${i ? 'L' : 'M'} ${x.toFixed(2)} ${y.toFixed(2)} `;
    }
    parts.push(path);
  }
  return parts.join(' ');
}
