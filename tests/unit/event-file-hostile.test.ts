// Issue 18, defects 3 and 10: a hostile event file is refused in one worded line, writing
// nothing, and while it is read the other desks' check-ins are answered.
import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { ok, tempCtx } from '../helpers/ctx';

type Doc = {
  format: string;
  version: number;
  schema: number;
  event: Record<string, unknown>;
  tables: Record<string, Record<string, unknown>[]>;
};
let source: Ctx;
let target: Ctx;
let doc: Doc;
let eventId: number;
let codes: string[];

beforeAll(async () => {
  source = tempCtx();
  const event = await ok(source, 'event.createDemo', {});
  eventId = event.id;
  const people = (await ok(source, 'participants.list', { limit: 1000 })).rows;
  codes = people.map((p) => p.code);
  const at = { eventId: event.id, desk: 'Meja 1' };
  for (const i of [1, 2]) for (const day of [1, 2]) await ok(source, 'checkin.scan', { ...at, text: people[i]!.code, day });
  for (const i of [1, 2]) await ok(source, 'certificates.issue', { ...at, participantId: people[i]!.id });
  await ok(source, 'badges.reissue', { ...at, id: people[5]!.id });
  await ok(source, 'event.setLogo', { ...at, bytes: fs.readFileSync(new URL('../fixtures/logo.png', import.meta.url)) } as never);
  doc = JSON.parse(zlib.gunzipSync((await ok(source, 'event.exportFile', {})).bytes).toString());
  target = tempCtx();
}, 120_000);

afterAll(() => {
  source.db.close();
  target.db.close();
});

const b64 = (b: Uint8Array | string) => ({ $b64: Buffer.from(b).toString('base64') });
const clone = (): Doc => structuredClone(doc);
const gz = (d: unknown) => zlib.gzipSync(typeof d === 'string' ? d : JSON.stringify(d));

/** What each mutation does to an exported file, and which parameter its refusal carries. */
const CORPUS: [string, (d: Doc) => void, string][] = [
  ['day 0000-00-00', (d) => void (d.tables.event_day![0]!.date = '0000-00-00'), 'invalidValue'],
  ['a logo that is not a PNG', (d) => void (d.event.logo = b64('GIF89a not really a logo at all')), 'invalidValue'],
  ['a badge code in lower case', (d) => void (d.tables.participant![0]!.code = 'abcd2345'), 'invalidValue'],
  ['a badge code with punctuation', (d) => void (d.tables.participant![0]!.code = 'AB-D2345'), 'invalidValue'],
  ['a scan time that is not a time', (d) => void (d.tables.scan![0]!.scanned_at = 'not a time'), 'invalidValue'],
  ['a garbage private key', (d) => void (d.tables.cert_key![0]!.private_key = b64(crypto.randomBytes(48))), 'keyPair'],
  [
    'a public key that does not match the private key',
    (d) => {
      const other = crypto.generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;
      d.tables.cert_key![0]!.public_key = b64(Buffer.from(other, 'base64url'));
    },
    'keyPair',
  ],
  ['a 100,000-character event name', (d) => void (d.event.name = 'A'.repeat(100_000)), 'invalidValue'],
  ['a 50,000-character regency', (d) => void (d.tables.participant![3]!.regency = 'Kota '.repeat(10_000)), 'invalidValue'],
  ['NUL in a name', (d) => void (d.tables.participant![4]!.name = 'Dewi\u0000Sartika'), 'invalidValue'],
  ['BEL in a name', (d) => void (d.tables.participant![4]!.name = 'Dewi\u0007Sartika'), 'invalidValue'],
  ['an invalid time zone', (d) => void (d.event.time_zone = 'Mars/Olympus_Mons'), 'invalidValue'],
  ['an unknown column', (d) => void (d.tables.participant![0]!.hacked = 'x'), 'unknownColumn'],
  ['an unknown table', (d) => void (d.tables.sqlite_master = []), 'unknownTable'],
  ['a duplicate badge code', (d) => void (d.tables.participant![1]!.code = d.tables.participant![0]!.code), 'duplicate'],
  ['a duplicate scan uuid', (d) => void (d.tables.scan![1]!.uuid = d.tables.scan![0]!.uuid), 'duplicate'],
  [
    'a duplicate certificate number',
    (d) => void (d.tables.certificate![1]!.number = d.tables.certificate![0]!.number),
    'duplicate',
  ],
  [
    'a replaced code that is also live',
    (d) => void (d.tables.participant![0]!.code = d.tables.badge_replaced![0]!.code),
    'duplicate',
  ],
  ['a participant id that is not a number', (d) => void (d.tables.participant![0]!.id = 'one'), 'invalidValue'],
  [
    'forty event days',
    (d) =>
      void (d.tables.event_day = Array.from({ length: 40 }, (_, i) => ({
        ...d.tables.event_day![0]!,
        id: i + 1,
        day_no: i + 1,
      }))),
    'tooManyRows',
  ],
];

