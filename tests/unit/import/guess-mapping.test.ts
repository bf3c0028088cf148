import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../electron/core/participants/import/guess-mapping';

describe('guessMapping', () => {
  it('maps Indonesian headers, ignoring case, spaces and punctuation', () => {
    expect(
      guessMapping([
        'No.',
        'NAMA LENGKAP',
        'L/P',
        'Kab/Kota',
        'Kecamatan',
        'Instansi',
        'NIK/NIP',
        'No. HP',
        'Surel',
        'Peran',
        'ID Peserta',
      ]),
    ).toEqual([null, 'name', 'gender', 'regency', 'district', 'institution', 'nik', 'phone', 'email', 'role', 'externalId']);
  });

  it('maps English headers', () => {
    expect(
      guessMapping([
        'Full name',
        'Sex',
        'City',
        'District',
        'Organisation',
        'ID number',
        'Phone',
        'E-mail',
        'Role',
        'External ID',
      ]),
    ).toEqual(['name', 'gender', 'regency', 'district', 'institution', 'nik', 'phone', 'email', 'role', 'externalId']);
  });

  it('knows the other spellings in the brief', () => {
    const cases: [string, string | null][] = [
      ['Nama', 'name'],
      ['Nama Peserta', 'name'],
      ['Name', 'name'],
      ['Jenis Kelamin', 'gender'],
      ['JK', 'gender'],
      ['Gender', 'gender'],
      ['Kabupaten/Kota', 'regency'],
      ['Asal', 'regency'],
      ['Asal Daerah', 'regency'],
      ['Regency', 'regency'],
      ['Lembaga', 'institution'],
      ['Institution', 'institution'],
      ['NIK', 'nik'],
      // Since issue 20 the NIP has a field of its own ("NIK/NIP" stays NIK).
      ['NIP', 'nip'],
      ['No HP', 'phone'],
      ['Telepon', 'phone'],
      ['Telp', 'phone'],
      ['WA', 'phone'],
      ['No. HP (WhatsApp)', 'phone'],
      ['Email', 'email'],
      ['Jabatan dalam kegiatan', 'role'],
      ['Kategori', 'role'],
      ['ID', 'externalId'],
      ['Kode', 'externalId'],
      ['No', null],
      ['NO', null],
      ['Tanda Tangan', null],
      ['', null],
      ['Jabatan', 'position'],
    ];
    for (const [header, field] of cases) expect([header, guessMapping([header])[0]]).toEqual([header, field]);
  });

  it('never maps two columns to the same field: the first wins', () => {
    expect(guessMapping(['Nama', 'Nama Lengkap', 'NIK', 'NIK/NIP', 'Telp', 'WA'])).toEqual([
      'name',
      null,
      'nik',
      null,
      'phone',
      null,
    ]);
  });
});
