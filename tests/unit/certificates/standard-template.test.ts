// Issue 20, item 7: the certificate as the Ministry of Social Affairs' standard lists it. A4
// portrait; the identity block (Nama, NIP, Tempat/Tgl Lahir, Pangkat/Gol, Jabatan, Instansi, a
// row only when the person has it), the JP total and the result line; the fixture's 60-character
// name and a long jabatan fit inside the block; the QR still verifies. Real PDFs read back.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import type { HadirEvent } from '../../../electron/shared/event';
import type { Participant } from '../../../electron/shared/participant';
import { standardTemplate, turnTemplate } from '../../../electron/shared/cert-template-defaults';
import { ok, scope } from '../../helpers/ctx';
import { dispatch } from '../../../electron/core/dispatch';
import { requiredDays } from '../../../electron/shared/certificates';
import { execFileSync } from 'node:child_process';
import { LONG_NAME, psmEvent, scan } from './helpers';
import { pdfText, pngOf, rasterise, zbar, type Gray } from './raster';

const LONG_JABATAN = 'Kepala Seksi Pemberdayaan Sosial Perorangan, Keluarga dan Kelembagaan Masyarakat pada Bidang Pemberdayaan Sosial';

let ctx: Ctx;
let event: HadirEvent;
let longId: number;
let plainId: number;

const look = (name: string, pdf: Uint8Array) => {
  if (process.env.HADIR_LOOK) fs.writeFileSync(path.join(process.env.HADIR_LOOK, name), pdf);
};
const flat = (s: string) => s.replace(/\s+/g, ' ');

beforeAll(async () => {
  ({ ctx, event } = await psmEvent());
  const idOf = (n: string) => (ctx.db.prepare('SELECT id FROM participant WHERE name = ?').get(n) as { id: number }).id;
  longId = idOf(LONG_NAME);
  plainId = (ctx.db.prepare('SELECT id FROM participant WHERE name <> ? ORDER BY id LIMIT 1').get(LONG_NAME) as { id: number }).id;
  const p: Participant = await ok(ctx, 'participants.get', { id: longId });
  const { id: _i, code: _c, deleted: _d, daysPresent: _dp, presentAt: _pa, editedFields: _e, ...data } = p;
  await ok(ctx, 'participants.update', {
    ...scope(ctx),
    id: longId,
    data: {
      ...data,
      nip: '197508172000121001',
      birthPlace: 'Bandar Lampung',
      birthDate: '1975-08-17',
      rank: 'Penata Tingkat I (III/d)',
      position: LONG_JABATAN,
      institution: 'Dinas Sosial Kabupaten Lampung Selatan',
    },
  });
  for (const id of [longId, plainId]) for (const d of [1, 2]) scan(ctx, event, id, d);
  const view = await ok(ctx, 'certificates.settings', {});
  await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...view.settings, template: standardTemplate() });
}, 240_000);

describe('the standard certificate (A4 portrait, identity block)', () => {
  it('prints every identity row the person has, the JP total and the result line', async () => {
    const res = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: longId });
    look('sertifikat-standar.pdf', res.file.bytes);
    const text = flat(pdfText(res.file.bytes));
    expect(text).toContain(`Nama : ${LONG_NAME}`);
    expect(text).toContain('NIP : 197508172000121001');
    expect(text).toContain('Tempat/Tgl Lahir : Bandar Lampung, 17 Agustus 1975');
    expect(text).toContain('Pangkat/Gol : Penata Tingkat I (III/d)');
    // Long: wrapped under itself, whole.
    expect(text).toContain(`Jabatan : ${LONG_JABATAN}`);
    expect(text).toContain('Instansi : Dinas Sosial Kabupaten Lampung Selatan');
    // The seed's programme: 3 + 2 JP.
    expect(text).toContain('Jumlah jam pelajaran: 5 JP');
    expect(text).toContain('Hasil: Telah mengikuti dengan baik');
    // A4 portrait.
    const img = rasterise(res.file.bytes, 50);
    expect(img.height).toBeGreaterThan(img.width);
  });

  it('leaves out the rows a person has no value for', async () => {
    const res = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: plainId });
    const text = flat(pdfText(res.file.bytes));
    expect(text).toMatch(/Nama : \S/);
    for (const label of ['NIP :', 'Tempat/Tgl Lahir', 'Pangkat/Gol', 'Jabatan :']) expect(text).not.toContain(label);
    expect(text).toContain('Jumlah jam pelajaran: 5 JP');
  });

  // Portrait as applied, and turned to landscape in the editor (the block once stayed where the
  // portrait page had it, over the landscape body).
  for (const orientation of ['portrait', 'landscape'] as const) {
    it(`keeps the 60-character name and the long jabatan inside the block, clear of the body (${orientation})`, async () => {
      const t = { ...standardTemplate(), ...turnTemplate(standardTemplate(), orientation) };
      const view = await ok(ctx, 'certificates.settings', {});
      await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...view.settings, template: t });
      const res = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: longId });
      look(`sertifikat-standar-${orientation}.pdf`, res.file.bytes);
      const dpi = 100;
      const img = rasterise(res.file.bytes, dpi);
      expect(img.height > img.width).toBe(orientation === 'portrait');
      const px = (mm: number) => Math.round((mm / 25.4) * dpi);
      const ink = (g: Gray, x0: number, y0: number, x1: number, y1: number) => {
        let n = 0;
        for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (g.data[y * g.width + x]! < 128) n++;
        return n;
      };
      const b = t.identity!.box;
      const body = t.fields.body;
      // The block lies inside the page and overlaps no other field that is printed.
      const page = orientation === 'portrait' ? { w: 210, h: 297 } : { w: 297, h: 210 };
      expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= page.w && b.y + b.h <= page.h).toBe(true);
      for (const [id, f] of Object.entries(t.fields)) {
        if (!f.visible) continue;
        const apart = f.x >= b.x + b.w || f.x + f.w <= b.x || f.y >= b.y + b.h || f.y + f.h <= b.y;
        expect(apart, `${id} overlaps the identity block`).toBe(true);
      }
      // Dark ink in the block; none in the gap between the block and the body, nor right of the block.
      expect(ink(img, px(b.x), px(b.y), px(b.x + b.w), px(b.y + b.h))).toBeGreaterThan(500);
      expect(ink(img, px(b.x + b.w) + 1, px(b.y), px(b.x + b.w + 8), px(b.y + b.h))).toBe(0);
      expect(ink(img, px(body.x), px(b.y + b.h) + 1, px(body.x + body.w), px(body.y) - 1)).toBe(0);
      // Every row is there, and the QR still reads.
      const text = flat(pdfText(res.file.bytes));
      expect(text).toContain(`Jabatan : ${LONG_JABATAN}`);
      expect(text).toContain('Jumlah jam pelajaran: 5 JP');
      expect(zbar(pngOf(res.file.bytes, 150))).toEqual([res.claim]);
      // Back to the standard as applied, for the tests below.
      await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...view.settings, template: standardTemplate() });
    });
  }

  it('carries a QR that verifies as authentic', async () => {
    const res = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: longId });
    const read = zbar(pngOf(res.file.bytes, 150));
    expect(read).toEqual([res.claim]);
    expect(await ok(ctx, 'certificates.verify', { text: read[0]! })).toMatchObject({ verdict: 'authentic', claim: { name: LONG_NAME } });
  });
});