async function refused(bytes: Uint8Array) {
  const res = await dispatch(target, 'event.importFile', { bytes, mode: 'new' });
  expect(res.ok).toBe(false);
  if (res.ok) throw new Error('accepted');
  return res.error;
}

describe('hostile event files', () => {
  it('the untouched file is accepted (the corpus changes one thing each)', async () => {
    const fresh = tempCtx();
    expect((await dispatch(fresh, 'event.importFile', { bytes: gz(doc), mode: 'new' })).ok).toBe(true);
    fresh.db.close();
  });

  for (const [what, mutate, param] of CORPUS) {
    it(`refuses ${what} in one worded line`, async () => {
      const d = clone();
      mutate(d);
      const error = await refused(gz(d));
      expect(error.code).toBe('event_file_invalid');
      expect(error.params).toHaveProperty(param);
      expect(error.message.split('\n')).toHaveLength(1);
      expect(error.message.length).toBeLessThan(300);
      expect(await ok(target, 'event.list', {})).toEqual([]);
    });
  }

  it('refuses a 100 MB bomb while inflating, and a file of two million tiny rows before parsing it', async () => {
    const bomb = zlib.gzipSync(
      `{"format":"hadir-event","version":1,"schema":60,"event":{},"tables":{},"pad":"${' '.repeat(100 * 1024 * 1024)}"}`,
      { level: 9 },
    );
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect((await refused(bomb)).params).toHaveProperty('unpackedMax', 64);
    const rows = gz(
      `{"format":"hadir-event","version":1,"schema":60,"event":{},"tables":{"audit":[${'{},'.repeat(2_100_000)}{}]}}`,
    );
    expect((await refused(rows)).params).toHaveProperty('rowsMax');
    expect(await ok(target, 'event.list', {})).toEqual([]);
  }, 120_000);

  it("answers another desk's check-ins while a large hostile file is read", async () => {
    // 60,000 well-formed participants and one duplicate code at the very end: the whole file
    // is inflated, parsed and checked row by row before the refusal.
    const d = clone();
    const base = d.tables.participant![0]!;
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const code = (i: number) => Array.from({ length: 8 }, (_, k) => alphabet[Math.floor(i / 32 ** k) % 32]).join('');
    d.tables.participant = Array.from({ length: 60_000 }, (_, i) => ({ ...base, id: i + 1, code: code(i + 1_000_000) }));
    d.tables.participant.push({ ...base, id: 60_001, code: code(1_000_000) });
    for (const t of ['scan', 'badge_replaced', 'certificate', 'certificate_print', 'cert_override']) d.tables[t] = [];
    const bytes = gz(d);

    let done = false;
    let answered = 0;
    let failed = 0;
    const desk = (async () => {
      let i = 0;
      while (!done) {
        const res = await dispatch(source, 'checkin.scan', { eventId, desk: 'Meja 2', text: codes[10 + (i++ % 40)]!, day: 1 });
        if (res.ok) answered++;
        else failed++;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const res = await dispatch(source, 'event.importFile', { bytes, mode: 'new' });
    done = true;
    await desk;
    expect(res).toMatchObject({ ok: false, error: { code: 'event_file_invalid', params: { duplicate: expect.any(String) } } });
    expect(failed).toBe(0);
    // Read on this thread, the parse would have held every check-in until it ended.
    expect(answered).toBeGreaterThan(5);
  }, 180_000);
});
