// The recap and timeline against real scan logs written through checkin.scan and checkin.undo.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildRecap, NO_REGENCY } from '../../electron/core/reports/recap';
import { eventFileStem } from '../../electron/core/reports/file-names';
import { ok, tempCtx } from '../helpers/ctx';

async function demoWithScans() {
  const ctx = tempCtx();
  const event = await ok(ctx, 'event.createDemo', {});
  const people = (await ok(ctx, 'participants.list', { limit: 1000 })).rows;
  const scope = { eventId: event.id, desk: 'Meja 1' };
  const scan = (i: number, day: number) => ok(ctx, 'checkin.scan', { ...scope, text: people[i]!.code, input: 'scanner', day });
  // Day 1: the first 40 people; day 2: people 20..59. Person 0 is undone on day 1; person 1 is
  // undone and scanned again; person 2 is scanned twice (amber the second time).
  for (let i = 0; i < 40; i++) await scan(i, 1);
  for (let i = 20; i < 60; i++) await scan(i, 2);
  await ok(ctx, 'checkin.undo', { ...scope, participantId: people[0]!.id, day: 1, reason: 'salah orang' });
  await ok(ctx, 'checkin.undo', { ...scope, participantId: people[1]!.id, day: 1, reason: 'salah orang' });
  // The desk ignores the same code seen again within 3 seconds: step the clock past it.
  const t0 = Date.now();
  ctx.now = () => new Date(t0 + 10_000);
  await scan(1, 1);
  await scan(2, 1);
  return { ctx, event, people };
}

describe('recap', () => {
  it('matches the scan log across undo, re-scan and duplicate scans', async () => {
    const { ctx, people } = await demoWithScans();
    const recap = await ok(ctx, 'reports.recap', {});
    expect(recap.days.map((d) => [d.dayNo, d.expected, d.present])).toEqual([
      [1, 66, 39], // 40 scanned, person 0 undone, person 1 undone and back, person 2 counted once
      [2, 66, 40],
    ]);
    expect(recap.total.allDays).toBe(20); // people 20..39
    // Every view adds up to the same totals.
    for (const groups of [recap.byRegency, recap.byRole]) {
      expect(groups.reduce((s, g) => s + g.expected, 0)).toBe(66);
      expect(groups.reduce((s, g) => s + g.perDay[0]!, 0)).toBe(39);
      expect(groups.reduce((s, g) => s + g.perDay[1]!, 0)).toBe(40);
      expect(groups.reduce((s, g) => s + g.allDays, 0)).toBe(20);
    }
    // One regency checked by hand against the list.
    const present1 = new Set(people.slice(1, 40).map((p) => p.id));
    const regency = people[5]!.regency!;
    const inRegency = people.filter((p) => p.regency === regency);
    expect(recap.byRegency.find((g) => g.name === regency)).toMatchObject({
      expected: inRegency.length,
      perDay: [
        inRegency.filter((p) => present1.has(p.id)).length,
        inRegency.filter((p) => people.indexOf(p) >= 20 && people.indexOf(p) < 60).length,
      ],
    });
    ctx.db.close();
  });

  it('counts who qualifies for a certificate by the event rule and the overrides, as the certificates screen does', async () => {
    const { ctx, event, people } = await demoWithScans();
    const scope = { eventId: event.id, desk: 'Meja 1' };
    const screen = async () =>
      (await ok(ctx, 'certificates.list', { status: 'eligible' })).rows.map((r) => r.participantId).sort();
    // Default rule: present on both days, people 20..39.
    let recap = await ok(ctx, 'reports.recap', {});
    expect(recap.total.qualifies).toBe(20);
    expect(recap.total.qualifies).toBe((await screen()).length);
    // Person 0 was undone on day 1 and never came on day 2: the organiser lets them qualify anyway.
    await ok(ctx, 'certificates.override', { ...scope, participantId: people[0]!.id, reason: 'sakit, surat dokter' });
    recap = await ok(ctx, 'reports.recap', {});
    expect(recap.total.qualifies).toBe(21);
    const { settings } = await ok(ctx, 'certificates.settings', {});
    await ok(ctx, 'certificates.saveSettings', { ...scope, ...settings, rule: { kind: 'min_days', min: 1 } });
    recap = await ok(ctx, 'reports.recap', {});
    expect(recap.total.qualifies).toBe(60); // people 1..59 attended a day, person 0 by override
    for (const groups of [recap.byRegency, recap.byRole]) expect(groups.reduce((s, g) => s + g.qualifies, 0)).toBe(60);
    const regency = people[5]!.regency!;
    const eligible = new Set(await screen());
    expect(recap.byRegency.find((g) => g.name === regency)!.qualifies).toBe(
      people.filter((p) => p.regency === regency && eligible.has(p.id)).length,
    );
    // The per-person list: who qualifies, and why not.
    const csv = await ok(ctx, 'reports.recapExport', { format: 'csv', view: 'certificates', separator: ';' });
    const lines = Buffer.from(csv.bytes)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('No;Nama;Kabupaten/Kota;Peran;Hari hadir;Berhak sertifikat;Keterangan');
    expect(lines).toHaveLength(67);
    const of = (i: number) =>
      lines.find((l) => l.split(';')[1] === people[i]!.name || l.split(';')[1] === `"${people[i]!.name}"`)!;
    // (cells holding a comma are quoted, so Excel in either locale reads them whole)
    expect(of(0)).toMatch(/;;Ya;"dikecualikan panitia: sakit, surat dokter \(tidak hadir hari ke-1, 2\)"$/);
    expect(of(25)).toMatch(/;"1, 2";Ya;$/);
    expect(of(60)).toMatch(/;;Tidak;"tidak hadir hari ke-1, 2"$/);
    ctx.db.close();
  });

  it('exports XLSX with one sheet per view and real numbers, and CSV with the chosen separator', async () => {
    const { ctx } = await demoWithScans();
    const x = await ok(ctx, 'reports.recapExport', { format: 'xlsx' });
    expect(x.fileName).toMatch(/^rekap-PSM-2022-09-07\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.bytes) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Per hari', 'Per kabupaten-kota', 'Per peran', 'Sertifikat', 'Register nomor sertifikat']);
    const days = wb.getWorksheet('Per hari')!;
    expect(days.getRow(2).getCell(4).value).toBe(39);
    expect(typeof days.getRow(2).getCell(4).value).toBe('number');
    const regency = wb.getWorksheet('Per kabupaten-kota')!;
    const last = regency.getRow(regency.rowCount);
    expect(last.getCell(1).value).toBe('Jumlah');
    expect(last.getCell(2).value).toBe(66);
    expect(last.getCell(6).value).toBe(20); // qualify for a certificate: present on both days
    expect(wb.getWorksheet('Sertifikat')!.rowCount).toBe(67);

    const csv = await ok(ctx, 'reports.recapExport', { format: 'csv', view: 'role', separator: ';' });
    const text = Buffer.from(csv.bytes).toString('utf8');
    expect(
      text.startsWith('\uFEFFPeran;Terdaftar;Hari 1 (2022-09-07);Hari 2 (2022-09-08);Hadir semua hari;Berhak sertifikat\r\n'),
    ).toBe(true);
    expect(text).toMatch(/\r\nJumlah;66;39;40;20;20\r\n$/);
    ctx.db.close();
  });

  it('groups people without a regency under one label, and a day nobody attended shows 0', () => {
    const r = buildRecap(
      [
        { dayNo: 1, date: '2022-09-07' },
        { dayNo: 2, date: '2022-09-08' },
      ],
      [
        { regency: null, role: 'Peserta', daysPresent: [1], override: false },
        { regency: '  ', role: 'Panitia', daysPresent: [], override: false },
        { regency: 'Kota Metro', role: 'Peserta', daysPresent: [1], override: false },
      ],
      { kind: 'all_days' },
    );
    expect(r.byRegency.map((g) => [g.name, g.expected, g.perDay])).toEqual([
      [NO_REGENCY, 2, [1, 0]],
      ['Kota Metro', 1, [1, 0]],
    ]);
    expect(r.total.allDays).toBe(0);
  });
});

