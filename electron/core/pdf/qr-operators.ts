import { qrMatrix } from '../qr/qr-matrix';

/**
 * A QR code as raw PDF operators: one `re` per run of dark modules along a row, one fill for
 * all. pdf-lib's drawSvgPath parsed SVG for every code and took most of the time of a batch;
 * this is plain string building. The white square behind (with the 4-module quiet zone a
 * reader needs) is drawn first, so the code reads on a photographic background too.
 * `x`, `y` are the bottom-left corner in points; `size` is the side including the quiet zone.
 */
export function qrOperators(text: string, x: number, y: number, size: number): string {
  const { size: n, data } = qrMatrix(text);
  const quiet = 4;
  const m = size / (n + 2 * quiet);
  const f = (v: number) => (Math.round(v * 1000) / 1000).toString();
  // White square, then a transform to module units (origin at the top-left module, y up), so
  // each rectangle is a few small integers: "12 -7 3 1.05 re".
  const out: string[] = [
    'q 1 g',
    `${f(x)} ${f(y)} ${f(size)} ${f(size)} re f`,
    `${f(m)} 0 0 ${f(m)} ${f(x + quiet * m)} ${f(y + size - quiet * m)} cm 0 g`,
  ];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n;) {
      if (!data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col]) col++;
      // 1.05 modules high: the overlap closes the hairline seams some viewers draw between rows.
      out.push(`${start} ${-row - 1} ${col - start} 1.05 re`);
    }
  }
  out.push('f Q');
  return out.join('\n');
}

/** A dark rectangle in module units from the symbol's top-left (row runs merged down columns). */
export interface ModuleRun {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A QR's dark modules as raw PDF operators, filled once in black: one transform to module units
 * (origin at the symbol's top-left, y down), then one small-integer `re` per run. A badge page
 * holds eight or ten codes; pdf-lib's operator objects for them were most of a sheet's time.
 * `x`, `top` are the symbol's top-left corner in points, `module` the module side in points.
 */
export function moduleRunOperators(runs: readonly ModuleRun[], x: number, top: number, module: number): string {
  const f = (v: number) => (Math.round(v * 1000) / 1000).toString();
  let out = `q 0 0 0 rg ${f(module)} 0 0 ${f(-module)} ${f(x)} ${f(top)} cm\n`;
  for (const r of runs) out += `${r.x} ${r.y} ${r.w} ${r.h} re\n`;
  return out + 'f Q';
}
