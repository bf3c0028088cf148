import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED, tempDir } from '../helpers/ctx';

const hadir = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...args], { encoding: 'utf8' });

describe('hadir CLI', () => {
  it('creates and shows an event; refuses bad input with one line and a non-zero exit', () => {
    const dir = tempDir();
    // prettier-ignore
    const args = (day: string[]) => ['event', 'create', '--data-dir', dir, '--name', 'Pelatihan PSM', '--organiser', 'Dinsos', '--venue', 'Hotel', '--city', 'Metro', ...day.flatMap((d) => ['--day', d]), '--signatory-name', 'Budi', '--signatory-title', 'Kadis'];
    const bad = hadir(...args(['2022-13-01']));
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^hadir: Invalid input: days\.0/);

    const ok = hadir(...args(['2022-09-08', '2022-09-07']));
    expect(ok.status).toBe(0);
    const show = hadir('event', 'show', '--json', '--data-dir', dir);
    expect(JSON.parse(show.stdout)).toMatchObject({
      name: 'Pelatihan PSM',
      days: [{ date: '2022-09-07' }, { date: '2022-09-08' }],
    });
    expect(hadir('event', 'show', '--data-dir', tempDir()).status).toBe(1);
    expect(hadir('--help').stdout).toContain('participants');
    hadir('event', 'demo', '--data-dir', dir);
    const list = hadir('event', 'list', '--data-dir', dir).stdout.trim().split('\n');
    expect(list).toHaveLength(2);
    expect(list[0]).toMatch(/^\*\s+2  2022-09-07\s+66  Peningkatan Kemampuan/);
    expect(list[1]).toMatch(/^\s+1  2022-09-07\s+0  Pelatihan PSM$/);
    expect(hadir('event', 'use', '1', '--data-dir', dir).stdout).toContain('Pelatihan PSM');
    expect(hadir('event', 'use', 'x', '--data-dir', dir).status).toBe(2);
  });

  it('sets and removes the logo; a GIF or a missing file is refused with one line', () => {
    const dir = tempDir();
    hadir('event', 'demo', '--data-dir', dir);
    const png = path.join(ROOT, 'tests/fixtures/logo.png');
    expect(hadir('event', 'logo', png, '--data-dir', dir).stdout).toMatch(/Logo: +image\/png, 13 KB/);
    const gif = hadir('event', 'logo', path.join(ROOT, 'tests/fixtures/logo.gif'), '--data-dir', dir);
    expect([gif.status, gif.stderr]).toEqual([1, 'hadir: The logo must be a PNG or JPEG image.\n']);
    expect(hadir('event', 'logo', 'nope.png', '--data-dir', dir).stderr).toBe('hadir: Cannot read nope.png: ENOENT\n');
    expect(hadir('event', 'logo', '--data-dir', dir).status).toBe(2);
    expect(JSON.parse(hadir('event', 'show', '--json', '--data-dir', dir).stdout).logo).toEqual({
      mime: 'image/png',
      bytes: fs.statSync(png).size,
    });
    expect(hadir('event', 'logo', '--remove', '--data-dir', dir).stdout).toMatch(/Logo: +-$/m);
  });

  it('imports with --dry-run (changes nothing), --map, lists and exports', () => {
    const dir = tempDir();
    hadir('event', 'demo', '--data-dir', dir);
    const errors = path.join(ROOT, 'tests/fixtures/empty-name.csv');
    const dry = hadir('participants', 'import', errors, '--dry-run', '--data-dir', dir);
    expect(dry.status).toBe(1);
    expect(dry.stdout).toContain('error  line 2, column "Nama": empty_name');
    expect(hadir('participants', 'import', errors, '--data-dir', dir).status).toBe(1);
    const list = JSON.parse(hadir('participants', 'list', '--format', 'json', '--data-dir', dir).stdout);
    expect(list).toHaveLength(66);
    expect(list[0].phone).toMatch(/•/);

    const mapped = hadir(
      'participants',
      'import',
      path.join(SHARED, 'fixtures/peserta-psm-2022.csv'),
      '--map',
      'No=externalId',
      '--map',
      'Kecamatan=-',
      '--dry-run',
      '--data-dir',
      dir,
    );
    expect(mapped.status).toBe(0);
    expect(mapped.stdout).toContain('No -> externalId');
    expect(mapped.stdout).toContain('Kecamatan -> (ignored)');
    expect(hadir('participants', 'import', errors, '--map', 'Nope=name', '--data-dir', dir).stderr).toMatch(/no column "Nope"/);

    const out = path.join(dir, 'out.xlsx');
    const exp = hadir('participants', 'export', '--format', 'xlsx', '--out', out, '--data-dir', dir);
    expect(exp.stdout).toContain('Wrote 66 participant(s)');
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const badFormat = hadir('participants', 'export', '--format', 'pdf', '--out', out, '--data-dir', dir);
    expect(badFormat.status).not.toBe(0);
    expect(badFormat.stderr).toMatch(/^hadir: Invalid input: format/);
  });

  it('lists as CSV with formula-looking cells neutralised, as the export does (OWASP CSV injection)', () => {
    const dir = tempDir();
    hadir('event', 'demo', '--data-dir', dir);
    const file = path.join(ROOT, 'tests/fixtures/formula-name.csv');
    // Formula-looking values are errors since issue 9.13; the organiser lets them in on purpose here.
    expect(hadir('participants', 'import', file, '--skip-invalid', '--allow-formulas', '--data-dir', dir).status).toBe(0);
    const res = hadir('participants', 'list', '--format', 'csv', '--query', 'hyperlink', '--data-dir', dir);
    expect(res.status).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines[0]).toBe('code,name,gender,regency,role,phone');
    expect(lines).toHaveLength(2);
    // Quoted (it holds quotes and commas) and prefixed with ' so a spreadsheet shows it as text.
    expect(lines[1]).toMatch(/^[0-9A-Z]{8},"'=HYPERLINK\(""http:\/\/x"",""klik""\)",,,Peserta,0812•••••890$/);
  });

  it('prints the version', () => {
    expect(execFileSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), '--version'], { encoding: 'utf8' }).trim()).toBe(
      '0.1.0',
    );
  });
});
