// Issue 20, item 8: the paperwork from the command line, as an office's script would call it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../../helpers/ctx';

const hadir = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/hadir.mjs'), ...args], { encoding: 'utf8' });

describe('hadir payments / report receipts', () => {
  it('sets the rates from a file, refuses a bad one in one line, and writes the receipts', () => {
    const dir = tempDir();
    expect(hadir('event', 'demo', '--data-dir', dir).status).toBe(0);
    const rates = path.join(dir, 'tarif.csv');
    fs.writeFileSync(rates, 'kind;role;regency;amount\r\ntransport;Peserta;;150.000\r\ntransport;Peserta;Kabupaten Way Kanan;300000\r\n');
    const set = hadir('payments', 'rates', '--file', rates, '--data-dir', dir);
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout.trim().split('\n')).toEqual(['transport;Peserta;;150000', 'transport;Peserta;Kabupaten Way Kanan;300000']);

    fs.writeFileSync(rates, 'transport;Peserta;;150.000,5\n');
    const bad = hadir('payments', 'rates', '--file', rates, '--data-dir', dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^hadir: .*baris 1: jumlah "150\.000,5" bukan rupiah bulat \/ line 1: amount "150\.000,5" is not whole rupiah$/);
    expect(hadir('payments', 'rates', '--data-dir', dir).stdout).toContain('transport;Peserta;;150000');

    expect(hadir('report', 'receipts', '--kind', 'ongkos', '--out', path.join(dir, 'x.pdf'), '--data-dir', dir).status).toBe(2);
    // Nobody checked in yet: an empty list still adds up (Rp 0, "nol rupiah").
    const out = path.join(dir, 'transport.xlsx');
    const r = hadir('report', 'receipts', '--kind', 'transport', '--format', 'xlsx', '--out', out, '--data-dir', dir);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const honor = hadir('report', 'receipts', '--kind', 'honor', '--day', '1', '--out', path.join(dir, 'h.pdf'), '--data-dir', dir);
    expect(honor.status).toBe(1);
    expect(honor.stderr).toMatch(/leave out --day/);
  });
});
