import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../electron/core/participants/import/guess-mapping';
import { readTable } from '../../../electron/core/participants/import/read-table';
import { validateRows } from '../../../electron/core/participants/import/validate-rows';
import { ROLES, values } from './helpers';

// The real participant list of a 2022 training event, in /work/shared beside the repository.
const file = path.resolve(__dirname, '../../../../shared/fixtures/peserta-psm-2022.csv');

describe('peserta-psm-2022.csv', () => {
  it('imports as 66 valid rows', async () => {
    const table = await readTable(readFileSync(file), 'peserta-psm-2022.csv');
    expect(table.format).toBe('csv');
    expect(table.encoding).toBe('utf-8');
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual(['No', 'Nama Lengkap', 'Jenis Kelamin', 'Kabupaten/Kota', 'Kecamatan', 'No HP', 'Peran']);

    const mapping = guessMapping(table.headers);
    expect(mapping).toEqual([null, 'name', 'gender', 'regency', 'district', 'phone', 'role']);

    const { rows, problems } = validateRows(table, mapping, ROLES);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(66);
    expect(rows.every((r) => r.valid)).toBe(true);
    expect(rows.map((r) => r.line)).toEqual(Array.from({ length: 66 }, (_, i) => i + 2));

    const count = (role: string) => rows.filter((r) => r.values.role === role).length;
    expect([count('Peserta'), count('Narasumber'), count('Panitia')]).toEqual([60, 4, 2]);

    expect(rows[0]).toEqual({
      line: 2,
      valid: true,
      values: values({
        name: 'Yusuf Efendi, S.H.',
        gender: 'L',
        regency: 'Kabupaten Lampung Barat',
        district: 'Gedong Tataan',
        phone: '08229959465',
        role: 'Peserta',
      }),
    });
    // The speakers have no district or phone.
    expect(rows[60]).toEqual({
      line: 62,
      valid: true,
      values: values({ name: 'Drs. Aswarodi, M.Si.', gender: 'L', regency: 'Kota Bandar Lampung', role: 'Narasumber' }),
    });

    const longest = rows.filter((r) => r.values.name!.length === 60);
    expect(longest.map((r) => [r.line, r.values.name])).toEqual([
      [19, 'Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos.'],
    ]);

    // Every phone kept its leading zero.
    const phones = rows.map((r) => r.values.phone).filter((p) => p !== null);
    expect(phones).toHaveLength(60);
    expect(phones.every((p) => /^08\d{8,11}$/.test(p))).toBe(true);
  });
});
