// Issue 20, item 4: the speakers' file. Per session of the programme, a daftar hadir of its
// narasumber and moderators (read back from the PDF with pdftotext), and the honorarium from the
// JP of the sessions each speaks or moderates in (a panel of two speakers, a moderator, a person
// named both ways in one session paid once for it). Real SQLite, real PDF, the CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import type { HadirEvent, ProgrammeItem } from '../../../electron/shared/event';
import type { Participant } from '../../../electron/shared/participant';
import { receiptData } from '../../../electron/core/payments/handlers';
import { namesOf } from '../../../electron/core/payments/sessions';
import { bin, ok, ROOT, scope, tempCtx, tempDir } from '../../helpers/ctx';

const pdfText = (bytes: Uint8Array, name = 'narasumber.pdf') => {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  if (process.env.HADIR_LOOK) fs.copyFileSync(file, path.join(process.env.HADIR_LOOK, name));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

async function setProgramme(ctx: Ctx, event: HadirEvent, programme: Partial<ProgrammeItem>[]) {
  await ok(ctx, 'event.update', {
    ...scope(ctx),
    name: event.name,
    organiser: event.organiser,
    venue: event.venue,
    city: event.city,
    days: event.days.map((d) => d.date),
    signatoryName: event.signatoryName,
    signatoryTitle: event.signatoryTitle,
    signatoryNip: event.signatoryNip,
    programme: programme as ProgrammeItem[],
  });
}

describe("the speakers' file", () => {
  let ctx: Ctx;
  let event: HadirEvent;
  let aswarodi: Participant;
  let maria: Participant;
  let moderator: Participant;

  beforeAll(async () => {
    ctx = tempCtx();
    event = await ok(ctx, 'event.createDemo', {});
    const rows = (await ok(ctx, 'participants.list', { limit: 100 })).rows;
    const get = (n: string) => ok(ctx, 'participants.get', { id: rows.find((r) => r.name === n)!.id });
    aswarodi = await get('Drs. Aswarodi, M.Si.');
    maria = await get('Maria Tamtina, S.H., M.M.');
    const { id: _i, code: _c, deleted: _d, daysPresent: _dp, presentAt: _pa, editedFields: _e, ...data } = aswarodi;
    aswarodi = await ok(ctx, 'participants.update', {
      ...scope(ctx),
      id: aswarodi.id,
      data: { ...data, nip: '196512121990031001', rank: 'Pembina Utama Muda (IV/c)', position: 'Kepala Bidang Pemberdayaan Sosial', institution: 'Dinas Sosial Provinsi Lampung' },
    });
    await ok(ctx, 'roles.add', { ...scope(ctx), name: 'Moderator' });
    moderator = await ok(ctx, 'participants.create', {
      ...scope(ctx),
      name: 'Rina Oktaviani, S.Sos.',
      role: 'Moderator',
      regency: 'Kota Bandar Lampung',
      institution: 'Dinas Sosial Provinsi Lampung',
    });
    for (const p of [aswarodi, maria, moderator]) await ok(ctx, 'checkin.scan', { ...scope(ctx), text: p.code, day: 1 });
    await setProgramme(ctx, event, [
      // A panel: two speakers (the second as typed in capitals), one moderator.
      { material: 'Kebijakan Pemberdayaan PSM', jp: 4, speaker: `${aswarodi.name}; ${maria.name.toUpperCase()}`, moderator: moderator.name },
      { material: 'Penguatan Jejaring PSM', jp: 2, speaker: maria.name, moderator: moderator.name },
      // Named as speaker and moderator of one session: paid its JP once.
      { material: 'Kewirausahaan', jp: 3, speaker: 'Ir. Bambang Sutejo, M.T.', moderator: `${moderator.name}; ${moderator.name}` },
      { material: 'Motivasi terhadap SDM', jp: 2, speaker: '', moderator: '' },
    ]);
    event = (await ok(ctx, 'event.get', {}))!;
    await ok(ctx, 'payments.ratesFile', { ...scope(ctx), bytes: bin('honor;Narasumber;;900000\nhonor;Moderator;;500000\n') });
  }, 120_000);

  it('keeps the moderators in the programme and splits a panel into its names', () => {
    expect(event.programme[0]).toMatchObject({ moderator: moderator.name });
    expect(event.programme[3]).toMatchObject({ speaker: '', moderator: '' });
    expect(namesOf(' A ;; b; A ; ')).toEqual(['A', 'b']);
  });

  it('prints the honorarium of speakers and moderators on the daftar penerimaan', async () => {
    const pdf = await ok(ctx, 'reports.receipts', { kind: 'honor', format: 'pdf' });
    const text = pdfText(pdf.bytes, 'honorarium.pdf');
    expect(text).toContain('DAFTAR PENERIMAAN HONORARIUM NARASUMBER DAN MODERATOR');
    // The moderator's row: 9 JP at Rp 500.000.
    expect(text.split('\n').find((l) => l.includes('Rina Oktaviani'))).toMatch(/9 JP\s+500\.000\s+4\.500\.000/);
  });

  it('pays each speaker and moderator the JP of their sessions', () => {
    const honor = receiptData(ctx, undefined, 'honor');
    const units = Object.fromEntries(honor.rows.map((r) => [r.name, [r.role, r.units, r.gross]]));
    expect(units).toEqual({
      [aswarodi.name]: ['Narasumber', 4, 3_600_000],
      [maria.name]: ['Narasumber', 6, 5_400_000],
      [moderator.name]: ['Moderator', 4 + 2 + 3, 4_500_000],
    });
  });

  it('prints one daftar hadir per session with its speakers and moderators, to sign', async () => {
    const pdf = await ok(ctx, 'reports.speakers', {});
    expect(pdf.fileName).toMatch(/^daftar-hadir-narasumber-.*\.pdf$/);
    const pages = pdfText(pdf.bytes).split('\f').filter((p) => p.trim());
    // Three sessions name someone; the fourth names no one and has no sheet.
    expect(pages).toHaveLength(3);
    const flat = (p: string) => p.replace(/\s+/g, ' ');
    pages.forEach((p) => {
      expect(p).toContain('DAFTAR HADIR NARASUMBER DAN MODERATOR');
      expect(flat(p)).toContain('Hotel Horison Bandar Lampung, Bandar Lampung');
      expect(flat(p)).toContain('7 September 2022 s.d. 8 September 2022');
      expect(flat(p)).toContain('Tanda tangan');
      // The event's signatory signs each session's sheet.
      expect(flat(p)).toContain('Kepala Dinas Sosial Provinsi Lampung');
    });
    expect(flat(pages[0]!)).toContain('Sesi 1: Kebijakan Pemberdayaan PSM (4 JP)');
    const rowOf = (page: string, name: string) => page.split('\n').find((l) => l.includes(name)) ?? '';
    // Numbered rows: speakers first, then the moderator; the NIP and office of a registered speaker.
    expect(rowOf(pages[0]!, 'Drs. Aswarodi')).toMatch(/^\s*1\s+Drs\. Aswarodi, M\.Si\.\s+196512121990031001\s+Kepala Bidang.*Narasumber/);
    expect(rowOf(pages[0]!, 'Maria Tamtina')).toMatch(/^\s*2\s+Maria Tamtina, S\.H\., M\.M\.\s+.*Narasumber/);
    expect(rowOf(pages[0]!, 'Rina Oktaviani')).toMatch(/^\s*3\s+Rina Oktaviani, S\.Sos\.\s+Dinas Sosial Provinsi\s+Moderator/);
    expect(flat(pages[1]!)).toContain('Sesi 2: Penguatan Jejaring PSM (2 JP)');
    expect(flat(pages[2]!)).toContain('Sesi 3: Kewirausahaan (3 JP)');
    // A guest nobody registered still has a line to sign; the moderator named twice, once.
    expect(rowOf(pages[2]!, 'Ir. Bambang Sutejo, M.T.')).toMatch(/^\s*1\s+Ir\. Bambang Sutejo, M\.T\.\s+Narasumber/);
    expect(pages[2]!.match(/Rina Oktaviani/g)).toHaveLength(1);
    expect(pages[2]).toContain('Halaman 3 dari 3');
  });

  it('says in one line when the programme names no speaker', async () => {
    const c = tempCtx();
    const e = await ok(c, 'event.createDemo', {});
    await setProgramme(c, e, [{ material: 'Materi tanpa narasumber', jp: 2, speaker: '' }]);
    const r = await (await import('../../../electron/core/dispatch')).dispatch(c, 'reports.speakers', {});
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toMatch(/belum menyebut narasumber.*names no speaker/);
  });

  it('reads the programme from a file: sessions, JP, a panel of speakers, a moderator; a bad line changes nothing', async () => {
    const file = [
      'Materi;JP;Narasumber;Moderator',
      'Kebijakan Pemberdayaan PSM;4;"Drs. Aswarodi, M.Si.; Maria Tamtina, S.H., M.M.";Rina Oktaviani, S.Sos.',
      'Kewirausahaan;3;Ir. Bambang Sutejo, M.T.;',
      'Motivasi terhadap SDM;2',
    ].join('\r\n');
    expect(await ok(ctx, 'payments.programmeFile', { bytes: bin(file) })).toEqual([
      { material: 'Kebijakan Pemberdayaan PSM', jp: 4, speaker: 'Drs. Aswarodi, M.Si.; Maria Tamtina, S.H., M.M.', moderator: 'Rina Oktaviani, S.Sos.' },
      { material: 'Kewirausahaan', jp: 3, speaker: 'Ir. Bambang Sutejo, M.T.', moderator: '' },
      { material: 'Motivasi terhadap SDM', jp: 2, speaker: '', moderator: '' },
    ]);
    const { dispatch } = await import('../../../electron/core/dispatch');
    const bad = await dispatch(ctx, 'payments.programmeFile', { bytes: bin('Kebijakan;4,5;Drs. Aswarodi\n') });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toMatch(/baris 1: JP "4,5" harus bilangan bulat 0–999 \/ line 1: JP "4,5" must be a whole number/);
  });

  it('hadir payments programme --file and hadir report speakers --out FILE', () => {
    const dir = tempDir();
    const hadir = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...args, '--data-dir', dir], { encoding: 'utf8' });
    expect(hadir('event', 'demo').status).toBe(0);
    const prog = path.join(dir, 'susunan.csv');
    fs.writeFileSync(prog, 'Materi;JP;Narasumber;Moderator\nKebijakan;4;Drs. Aswarodi, M.Si.;Maria Tamtina, S.H., M.M.\nMotivasi terhadap SDM;2;Motivator;\n');
    const set = hadir('payments', 'programme', '--file', prog);
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout.trim().split('\n')).toEqual(['Kebijakan;4;Drs. Aswarodi, M.Si.;Maria Tamtina, S.H., M.M.', 'Motivasi terhadap SDM;2;Motivator;']);
    fs.writeFileSync(prog, 'Kebijakan;empat;Drs. Aswarodi\n');
    const bad = hadir('payments', 'programme', '--file', prog);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const out = path.join(dir, 'narasumber.pdf');
    const r = hadir('report', 'speakers', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    // The programme from the file, unchanged by the bad one: one sheet per session.
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Sesi 2: Motivasi terhadap SDM (2 JP)');
    expect(text.split('\n').find((l) => l.includes('Maria Tamtina'))).toMatch(/Moderator/);
  }, 300_000); // four CLI processes, each starting Node and opening the database: room on a loaded CI machine
});