describe('timeline', () => {
  it('counts first check-ins per 10 minutes in the event time zone', async () => {
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.createDemo', {});
    const people = (await ok(ctx, 'participants.list', { limit: 10 })).rows;
    // 07:55, 08:01, 08:09, 08:12 WIB = 00:55 .. 01:12 UTC on day 1.
    const at = ['2022-09-07T00:55:00Z', '2022-09-07T01:01:00Z', '2022-09-07T01:09:00Z', '2022-09-07T01:12:00Z'];
    for (let i = 0; i < at.length; i++) {
      ctx.now = () => new Date(at[i]!);
      await ok(ctx, 'checkin.scan', { eventId: event.id, desk: 'Meja 1', text: people[i]!.code });
    }
    const t = await ok(ctx, 'reports.timeline', {});
    expect(t[0]!.bins).toEqual([
      [7 * 60 + 50, 1],
      [8 * 60, 2],
      [8 * 60 + 10, 1],
    ]);
    expect(t[1]!.bins).toEqual([]);
    ctx.db.close();
  });
});

describe('file names', () => {
  it('names files after the event: its bracketed short name and first day', () => {
    expect(
      eventFileStem({
        name: 'Pelatihan Pekerja Sosial Masyarakat (PSM) Lampung',
        days: [{ date: '2022-09-08' }, { date: '2022-09-07' }] as never,
      }),
    ).toBe('PSM-2022-09-07');
    expect(eventFileStem({ name: 'Kongres Ñandú: Édition 2026', days: [] })).toBe('Kongres-Nandu-Edition');
    // No brackets: the acronym the organisers call it by (issue 9.5).
    expect(eventFileStem({ name: 'Peningkatan Kemampuan Potensi PSM', days: [{ date: '2022-09-07' }] as never })).toBe(
      'PSM-2022-09-07',
    );
  });
});

describe('CLI', () => {
  it('hadir report recap writes the CSV view and refuses an unknown format in one line', async () => {
    const { spawnSync } = await import('node:child_process');
    const path = await import('node:path');
    const fs = await import('node:fs');
    const { ROOT, tempDir } = await import('../helpers/ctx');
    const hadir = (...a: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...a], { encoding: 'utf8' });
    const dir = tempDir();
    expect(hadir('event', 'demo', '--data-dir', dir).status).toBe(0);
    const out = path.join(dir, 'r.csv');
    expect(hadir('report', 'recap', '--format', 'csv', '--view', 'days', '--out', out, '--data-dir', dir).status).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('1;2022-09-07;66;0;66;0');
    const bad = hadir('report', 'recap', '--format', 'xml', '--out', out, '--data-dir', dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
