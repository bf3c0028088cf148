import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch } from '../../electron/core/dispatch';
import { deskEventId, readEventId } from '../../electron/core/event/desk-event';
import { listAudit } from '../../electron/db/repositories/audit';
import { contract } from '../../electron/shared/contract';
import { deskScope } from '../../electron/shared/desk';
import { HadirError } from '../../electron/shared/errors';
import { jobStartInput } from '../../electron/shared/jobs';
import { OP_NAMES, type OpName } from '../../electron/shared/op-names';
import { bin, ok, PSM_EVENT, tempCtx } from '../helpers/ctx';

const caught = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof HadirError ? e.toJSON() : e;
  }
  throw new Error('did not throw');
};

const person = (name: string) => ({ name, role: 'Peserta' });
const csv = (...names: string[]) => bin(['Nama,Peran', ...names.map((n) => `${n},Peserta`)].join('\n'));

/**
 * Operations that record nothing into an event: reads, and kiosk-wide changes. Every other
 * operation must name its event and desk. A new operation lands here only if it truly records
 * nothing into an event; otherwise it takes `deskScope` (shared/desk.ts).
 */
const NOT_DESK_SCOPED = new Set<string>([
  // The kiosk's switch to other desks (issue 19): the laptop's listener, not an event's record.
  'hub.status',
  'hub.open',
  'hub.close',
  'hub.newKey',
  'hub.revoke',
  'app.info',
  'settings.get',
  'settings.set',
  'print.testPage',
  'system.doctor',
  'certificates.settings',
  'certificates.list',
  'certificates.preview',
  'certificates.verify',
  // Exports the event's public key (its audit row names the event): a read, like participants.export.
  'certificates.publicKey',
  'event.get',
  'event.list',
  'event.logo',
  'event.create',
  'event.createDemo',
  'event.activate',
  'event.archive',
  'participants.list',
  'participants.facets',
  'participants.undrawable',
  'participants.get',
  'participants.importPreview',
  'participants.export',
  'backup.status',
  'backup.run',
  'backup.setDir',
  'backup.inspect',
  'backup.restore',
  // The paperwork's reads: rates and the lists made from them (the setters are desk-scoped).
  'payments.settings',
  'reports.receipts',
  'reports.jp',
  // The speakers' daftar hadir per session (issue 20 item 4): a read of the programme.
  'reports.speakers',
  // Reads a programme file into rows for the form; the organiser saves them with event.update.
  'payments.programmeFile',
  // The surat keterangan: a document with no number, no QR and no register row (nothing recorded).
  'certificates.statement',
  // A job's own input carries the scope when the job records (checked below).
  'jobs.start',
  'jobs.status',
  'jobs.cancel',
  'jobs.result',
  'checkin.stats',
  'checkin.attendance',
  'checkin.search',
  // A desk's snapshot of replaced badge codes (issue 19): a read.
  'checkin.replacedCodes',
  'event.exportFile',
  // Adds an event, or merges a file into the event it names: kiosk-wide, like event.create.
  'event.importFile',
  'reports.recap',
  'reports.recapExport',
  'reports.timeline',
  'reports.daftarHadir',
  // Issue 19: reads of the scan log (the JSON and the committee's PDF).
  'reports.reconciliation',
  'reports.reconciliationPdf',
  'badges.render',
  'badges.testSheet',
  'badges.offsets',
  // The printer's offset: the kiosk's, whichever event is printed.
  'badges.setOffset',
]);

