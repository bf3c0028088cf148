import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Ctx } from '../../../electron/core/context';
import { appendScan, type Verdict } from '../../../electron/db/repositories/scans';
import { insertKey } from '../../../electron/db/repositories/certificates';
import { kidOf, rawPublicKey } from '../../../electron/core/certificates/keys';
import type { HadirEvent } from '../../../electron/shared/event';
import { ok, PSM_EVENT, SHARED, tempCtx, scope } from '../../helpers/ctx';

export const PSM_CSV = fs.readFileSync(path.join(SHARED, 'fixtures/peserta-psm-2022.csv'));
export const LONG_NAME = 'Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos.';
export const PATTERN = '{seq:03}/PSM/DINSOS/{month:roman}/{year}';

/** The PSM event with the 66 fixture participants, the seed's rank and programme. */
export async function psmEvent(ctx: Ctx = tempCtx()): Promise<{ ctx: Ctx; event: HadirEvent; ids: Map<string, number> }> {
  const event = await ok(ctx, 'event.create', {
    ...PSM_EVENT,
    signatoryNip: '196501011990031012',
    signatoryRank: 'Pembina Utama Muda (IV/c)',
    programme: [
      { material: 'Peningkatan Kapasitas Pelaksana SLRT', jp: 3, speaker: 'Kementerian Sosial RI' },
      { material: 'Motivasi terhadap SDM', jp: 2, speaker: 'Motivator' },
    ],
  });
  await importPsm(ctx);
  pinKey(ctx, event.id);
  const ids = new Map(
    (ctx.db.prepare('SELECT name, id FROM participant').all() as { name: string; id: number }[]).map((r) => [r.name, r.id]),
  );
  const view = await ok(ctx, 'certificates.settings', {});
  await ok(ctx, 'certificates.saveSettings', { ...scope(ctx), ...view.settings, pattern: PATTERN });
  return { ctx, event: (await ok(ctx, 'event.get', {}))!, ids };
}

/**
 * The event's signing key from a fixed seed, so every certificate's QR is the same on every run.
 * Why: @zxing/library (one of the two independent readers the tests decode with) misses about 2%
 * of version 8-10 QR codes whatever their content, taking a data pattern for a finder pattern;
 * with a random key each run draws new codes, and the tests would fail now and then for the
 * reader's sake. zbarimg and zxing-cpp (the kiosk's own scanner) read them all
 * (qr-names.test.ts). The app itself makes a random key per event (core/certificates/key.ts).
 */
export function pinKey(ctx: Ctx, eventId: number, seed = 'hadir-test-key'): void {
  const der = Buffer.concat([
    Buffer.from('302e020100300506032b657004220420', 'hex'),
    crypto.createHash('sha256').update(seed).digest(),
  ]);
  const publicKey = rawPublicKey(crypto.createPublicKey(crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })));
  insertKey(ctx.db, eventId, { kid: kidOf(publicKey), publicKey, privateKey: der }, new Date(0).toISOString());
}

/** One row of the scan log, written through the repository as the check-in desk does. */
export function scan(ctx: Ctx, event: HadirEvent, participantId: number, dayNo: number, verdict: Verdict = 'ok'): void {
  const day = event.days.find((d) => d.dayNo === dayNo)!;
  appendScan(ctx.db, {
    uuid: crypto.randomUUID(),
    eventId: event.id,
    station: 'desk-1',
    participantId,
    eventDayId: day.id,
    scannedAt: `${day.date}T01:0${dayNo}:00.000Z`,
    verdict,
    rawCode: 'X',
    // The log requires a reason for an undo (migration 0040).
    reason: verdict === 'undo' ? 'salah pindai' : null,
  });
}

export const pdfOf = (bytes: Uint8Array) => Buffer.from(bytes);

/** Imports the fixture (again) with the mapping the import screen guesses for it. */
export async function importPsm(ctx: Ctx, csv: Buffer = PSM_CSV) {
  const preview = await ok(ctx, 'participants.importPreview', { fileName: 'peserta.csv', bytes: new Uint8Array(csv) });
  return ok(ctx, 'participants.importCommit', {
    ...scope(ctx),
    fileName: 'peserta.csv',
    bytes: new Uint8Array(csv),
    mapping: preview.mapping,
    skipInvalid: false,
  });
}
