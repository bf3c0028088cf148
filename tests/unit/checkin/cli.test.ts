import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContext } from '../../../electron/core/open-context';
import { localDate } from '../../../electron/shared/time-zone';
import { ok, PSM_EVENT, RESOURCES, ROOT, tempDir, scope } from '../../helpers/ctx';

const hadir = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...args], { encoding: 'utf8' });

describe('hadir checkin / attendance', () => {
  // Twelve CLI starts (tsx compiles on each): generous on a loaded machine.
  it(
    'prints one JSON line per verdict, exits 0 for green and amber and 1 otherwise; lists attendance as CSV and JSON',
    { timeout: 600_000 },
    async () => {
      const dir = tempDir();
      const ctx = openContext(dir, 'cli', RESOURCES);
      // Today (in WIB) is day 2 of this event, so the CLI's default day is exercised.
      const today = localDate(new Date(), 'Asia/Jakarta');
      const yesterday = localDate(new Date(Date.now() - 86_400_000), 'Asia/Jakarta');
      await ok(ctx, 'event.create', { ...PSM_EVENT, days: [yesterday, today] });
      const siti = await ok(ctx, 'participants.create', {
        ...scope(ctx),
        name: '=Siti Aminah',
        regency: 'Kota Metro',
        role: 'Peserta',
      });
      ctx.db.close();

      const green = hadir('checkin', siti.code, '--desk', 'Meja 3', '--data-dir', dir);
      expect(green.status).toBe(0);
      expect(green.stdout.trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(green.stdout)).toMatchObject({
        verdict: 'green',
        reason: 'checked_in',
        participant: { name: '=Siti Aminah', code: siti.code },
        day: { dayNo: 2, date: today },
        scan: { desk: 'Meja 3' },
      });
      const amber = hadir('checkin', siti.code.toLowerCase(), '--data-dir', dir);
      expect([amber.status, JSON.parse(amber.stdout).verdict, JSON.parse(amber.stdout).previous.desk]).toEqual([
        0,
        'amber',
        'Meja 3',
      ]);
      const red = hadir('checkin', 'ZZZZZZZZ', '--data-dir', dir);
      expect([red.status, JSON.parse(red.stdout)]).toEqual([
        1,
        expect.objectContaining({ verdict: 'red', reason: 'not_registered', participant: null }),
      ]);
      const qris = hadir('checkin', '00020101021126570011ID.DANA.WWW', '--data-dir', dir);
      expect([qris.status, JSON.parse(qris.stdout).verdict]).toEqual([1, 'not_a_badge']);
      expect(JSON.parse(hadir('checkin', siti.code, '--day', '1', '--data-dir', dir).stdout).day.dayNo).toBe(1);

      const badDay = hadir('checkin', siti.code, '--day', 'x', '--data-dir', dir);
      expect([badDay.status, badDay.stderr]).toEqual([2, 'hadir: --day must be a day number (1, 2, …): x\n']);
      const noDay = hadir('checkin', siti.code, '--day', '5', '--data-dir', dir);
      expect([noDay.status, noDay.stderr]).toEqual([1, 'hadir: Day 5 is not a day of this event.\n']);

      const csv = hadir('attendance', '--data-dir', dir);
      expect(csv.status).toBe(0);
      const lines = csv.stdout.trimEnd().split('\r\n');
      expect(lines[0]).toBe('Hari,Tanggal,Kode Badge,Nama,Kabupaten/Kota,Instansi,Peran,Jam,Meja');
      // Day 1 first; the name that starts with "=" is neutralised against spreadsheet formulas.
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).concat(l.split(',')[8]!))).toEqual([
        ['1', yesterday, siti.code, "'=Siti Aminah", 'CLI'],
        ['2', today, siti.code, "'=Siti Aminah", 'Meja 3'],
      ]);
      const json = JSON.parse(hadir('attendance', '--day', '2', '--format', 'json', '--data-dir', dir).stdout);
      expect(json).toEqual([expect.objectContaining({ dayNo: 2, name: '=Siti Aminah', desk: 'Meja 3' })]);
      expect(hadir('attendance', '--format', 'xml', '--data-dir', dir).status).toBe(2);
      expect(hadir('checkin', 'X', '--data-dir', tempDir()).stderr).toMatch(/^hadir: No event yet/);
      const elsewhere = hadir('checkin', siti.code, '--event', '99', '--data-dir', dir);
      expect([elsewhere.status, elsewhere.stderr]).toEqual([
        1,
        expect.stringMatching(/^hadir: Desk "CLI" is set to event 99, which does not exist/),
      ]);
    },
  );

  it('creates an event in WITA or WIT with --time-zone, and refuses another zone', () => {
    const dir = tempDir();
    // prettier-ignore
    const create = (zone: string) => hadir('event', 'create', '--data-dir', dir, '--name', 'Bimtek PKH', '--organiser', 'Dinsos', '--venue', 'Hotel', '--city', 'Makassar', '--day', '2022-09-07', '--signatory-name', 'Budi', '--signatory-title', 'Kadis', '--time-zone', zone);
    expect(create('Europe/Paris')).toMatchObject({
      status: 2,
      stderr: 'hadir: --time-zone must be WIB, WITA or WIT: Europe/Paris\n',
    });
    expect(create('wita').stdout).toContain('1) 2022-09-07 (WITA)');
    expect(JSON.parse(hadir('event', 'show', '--json', '--data-dir', dir).stdout).timeZone).toBe('Asia/Makassar');
  });
});
