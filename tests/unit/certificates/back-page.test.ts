import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import { renderBase } from '../../../electron/core/certificates/render-input';
import { loadSettings } from '../../../electron/core/certificates/settings';
import { renderCertificates } from '../../../electron/core/certificates/render/render';
import { defaultTemplate } from '../../../electron/shared/cert-template-defaults';
import type { HadirEvent } from '../../../electron/shared/event';
import { tempDir } from '../../helpers/ctx';
import { psmEvent } from './helpers';

// The programme on the back must stay on the page, inside the frame and clear of the corner
// ornaments, however long it is (the event form allows 40 materials): words are read back with
// their positions by poppler (pdftotext -bbox).

const MM = 72 / 25.4;

interface Word {
  page: number;
  text: string;
  yMax: number;
  pageH: number;
}

function words(pdf: Uint8Array): Word[] {
  const file = path.join(tempDir('hadir-bbox-'), 'in.pdf');
  fs.writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out: Word[] = [];
  html.split('<page ').slice(1).forEach((p, i) => {
    const pageH = Number(/height="([\d.]+)"/.exec(p)![1]);
    for (const m of p.matchAll(/<word [^>]*yMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g))
      out.push({ page: i + 1, text: m[2]!, yMax: Number(m[1]), pageH });
  });
  return out;
}

let ctx: Ctx;
let event: HadirEvent;
beforeAll(async () => {
  ({ ctx, event } = await psmEvent());
});

async function certificate(orientation: 'landscape' | 'portrait', materials: number) {
  const template = { ...defaultTemplate(orientation), backPage: true };
  const base = renderBase(ctx, event, { ...loadSettings(ctx.db, event.id), template });
  base.event.programme = Array.from({ length: materials }, (_, i) => ({
    material:
      i % 3 ? `Materi ${i + 1}: penguatan jejaring PSM dan kebijakan pemberdayaan di tingkat kabupaten/kota` : `Materi ${i + 1}`,
    jp: 2,
    speaker: i % 2 ? 'Kementerian Sosial RI' : 'Dinas Sosial Provinsi Lampung',
  }));
  const cert = { number: '001/PSM/DINSOS/IX/2022', role: 'Peserta', regency: null, qr: 'HS1|X', name: 'Abdul Rozak' };
  return renderCertificates({ ...base, certificates: [cert] });
}

describe('the programme on the back', () => {
  for (const orientation of ['landscape', 'portrait'] as const) {
    it(`stays above the bottom ornaments with 5, 15 and 40 materials, the total last (${orientation})`, async () => {
      for (const n of [5, 15, 40]) {
        const all = words(await certificate(orientation, n));
        const back = all.filter((w) => w.page > 1);
        // Top-left origin: a word's lowest point (yMax) above the 28 mm the ornaments reach.
        for (const w of back) expect(w.yMax, `${n} materials, page ${w.page}: "${w.text}"`).toBeLessThan(w.pageH - 28 * MM);
        const text = back.map((w) => w.text).join(' ');
        for (let i = 1; i <= n; i++) expect(text, `${n} materials`).toContain(`Materi ${i}`);
        expect(text).toContain(`Jumlah ${2 * n}`);
        // The total and the JP note end the last back page; every back page names the certificate.
        const last = Math.max(...back.map((w) => w.page));
        expect(back.filter((w) => w.text === 'Jumlah').map((w) => w.page)).toEqual([last]);
        for (let p = 2; p <= last; p++) expect(back.filter((w) => w.page === p).map((w) => w.text).join(' ')).toContain('001/PSM/DINSOS/IX/2022');
        if (n === 5) expect(last, 'five materials fit on one back page').toBe(2);
      }
    });
  }
});

describe('the back page with a custom background (issue 16, defect 14)', () => {
  it("follows the front's design: the organiser's background (and its panel) on the back, not the built-in frame", async () => {
    const jpg = execFileSync('convert', ['-size', '594x420', 'xc:#c03080', '-quality', '95', 'jpg:-']);
    const cert = { number: '001/PSM/DINSOS/IX/2022', role: 'Peserta', regency: null, qr: 'HS1|X', name: 'Abdul Rozak' };
    const dir = tempDir('hadir-back-bg-');
    // The colour of the page 4 mm in from the top-left corner, on the front (1) and the back (2).
    const corner = (pdf: Uint8Array, page: number) => {
      const file = path.join(dir, `c-${Date.now()}-${page}.pdf`);
      fs.writeFileSync(file, pdf);
      const ppm = execFileSync('pdftoppm', ['-r', '30', '-f', String(page), '-l', String(page), file]);
      const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
      const w = Number(m[1]);
      const px = Math.round((4 / 25.4) * 30);
      const at = m[0].length + (px * w + px) * 3;
      return [...ppm.subarray(at, at + 3)];
    };
    for (const panel of [false, true]) {
      const template = { ...defaultTemplate('landscape'), backPage: true, background: 'custom' as const, panel };
      const base = renderBase(ctx, event, { ...loadSettings(ctx.db, event.id), template });
      const pdf = await renderCertificates({
        ...base,
        template: { ...base.template, background: 'custom' }, // renderBase turns it off while no asset is stored
        background: { mime: 'image/jpeg', bytes: new Uint8Array(jpg) },
        certificates: [cert],
      });
      const back = corner(pdf, 2);
      expect(corner(pdf, 1), `front, panel ${panel}`).toEqual(back);
      // #c03080 as poppler draws it, give or take rounding.
      expect(Math.abs(back[0]! - 0xc0) + Math.abs(back[1]! - 0x30) + Math.abs(back[2]! - 0x80), `back, panel ${panel}`).toBeLessThan(12);
      fs.writeFileSync(path.join(dir, `panel-${panel}.pdf`), pdf);
    }
    // The programme is still on the back, readable.
    expect(words(fs.readFileSync(path.join(dir, 'panel-true.pdf'))).some((w) => w.page === 2 && w.text === 'Narasumber')).toBe(true);
  });
});
