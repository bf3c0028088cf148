import { describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { READER_OPTIONS } from '../../../renderer/src/features/checkin/decoder-protocol';
import { defaultTemplate } from '../../../electron/shared/cert-template-defaults';
import { ok, scope, tempDir } from '../../helpers/ctx';
import { LONG_NAME, psmEvent, scan } from './helpers';
import { crop, pngOf, rasterise, zbar, type Gray } from './raster';

// The QR of real certificates (issued through the app, signed with the event's key) across many
// names, rendered at 150 dpi by poppler, read by zbarimg and by zxing-cpp with the options of the
// kiosk's own scanner (the Verify tab reads certificates with it), and verified. @zxing/library
// is asserted on single certificates in pdf.test.ts; across many names it misses a few percent of
// symbols (its finder search takes a finder-like pattern in the data of a version 8-10 symbol for
// a corner, even on perfect images), so it is not asserted name by name here.

const require = createRequire(import.meta.url);
let ready: Promise<unknown> | null = null;
async function kioskDecoder(img: Gray): Promise<string | null> {
  ready ??= prepareZXingModule({
    overrides: { wasmBinary: fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')) as unknown as ArrayBuffer },
    fireImmediately: true,
  });
  await ready;
  const file = path.join(tempDir('hadir-pgm-'), 'p.pgm');
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`P5\n${img.width} ${img.height}\n255\n`), img.data]));
  const found = await readBarcodes(fs.readFileSync(file), READER_OPTIONS);
  return found.find((r) => r.isValid)?.text ?? null;
}

const NAMES = [
  LONG_NAME,
  "Ma'ruf Hasibuan",
  'A',
  'José Hernández Ñuñez, S.Pd.',
  'Nguyễn Thị Minh Khai',
  'Çağlar Öztürk-Müller',
  'Dr. Ir. Hj. Ṣāliḥah Nūr Abdullāh Al-Ḥaddād Kusumaningrum, M.Si.',
  // The longest a name gets in practice: every title spelled out (146 characters).
  'Prof. Dr. Ir. H. Muhammad Abdurrahman Wahid Kusumadiningrat Purbonegoro Hadiningrat Soerjosoemarno Poerbatjaraka, S.H., M.H., M.Kes., M.Si., Ph.D.',
];

describe('the certificate QR across names', () => {
  it('reads back exactly with zbarimg and the kiosk scanner at 150 dpi, in both orientations, and verifies', async () => {
    const { ctx, event } = await psmEvent();
    const ids: number[] = [];
    for (const name of NAMES) {
      const p = await ok(ctx, 'participants.create', { ...scope(ctx), name, role: 'Peserta', regency: 'Kota Metro' });
      scan(ctx, event, p.id, 1);
      scan(ctx, event, p.id, 2);
      ids.push(p.id);
    }
    for (const orientation of ['landscape', 'portrait'] as const) {
      const s = (await ok(ctx, 'certificates.settings', {})).settings;
      await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...s, template: defaultTemplate(orientation) });
      for (const [i, id] of ids.entries()) {
        const res = await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: id });
        const what = `${orientation}: ${NAMES[i]}`;
        let read: string[] = [];
        try {
          read = zbar(pngOf(res.file.bytes, 150));
        } catch {
          // zbarimg exits with status 4 when it finds no code: the assertion below says so.
        }
        expect(read, what).toEqual([res.claim]);
        // The kiosk decodes the square around the code it is shown, not a whole page.
        const q = defaultTemplate(orientation).fields.qr;
        const px = (mm: number) => (mm / 25.4) * 150;
        const around = crop(rasterise(res.file.bytes, 150), px(q.x - 10), px(q.y - 10), px(q.x + q.w + 10), px(q.y + q.h + 10));
        expect(await kioskDecoder(around), what).toBe(res.claim);
        const v = await ok(ctx, 'certificates.verify', { text: res.claim });
        expect(v, what).toMatchObject({ verdict: 'authentic', claim: { name: NAMES[i] } });
      }
    }
  });
});