function shapeOf(op: OpName): Record<string, z.ZodType> {
  let s: z.ZodType = contract[op].input;
  if (s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  if (!(s instanceof z.ZodObject)) throw new Error(`${op}: input is not an object`);
  return s.shape as Record<string, z.ZodType>;
}

describe('desk scope', () => {
  it('names an event and a desk, trimmed, and refuses an empty or overlong desk name', () => {
    expect(deskScope.parse({ eventId: 3, desk: '  Meja 2 ' })).toEqual({ eventId: 3, desk: 'Meja 2' });
    expect(deskScope.safeParse({ eventId: 3, desk: '   ' }).success).toBe(false);
    expect(deskScope.safeParse({ eventId: 3, desk: 'x'.repeat(41) }).success).toBe(false);
    expect(deskScope.safeParse({ eventId: 0, desk: 'Meja 1' }).success).toBe(false);
    expect(deskScope.safeParse({ desk: 'Meja 1' }).success).toBe(false);
  });

  it('is required by every operation that records into an event', () => {
    const scoped = OP_NAMES.filter((op) => !NOT_DESK_SCOPED.has(op));
    expect(scoped).toEqual(expect.arrayContaining(['participants.create', 'participants.importCommit', 'event.update']));
    for (const op of scoped) {
      const shape = shapeOf(op);
      expect(shape.eventId?.safeParse(undefined).success, `${op}: eventId required`).toBe(false);
      expect(shape.desk?.safeParse(undefined).success, `${op}: desk required`).toBe(false);
    }
  });

  it('is required by a job that records (the import job)', () => {
    const input = { fileName: 'x.csv', bytes: new Uint8Array([1]), mapping: ['name'], skipInvalid: false };
    expect(jobStartInput.safeParse({ job: 'participants.import', input }).success).toBe(false);
    const scoped = { ...input, eventId: 1, desk: 'Meja 1' };
    expect(jobStartInput.safeParse({ job: 'participants.import', input: scoped }).success).toBe(true);
  });

  it('lets a desk record into an event that exists, and refuses one that does not, saying which', async () => {
    const ctx = tempCtx();
    const e = await ok(ctx, 'event.create', PSM_EVENT);
    expect(deskEventId(ctx, { eventId: e.id, desk: 'Meja 1' })).toBe(e.id);
    expect(caught(() => deskEventId(ctx, { eventId: e.id + 1, desk: 'Meja 1' }))).toMatchObject({
      code: 'desk_event',
      params: { missing: e.id + 1 },
    });
  });

  it("reads the desk's event when named, else the kiosk's default", async () => {
    const ctx = tempCtx();
    expect(caught(() => readEventId(ctx, undefined))).toMatchObject({ code: 'no_event' });
    const a = await ok(ctx, 'event.create', PSM_EVENT);
    const b = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Acara kedua' });
    expect(readEventId(ctx, undefined)).toBe(b.id);
    expect(readEventId(ctx, a.id)).toBe(a.id);
    expect(caught(() => readEventId(ctx, b.id + 5))).toMatchObject({ code: 'desk_event' });
  });
});

describe('two desks on two events', () => {
  it('record into their own event whatever the kiosk default is, and the audit names the desk', async () => {
    const ctx = tempCtx();
    const a = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Pelatihan A' });
    const b = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Pelatihan B' });
    const deskA = { eventId: a.id, desk: 'Meja 1' };
    const deskB = { eventId: b.id, desk: 'Meja 2' };

    await ok(ctx, 'participants.create', { ...deskA, ...person('Rina Marlina') });
    await ok(ctx, 'participants.importCommit', {
      ...deskB,
      fileName: 'b.csv',
      bytes: csv('Joko', 'Budi'),
      mapping: ['name', 'role'],
      skipInvalid: false,
    });
    // Another desk (or the CLI) moves the kiosk default: desk A keeps recording into A.
    await ok(ctx, 'event.activate', { id: b.id });
    await ok(ctx, 'participants.create', { ...deskA, ...person('Dewi Lestari') });

    const names = async (eventId: number) => (await ok(ctx, 'participants.list', { eventId })).rows.map((r) => r.name).sort();
    expect(await names(a.id)).toEqual(['Dewi Lestari', 'Rina Marlina']);
    expect(await names(b.id)).toEqual(['Budi', 'Joko']);
    expect((await ok(ctx, 'event.get', { eventId: a.id }))!.participantCount).toBe(2);

    const audit = listAudit(ctx.db).filter((r) => r.action.startsWith('participants.'));
    expect(audit.map((r) => [r.action, r.desk, r.eventId])).toEqual([
      ['participants.create', 'Meja 1', a.id],
      ['participants.import', 'Meja 2', b.id],
      ['participants.create', 'Meja 1', a.id],
    ]);
  });

  it("refuses a record into another event's participant (the id must belong to the desk's event)", async () => {
    const ctx = tempCtx();
    const a = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Pelatihan A' });
    const b = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Pelatihan B' });
    const p = await ok(ctx, 'participants.create', { eventId: a.id, desk: 'Meja 1', ...person('Rina') });
    const res = await dispatch(ctx, 'participants.delete', { eventId: b.id, desk: 'Meja 2', id: p.id });
    expect(!res.ok && res.error.code).toBe('not_found');
    expect((await ok(ctx, 'participants.get', { eventId: a.id, id: p.id })).deleted).toBe(false);
  });

  it('refuses to record into an archived event, in every recording operation, and still reads it', async () => {
    const ctx = tempCtx();
    const old = await ok(ctx, 'event.create', { ...PSM_EVENT, name: 'Pelatihan Lama' });
    const scope = { eventId: old.id, desk: 'Meja 1' };
    const p = await ok(ctx, 'participants.create', { ...scope, ...person('Rina') });
    expect((await ok(ctx, 'event.archive', { id: old.id, archived: true })).archived).toBe(true);

    const attempts = await Promise.all([
      dispatch(ctx, 'participants.create', { ...scope, ...person('Joko') }),
      dispatch(ctx, 'participants.update', { ...scope, id: p.id, data: person('Rina M') }),
      dispatch(ctx, 'participants.delete', { ...scope, id: p.id }),
      dispatch(ctx, 'participants.importCommit', {
        ...scope,
        fileName: 'x.csv',
        bytes: csv('Budi'),
        mapping: ['name', 'role'],
        skipInvalid: false,
      }),
      dispatch(ctx, 'roles.add', { ...scope, name: 'Tamu' }),
      dispatch(ctx, 'badges.reissue', { ...scope, id: p.id }),
      dispatch(ctx, 'event.update', { ...scope, ...PSM_EVENT }),
      dispatch(ctx, 'event.setLogo', { ...scope, bytes: null }),
      dispatch(ctx, 'certificates.issue', { ...scope, participantId: p.id }),
      dispatch(ctx, 'certificates.override', { ...scope, participantId: p.id, reason: 'hadir penuh' }),
      dispatch(ctx, 'checkin.scan', { ...scope, text: p.code, day: 1 }),
    ]);
    for (const r of attempts) {
      expect(r).toMatchObject({ ok: false, error: { code: 'desk_event', params: { archived: 'Pelatihan Lama' } } });
    }
    expect((await ok(ctx, 'participants.list', { eventId: old.id })).rows.map((r) => r.name)).toEqual(['Rina']);
    expect((await ok(ctx, 'event.list', {}))[0]).toMatchObject({ id: old.id, archived: true });

    await ok(ctx, 'event.archive', { id: old.id, archived: false });
    await ok(ctx, 'participants.create', { ...scope, ...person('Joko') });
    expect((await ok(ctx, 'participants.list', { eventId: old.id })).total).toBe(2);
  });

  it('refuses a desk whose event is gone, before reading the file', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    const res = await dispatch(ctx, 'participants.importCommit', {
      eventId: 77,
      desk: 'Meja 3',
      fileName: 'x.csv',
      bytes: csv('Budi'),
      mapping: ['name', 'role'],
      skipInvalid: false,
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'desk_event', params: { missing: 77 } } });
    const read = await dispatch(ctx, 'participants.list', { eventId: 77 });
    expect(read).toMatchObject({ ok: false, error: { code: 'desk_event' } });
  });

  it("remembers the kiosk window's desk in the settings, validated", async () => {
    const ctx = tempCtx();
    const e = await ok(ctx, 'event.create', PSM_EVENT);
    expect((await ok(ctx, 'settings.set', { kioskDesk: { name: ' Meja Depan ', eventId: e.id } })).kioskDesk).toEqual({
      name: 'Meja Depan',
      eventId: e.id,
    });
    expect(await ok(ctx, 'settings.get', {})).toEqual({ lang: 'id', kioskDesk: { name: 'Meja Depan', eventId: e.id } });
    const bad = await dispatch(ctx, 'settings.set', { kioskDesk: { name: '', eventId: e.id } });
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
  });
});