describe('attendance tiers', () => {
  it('asks for a share of the days, rounded up to whole days', () => {
    const pct = (percent: number) => ({ kind: 'min_percent' as const, percent });
    expect([5, 2, 3, 10, 1].map((n) => requiredDays(pct(80), n))).toEqual([4, 2, 3, 8, 1]);
    expect(requiredDays(pct(50), 2)).toBe(1);
    expect(requiredDays(pct(1), 3)).toBe(1);
  });

  it('below the rule: a surat keterangan when enabled (no number, no QR), refused otherwise, with the reason', async () => {
    const partial = (ctx.db.prepare('SELECT id FROM participant WHERE id NOT IN (?, ?) ORDER BY id LIMIT 1').get(longId, plainId) as { id: number }).id;
    scan(ctx, event, partial, 1);
    const statement = () => dispatch(ctx, 'certificates.statement', { participantId: partial });
    const off = await statement();
    expect(!off.ok && off.error.message).toMatch(/^surat keterangan belum diaktifkan .* \/ the statement of attendance is not enabled/);
    // The certificate is refused as today, with its reason.
    const cert = await dispatch(ctx, 'certificates.issue', { ...scope(ctx), participantId: partial });
    expect(!cert.ok && cert.error).toMatchObject({ code: 'not_eligible' });
    expect(!cert.ok && cert.error.message).toMatch(/present on 1 of 2 days, 2 required/);

    const view = await ok(ctx, 'certificates.settings', {});
    await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...view.settings, template: { ...view.settings.template, statement: true } });
    const on = await statement();
    expect(on.ok).toBe(true);
    const pdf = on.ok ? on.value.bytes : new Uint8Array();
    look('surat-keterangan.pdf', pdf);
    const text = flat(pdfText(pdf));
    expect(text).toContain('SURAT KETERANGAN');
    expect(text).toContain('Menerangkan bahwa:');
    expect(text).toContain('Hadir 1 dari 2 hari: 7 September 2022');
    expect(text).toContain('tanpa memenuhi syarat kehadiran');
    expect(text).not.toContain('Nomor');
    expect(text).not.toContain('Jumlah jam pelajaran');
    // No QR at all: zbarimg finds nothing (exit status 4).
    expect(() => execFileSync('zbarimg', ['-q', '--raw', pngOf(pdf, 150)], { stdio: 'ignore' })).toThrow();
    // Nothing entered the register: no number was taken.
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM certificate WHERE participant_id = ?').get(partial)).toEqual({ n: 0 });

    // Someone who qualifies gets the certificate, not the statement; and at 50 % the partial one qualifies.
    const eligible = await dispatch(ctx, 'certificates.statement', { participantId: longId });
    expect(!eligible.ok && eligible.error.message).toMatch(/memenuhi syarat: cetak sertifikatnya \/ .* qualifies: print the certificate/);
    const v2 = await ok(ctx, 'certificates.settings', {});
    await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...v2.settings, rule: { kind: 'min_percent', percent: 50 } });
    expect((await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: partial })).file.bytes.length).toBeGreaterThan(1000);
  });
});
