import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import { renderBase } from '../../../electron/core/certificates/render-input';
import { loadSettings } from '../../../electron/core/certificates/settings';
import { renderCertificates } from '../../../electron/core/certificates/render/render';
import { defaultTemplate } from '../../../electron/shared/cert-template-defaults';
import type { HadirEvent } from '../../../electron/shared/event';
import { LONG_NAME, psmEvent } from './helpers';
import { diffBox, rasterise, type Gray } from './raster';

// The default design draws a gold rule with a diamond under the name's box; a two-line name fills
// its box, so the second line's descenders ("g", "y", the comma of ", S.Sos.") come closest.
// Measured on poppler's rendering: the lowest ink of the name against the highest ink of the rule.

const DPI = 150;
const px = (mm: number) => (mm / 25.4) * DPI;

let ctx: Ctx;
let event: HadirEvent;
beforeAll(async () => {
  ({ ctx, event } = await psmEvent());
});

/** The topmost row, within `rows`, of solid (not guilloche-faint) ink in the columns [x0, x1). */
function topInk(img: Gray, x0: number, x1: number, rows: [number, number]): number {
  for (let y = Math.round(rows[0]); y < rows[1]; y++)
    for (let x = Math.round(x0); x < x1; x++) if (img.data[y * img.width + x]! < 170) return y;
  return Infinity;
}

/** The last row of the run of solid-ink rows starting at `from`. */
function inkRunEnd(img: Gray, x0: number, x1: number, from: number): number {
  const solid = (y: number) => {
    for (let x = Math.round(x0); x < x1; x++) if (img.data[y * img.width + x]! < 170) return true;
    return false;
  };
  let y = from;
  while (solid(y + 1)) y++;
  return y;
}

async function render(orientation: 'landscape' | 'portrait', name: string, regency: string | null = null): Promise<Gray> {
  const template = defaultTemplate(orientation);
  const base = renderBase(ctx, event, { ...loadSettings(ctx.db, event.id), template });
  const cert = { number: '001/PSM/DINSOS/IX/2022', role: 'Peserta', regency, qr: 'HS1|X', name };
  return rasterise(await renderCertificates({ ...base, certificates: [cert] }), DPI);
}

describe('the name and the gold rule under it', () => {
  // Two-line names whose second line carries descenders across its middle, where the diamond is.
  const names = [
    LONG_NAME,
    'Ni Gusti Ayu Putu Yuliyanti Puspitaningrum, S.Psi., M.Psi.',
    'Raden Roro Gayatri Pujiningsih Yogyaningrum Jayaningtyas, S.Pd.',
    // Two lines in landscape too.
    'Prof. Dr. Ir. Raden Roro Gayatri Pujiningsih Yogyaningrum Jayaningtyas Puspitasari, S.Pd., M.Pd.',
  ];
  for (const orientation of ['landscape', 'portrait'] as const) {
    it(`keeps at least half a millimetre clear of the name and of the regency (${orientation})`, async () => {
      const f = defaultTemplate(orientation).fields.name;
      const without = await render(orientation, '');
      const bottom = px(f.y + f.h);
      // The rule's ink below the name's box: where nothing of the name is drawn.
      const ruleTop = topInk(without, px(f.x), px(f.x + f.w), [bottom - px(4), bottom + px(4)]);
      expect(ruleTop).toBeLessThan(Infinity);
      for (const name of names) {
        const ink = diffBox(await render(orientation, name), without);
        expect(ink, name).not.toBeNull();
        expect(ruleTop - ink!.y1, `${name}: gap in px at ${DPI} dpi`).toBeGreaterThanOrEqual(px(0.5));
      }
      // And the regency's capitals below stay clear of the diamond's lower tip.
      const ruleBottom = inkRunEnd(without, px(f.x), px(f.x + f.w), ruleTop);
      const regency = diffBox(await render(orientation, '', 'Kabupaten Lampung Tengah'), without);
      expect(regency!.y0 - ruleBottom, 'regency gap in px').toBeGreaterThanOrEqual(px(0.5));
    });
  }
});
