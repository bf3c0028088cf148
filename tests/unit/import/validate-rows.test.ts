import { describe, expect, it } from 'vitest';
import type { Field } from '../../../electron/shared/participant';
import type { Table } from '../../../electron/core/participants/import/read-table';
import { PROBLEM_CODES, isWarning, normaliseKey, validateRows } from '../../../electron/core/participants/import/validate-rows';
import { guessMapping } from '../../../electron/core/participants/import/guess-mapping';
import { readTable } from '../../../electron/core/participants/import/read-table';
import { ROLES, importFixture, values } from './helpers';

describe('validateRows on the fixtures', () => {
  it('win1252-semicolon.csv: phones cleaned, gender and role synonyms', async () => {
    const { rows, problems } = await importFixture('win1252-semicolon.csv');
    expect(rows).toEqual([
      {
        line: 2,
        valid: true,
        values: values({
          name: 'José Hernández',
          gender: 'L',
          regency: 'Kota Bandung',
          institution: 'Universitas Padjadjaran, Fakultas Hukum',
          phone: '081234567890',
          role: 'Narasumber',
        }),
      },
      {
        line: 3,
        valid: true,
        values: values({
          name: 'Ni Luh Putu Ayu Kusumawati',
          gender: 'P',
          regency: 'Kabupaten Gianyar',
          institution: 'Dinas Pariwisata – Bidang Promosi',
          phone: '081311112222',
          role: 'Peserta',
        }),
      },
      {
        line: 4,
        valid: true,
        values: values({
          name: 'Iñaki Muñoz',
          gender: 'L',
          regency: 'Kota Denpasar',
          institution: 'Yayasan "Bali Sehat"; Denpasar',
          phone: '0361222333',
          role: 'Peserta',
        }),
      },
    ]);
    expect(problems).toEqual([]);
  });

  it('utf8-bom.csv: NIK spaces stripped, bad email, short NIK, unknown gender', async () => {
    const { rows, problems } = await importFixture('utf8-bom.csv');
    expect(rows).toEqual([
      {
        line: 2,
        valid: true,
        values: values({
          name: 'Đặng Thị Hồng Nhung',
          gender: 'P',
          regency: 'Kota Metro',
          district: 'Metro Pusat',
          email: 'nhung@example.org',
          nik: '3201234567890001',
        }),
      },
      {
        line: 3,
        valid: false,
        values: values({
          name: 'Made Wirawan, S.Kom.',
          gender: 'L',
          regency: 'Kabupaten Badung',
          district: 'Kuta Selatan',
          email: 'made@example',
          nik: '3201234567890',
        }),
      },
      {
        line: 4,
        valid: false,
        values: values({
          name: 'Siti Nurjanah',
          gender: 'X',
          regency: 'Kota Metro',
          district: 'Metro Barat',
          email: 'siti@example.go.id',
          nik: '198703152010012003',
        }),
      },
    ]);
    expect(problems).toEqual([
      { line: 3, column: 'Email', field: 'email', code: 'bad_email', value: 'made@example' },
      { line: 3, column: 'NIK', field: 'nik', code: 'bad_nik', value: '3201234567890' },
      { line: 4, column: 'Jenis Kelamin', field: 'gender', code: 'bad_gender', value: 'X' },
    ]);
  });

  it('utf16le.csv: English headers and role names', async () => {
    const { rows, problems } = await importFixture('utf16le.csv');
    expect(rows).toEqual([
      {
        line: 2,
        valid: true,
        values: values({
          name: 'Đặng Văn Lâm',
          gender: 'L',
          regency: 'Ho Chi Minh City',
          institution: 'Yayasan "Harapan Bangsa"',
          phone: '+84901234567',
          role: 'Narasumber',
        }),
      },
      {
        line: 3,
        valid: true,
        values: values({
          name: "Sarah O'Connor",
          gender: 'P',
          regency: 'Jakarta Selatan',
          institution: 'UNICEF Indonesia',
          phone: '081298765432',
          role: 'Narasumber',
        }),
      },
      {
        line: 4,
        valid: true,
        values: values({
          name: 'Budi Hartono',
          gender: 'L',
          regency: 'Kota Bogor',
          institution: 'Kementerian PPN/Bappenas',
          phone: '02131936207',
          role: 'Panitia',
        }),
      },
    ]);
    expect(problems).toEqual([]);
  });

  it('quoted-newline.csv: a line break inside a value becomes a space', async () => {
    const { rows, problems } = await importFixture('quoted-newline.csv');
    expect(rows).toEqual([
      {
        line: 2,
        valid: true,
        values: values({ name: 'Rahmat Hidayat', institution: 'Dinas Kesehatan Kabupaten Lampung Barat', phone: '081270001111' }),
      },
      { line: 3, valid: true, values: values({ name: 'Sri Wahyuni', institution: 'Puskesmas Natar', phone: '081270002222' }) },
    ]);
    expect(problems).toEqual([]);
  });

  it('duplicate-row.csv: the later copy is the problem, by name+regency or by NIK', async () => {
    const { rows, problems } = await importFixture('duplicate-row.csv');
    expect(rows).toEqual([
      { line: 2, valid: true, values: values({ name: 'Budi Santoso', regency: 'Kota Metro' }) },
      { line: 3, valid: true, values: values({ name: 'Siti Aminah', regency: 'Kota Metro', nik: '198703152010012003' }) },
      { line: 4, valid: false, values: values({ name: 'BÚDI SANTOSO', regency: 'kota metro' }) },
      { line: 5, valid: true, values: values({ name: 'Budi Santoso', regency: 'Kota Bandar Lampung' }) },
      { line: 6, valid: false, values: values({ name: 'Sitti Aminah', regency: 'Kota Metro', nik: '198703152010012003' }) },
    ]);
    expect(problems).toEqual([
      { line: 4, column: 'Nama', field: 'name', code: 'duplicate_row', value: 'BÚDI SANTOSO' },
      { line: 6, column: 'NIK/NIP', field: 'nik', code: 'duplicate_row', value: '198703152010012003' },
    ]);
  });

  it('empty-name.csv: empty, blank and "" names; empty role becomes Peserta', async () => {
    const { rows, problems } = await importFixture('empty-name.csv');
    expect(rows).toEqual([
      { line: 2, valid: false, values: values({ gender: 'L', role: 'Peserta' }) },
      { line: 3, valid: false, values: values({ gender: 'P', role: 'Peserta' }) },
      { line: 5, valid: false, values: values({ gender: 'L', role: 'Panitia' }) },
      { line: 6, valid: true, values: values({ name: 'Agus Salim', gender: 'L', role: 'Peserta' }) },
    ]);
    expect(problems).toEqual([
      { line: 2, column: 'Nama', field: 'name', code: 'empty_name', value: '' },
      { line: 3, column: 'Nama', field: 'name', code: 'empty_name', value: '' },
      { line: 5, column: 'Nama', field: 'name', code: 'empty_name', value: '' },
    ]);
  });

  it('formula-name.csv: formulas are errors; a +62 phone is not a formula; "=62..." is a bad phone', async () => {
    const { rows, problems } = await importFixture('formula-name.csv');
    expect(rows).toEqual([
      {
        line: 2,
        valid: false,
        values: values({ name: '=HYPERLINK("http://x","klik")', institution: 'Dinas Kominfo', phone: '081234567890' }),
      },
      { line: 3, valid: false, values: values({ name: 'Rina Marlina', institution: '@SUM(A1)', phone: '081234567890' }) },
      { line: 4, valid: false, values: values({ name: 'Joko Susilo', institution: 'Dinas Sosial', phone: '=6281234567890' }) },
      {
        line: 5,
        valid: false,
        values: values({ name: 'Budi Hartono', institution: '-Bagian Umum', phone: '081234567890', role: 'Narasumber' }),
      },
      {
        line: 6,
        valid: true,
        values: values({ name: 'Dewi Lestari', institution: 'Dinas A - Bidang B', phone: null, role: 'Panitia' }),
      },
    ]);
    expect(problems).toEqual([
      { line: 2, column: 'Nama', field: 'name', code: 'formula', value: '=HYPERLINK("http://x","klik")' },
      { line: 3, column: 'Instansi', field: 'institution', code: 'formula', value: '@SUM(A1)' },
      { line: 4, column: 'No HP', field: 'phone', code: 'bad_phone', value: '=6281234567890' },
      { line: 5, column: 'Instansi', field: 'institution', code: 'formula', value: '-Bagian Umum' },
    ]);
  });

  it('truncated-row.csv: the short last row is padded and reported', async () => {
    const { rows, problems } = await importFixture('truncated-row.csv');
    expect(rows).toEqual([
      {
        line: 2,
        valid: true,
        values: values({ name: 'Andi Saputra', gender: 'L', regency: 'Kota Metro', phone: '081211112222', role: 'Peserta' }),
      },
      {
        line: 3,
        valid: true,
        values: values({ name: 'Rina Marlina', gender: 'P', regency: 'Kota Metro', phone: '081233334444', role: 'Narasumber' }),
      },
      {
        line: 4,
        valid: false,
        values: values({ name: 'René Hutapea', gender: 'L', regency: 'Kota Me', phone: null, role: 'Peserta' }),
      },
    ]);
    expect(problems).toEqual([{ line: 4, column: 'No HP', field: 'phone', code: 'short_row', value: '' }]);
  });

  it('unquoted-comma.csv: a name split by an unquoted comma is reported as shifted columns, with the row as split', async () => {
    const { rows, problems } = await importFixture('unquoted-comma.csv');
    expect(rows.map((r) => [r.line, r.valid])).toEqual([
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(problems.filter((p) => p.line === 3)).toEqual([
      {
        line: 3,
        column: '',
        field: null,
        code: 'long_row',
        value: 'Yusuf Efendi | S.H. | L | Kabupaten Lampung Barat | 0822-3333-4444 | Peserta',
      },
      { line: 3, column: 'L/P', field: 'gender', code: 'bad_gender', value: 'S.H.' },
      { line: 3, column: 'No HP', field: 'phone', code: 'bad_phone', value: 'Kabupaten Lampung Barat' },
      { line: 3, column: 'Peran', field: 'role', code: 'unknown_role', value: '0822-3333-4444' },
    ]);
  });

  it('an untitled column that most rows fill is data, not a shift; xlsx never shifts', async () => {
    const notes = 'Nama,Peran\nAni,Peserta,datang terlambat\nBudi,Peserta,vegetarian\nCici,Panitia\n';
    const table = await readTable(new TextEncoder().encode(notes), 'x.csv');
    expect(validateRows(table, guessMapping(table.headers), ROLES).problems).toEqual([]);
    const xlsx = { ...table, format: 'xlsx' as const, rows: [['Ani', 'Peserta', 'catatan']] };
    expect(validateRows(xlsx, guessMapping(table.headers), ROLES).problems).toEqual([]);
  });

  it('peserta.xlsx: leading zero restored on numeric phones, numeric 16-digit NIK refused', async () => {
    const { table, rows, problems } = await importFixture('peserta.xlsx');
    expect(table.format).toBe('xlsx');
    expect(rows).toEqual([
      {
        line: 2,
        valid: true,
        values: values({
          name: 'Ani Wijaya',
          gender: 'P',
          regency: 'Kota Metro',
          nik: '3201234567890001',
          phone: '08123456789',
          email: 'ani@example.go.id',
          role: 'Peserta',
          // The "Tanggal Lahir" column maps to the date of birth since issue 20 (an Excel date cell).
          birthDate: '1990-05-17',
        }),
      },
      {
        line: 3,
        valid: false,
        values: values({
          name: 'Bambang Sutrisno',
          gender: 'L',
          regency: 'Kota Metro',
          nik: '3201234567890120',
          phone: '081234567890',
          role: 'Narasumber',
          birthDate: '1985-12-01',
        }),
      },
      {
        line: 5,
        valid: true,
        values: values({
          name: 'Citra Lestari',
          gender: 'P',
          regency: 'Kabupaten Pesawaran',
          phone: '081234567890',
          email: 'citra@example.com',
          role: 'Panitia',
        }),
      },
    ]);
    expect(problems).toEqual([{ line: 3, column: 'NIK', field: 'nik', code: 'nik_as_number', value: '3201234567890120' }]);
  });
});

/** A one-row table built by hand, for rules the fixtures do not cover. */
function one(cells: Record<string, string>, numeric: string[] = [], roles = ROLES) {
  const headers = Object.keys(cells);
  const table: Table = {
    format: numeric.length ? 'xlsx' : 'csv',
    headers,
    rows: [Object.values(cells)],
    lines: [2],
    ...(numeric.length ? { numeric: [headers.map((h) => numeric.includes(h))] } : {}),
  };
  const mapping = headers.map((h) => h as Field);
  const { rows, problems } = validateRows(table, mapping, roles);
  return { row: rows[0]!, codes: problems.map((p) => p.code), problems };
}

describe('validateRows rules', () => {
  it('reads every gender spelling', () => {
    const expected: [string, 'L' | 'P' | null][] = [
      ['L', 'L'],
      ['l', 'L'],
      ['Laki-laki', 'L'],
      ['LAKI LAKI', 'L'],
      ['Pria', 'L'],
      ['M', 'L'],
      ['male', 'L'],
      ['P', 'P'],
      ['p', 'P'],
      ['Perempuan', 'P'],
      ['WANITA', 'P'],
      ['F', 'P'],
      ['Female', 'P'],
      ['', null],
    ];
    for (const [raw, g] of expected) {
      const { row, codes } = one({ name: 'Ani', gender: raw });
      expect([raw, row.values.gender, codes]).toEqual([raw, g, []]);
    }
    expect(one({ name: 'Ani', gender: 'Lainnya' }).codes).toEqual(['bad_gender']);
  });

  it('matches roles case-insensitively, with English synonyms, and defaults to roles[0]', () => {
    const cases: [string, string][] = [
      ['', 'Peserta'],
      ['PESERTA', 'Peserta'],
      ['narasumber', 'Narasumber'],
      ['Participant', 'Peserta'],
      ['Speaker', 'Narasumber'],
      ['resource  person', 'Narasumber'],
      ['Committee', 'Panitia'],
      ['staff', 'Panitia'],
    ];
    for (const [raw, role] of cases) expect([raw, one({ name: 'Ani', role: raw }).row.values.role]).toEqual([raw, role]);
    expect(one({ name: 'Ani', role: 'Moderator' }).problems).toEqual([
      { line: 2, column: 'role', field: 'role', code: 'unknown_role', value: 'Moderator' },
    ]);
    // The event's own roles, in its own order: the first is the default.
    expect(one({ name: 'Ani', role: '' }, [], ['Tamu', 'Peserta']).row.values.role).toBe('Tamu');
    expect(one({ name: 'Ani', role: 'tamu' }, [], ['Tamu', 'Peserta']).row.values.role).toBe('Tamu');
    expect(one({ name: 'Ani', role: 'Speaker' }, [], ['Tamu', 'Peserta']).codes).toEqual(['unknown_role']);
  });

  it('keeps phones as text and checks their length', () => {
    const cases: [string, string | null, string[]][] = [
      ['0812-3456-7890', '081234567890', []],
      ['(021) 3193.6207', '02131936207', []],
      ['+62 812 3456 7890', '081234567890', []], // one national form (issue 9.6)
      ['0812345', '0812345', ['bad_phone']], // 7 digits
      ['1234567890123456', '1234567890123456', ['bad_phone']], // 16 digits
      ['0812 3456 7890 / 0813', '0812 3456 7890 / 0813', ['bad_phone']],
      ['08123456789', '08123456789', []],
    ];
    for (const [raw, phone, codes] of cases) {
      const r = one({ name: 'Ani', phone: raw });
      expect([raw, r.row.values.phone, r.codes]).toEqual([raw, phone, codes]);
    }
  });

  it('restores the leading 0 only for numeric xlsx phones starting with 8', () => {
    expect(one({ name: 'Ani', phone: '8123456789' }, ['phone']).row.values.phone).toBe('08123456789');
    // A number cell with the country code: the national form, like every other phone (issue 9.6).
    expect(one({ name: 'Ani', phone: '6281234567890' }, ['phone']).row.values.phone).toBe('081234567890');
    // As text, "8123456789" is what the organiser typed: not guessed at.
    expect(one({ name: 'Ani', phone: '8123456789' }).row.values.phone).toBe('8123456789');
  });

  it('checks NIK (16 digits) and NIP (18 digits), and numbers that lost digits', () => {
    const cases: [string, string[], string, string | null][] = [
      ['3201 2345 6789 0001', [], '', '3201234567890001'],
      ['198703152010012003', [], '', '198703152010012003'],
      ['32012345678900011', ['bad_nik'], '', '32012345678900011'],
      ['3201-2345-6789-0001', ['bad_nik'], '', '3201-2345-6789-0001'],
      ['3,20123E+15', ['nik_as_number'], '', '3,20123E+15'],
      ['3201234567890120', ['nik_as_number'], 'nik', '3201234567890120'],
      ['198703152010012000', ['nik_as_number'], 'nik', '198703152010012000'],
      ['320123456789012', ['bad_nik'], 'nik', '320123456789012'],
    ];
    for (const [raw, codes, numeric, nik] of cases) {
      const r = one({ name: 'Ani', nik: raw }, numeric ? [numeric] : []);
      expect([raw, r.codes, r.row.values.nik, r.row.valid]).toEqual([raw, codes, nik, codes.length === 0]);
    }
  });

  it('checks emails loosely', () => {
    expect(one({ name: 'Ani', email: 'ani.w@dinkes.lampungprov.go.id' }).codes).toEqual([]);
    for (const bad of ['ani', 'ani@', 'ani@dinkes', 'ani @x.id', 'a@b@c.id']) {
      expect([bad, one({ name: 'Ani', email: bad }).codes]).toEqual([bad, ['bad_email']]);
    }
  });

  it('flags formulas in free text as errors the organiser may override (issue 9.13)', () => {
    for (const f of ['=1+1', '+SUM(A1)', '-cmd', '@A1', '+(1)', '=HYPERLINK("x")']) {
      const r = one({ name: 'Ani', institution: f });
      expect([f, r.codes, r.row.valid, r.row.values.institution]).toEqual([f, ['formula'], false, f]);
      const name = one({ name: f });
      expect([f, name.codes, name.row.valid]).toEqual([f, ['formula'], false]);
      const allowed = validateRows({ format: 'csv', headers: ['name'], rows: [[f]], lines: [2] }, ['name'], ROLES, {
        allowFormulas: true,
      });
      expect([f, allowed.rows[0]!.valid, allowed.rows[0]!.values.name]).toEqual([f, true, f]);
    }
    for (const plain of ['+62 812', '-', '- Ani', 'A=B', '-5', '@', '=']) {
      expect([plain, one({ name: 'Ani', institution: plain }).codes]).toEqual([plain, []]);
    }
  });

  it('collapses whitespace in names and refuses values over the length limits', () => {
    expect(one({ name: '  Ani \t  Wijaya\n S.H. ' }).row.values.name).toBe('Ani Wijaya S.H.');
    expect(one({ name: 'a'.repeat(200) }).codes).toEqual([]);
    const long = one({ name: 'a'.repeat(201), district: 'b'.repeat(121) });
    expect(long.problems).toEqual([
      { line: 2, column: 'name', field: 'name', code: 'too_long', value: 'a'.repeat(201) },
      { line: 2, column: 'district', field: 'district', code: 'too_long', value: 'b'.repeat(121) },
    ]);
    expect(long.row.valid).toBe(false);
  });

  it('uses the first column when a field is mapped twice, and reports a missing name column', () => {
    const table: Table = { format: 'csv', headers: ['A', 'B', 'C'], rows: [['Ani', 'Budi', 'x']], lines: [2] };
    expect(validateRows(table, ['name', 'name', null], ROLES).rows[0]!.values.name).toBe('Ani');
    expect(validateRows(table, [null, null, null], ROLES).problems).toEqual([
      { line: 2, column: '', field: 'name', code: 'empty_name', value: '' },
    ]);
  });

  it('finds duplicates by external ID first, then by NIK', () => {
    const table: Table = {
      format: 'csv',
      headers: ['ID', 'Nama', 'NIK'],
      rows: [
        ['P-1', 'Ani', '3201234567890001'],
        ['P-2', 'Ani', '3201234567890001'],
        ['P-1', 'Budi', ''],
      ],
      lines: [2, 3, 4],
    };
    const { rows, problems } = validateRows(table, ['externalId', 'name', 'nik'], ROLES);
    // P-2 carries P-1's NIK: one NIK is one person, so the organiser must decide which row is right.
    expect(rows.map((r) => r.valid)).toEqual([true, false, false]);
    expect(problems).toEqual([
      { line: 3, column: 'NIK', field: 'nik', code: 'duplicate_row', value: '3201234567890001' },
      { line: 4, column: 'ID', field: 'externalId', code: 'duplicate_row', value: 'P-1' },
    ]);
  });

  it('every problem is an error; formula alone can be overridden (issue 9.13)', () => {
    expect(PROBLEM_CODES.filter((c) => isWarning(c))).toEqual([]);
    expect(PROBLEM_CODES.filter((c) => isWarning(c, { allowFormulas: true }))).toEqual(['formula']);
    // control_char (issue 8.11) the 13th, invisible_name (issue 18.9) the 14th; bad_nip, bad_birth_date, bad_npwp, bad_account (issue 20)
    expect(PROBLEM_CODES).toHaveLength(18);
  });
});

describe('match keys', () => {
  it('normaliseKey folds accents, case and punctuation', () => {
    expect(normaliseKey('  BÚDI  Santoso, S.H. ')).toBe('budi santoso s h');
    expect(normaliseKey('Ni Luh Putu Ayu Kusumawati')).toBe('ni luh putu ayu kusumawati');
    expect(normaliseKey('José Hernández')).toBe(normaliseKey('jose hernandez'));
    expect(normaliseKey('Kab. Lampung-Barat')).toBe('kab lampung barat');
    expect(normaliseKey('—')).toBe('');
  });

  it('finds duplicates within a file by the same rule as re-imports: ID, then NIK, then name + regency', () => {
    const table: Table = {
      format: 'csv',
      headers: ['ID', 'Nama', 'Kabupaten/Kota', 'NIK'],
      rows: [
        ['', 'Siti Aminah', 'Kota Metro', ''],
        ['', 'SITI  AMINAH', 'Kota Metro', '1871010101010003'], // the same Siti, now with her NIK
        ['', 'Budi', 'Kota Metro', '1871010101010099'],
        ['P-7', 'Budi Santoso', 'Kota Metro', '1871010101010099'], // same NIK: same person
        ['P-8', 'Rina', 'Kota Metro', ''],
        ['P-8', 'Rina Marlina', 'Kabupaten Tanggamus', ''], // same organiser ID
        ['', 'Rahmat', 'Kota Metro', '1871010101010011'],
        ['', 'Rahmat', 'Kota Metro', '1871010101010022'], // another Rahmat: the NIKs differ
      ],
      lines: [2, 3, 4, 5, 6, 7, 8, 9],
    };
    const { problems } = validateRows(table, ['externalId', 'name', 'regency', 'nik'], ROLES);
    expect(problems).toEqual([
      { line: 3, column: 'Nama', field: 'name', code: 'duplicate_row', value: 'SITI AMINAH' },
      { line: 5, column: 'NIK', field: 'nik', code: 'duplicate_row', value: '1871010101010099' },
      { line: 7, column: 'ID', field: 'externalId', code: 'duplicate_row', value: 'P-8' },
    ]);
  });
});

// Rules the fixtures above leave out, each asserted as the organiser's preview shows it: the row
// kept or refused, the cell named, the value shown (found by mutation testing, issue 22).
describe('validateRows: what the preview shows for each refused cell', () => {
  it('reads the short spellings Lk, Pr and LakiLaki', () => {
    for (const [raw, g] of [
      ['Lk', 'L'],
      ['LakiLaki', 'L'],
      ['Pr', 'P'],
    ] as const) {
      const { row, codes } = one({ name: 'Ani', gender: raw });
      expect([raw, row.values.gender, codes]).toEqual([raw, g, []]);
    }
  });

  it('refuses an e-mail over 200 characters as too long, not as a bad address', () => {
    const long = `${'a'.repeat(190)}@dinsos.go.id`;
    expect(one({ name: 'Ani', email: long }).problems).toEqual([
      { line: 2, column: 'email', field: 'email', code: 'too_long', value: long },
    ]);
    const fits = `${'a'.repeat(187)}@dinsos.go.id`;
    expect(fits).toHaveLength(200);
    expect(one({ name: 'Ani', email: fits }).row).toMatchObject({ valid: true, values: { email: fits } });
  });

  it('names a control character by its picture, keeps the cell without it, and refuses the row', () => {
    const { row, problems } = one({ name: 'Budi\u0000 Santoso', regency: '\u0007' });
    expect(problems).toEqual([
      { line: 2, column: 'name', field: 'name', code: 'control_char', value: 'Budi\u2400 Santoso' },
      { line: 2, column: 'regency', field: 'regency', code: 'control_char', value: '\u2407' },
    ]);
    // Every control character is taken out, not only the first; a cell of nothing else is empty.
    expect(one({ name: 'A\u0001B\u0002C' }).row.values.name).toBe('ABC');
    expect(row.values).toMatchObject({ name: 'Budi Santoso', regency: null });
    expect(row.valid).toBe(false);
  });

  it('shows a name of invisible characters by code point, four hex digits at least', () => {
    const { row, problems } = one({ name: '\u200b\u3164' });
    expect(problems).toEqual([{ line: 2, column: 'name', field: 'name', code: 'invisible_name', value: 'U+200B U+3164' }]);
    expect(row.valid).toBe(false);
    // A tag character (U+E0020 and up: five hex digits) is shown whole; a soft hyphen padded.
    expect(one({ name: '\u00ad\u{e0101}' }).problems.map((p) => p.value)).toEqual(['U+00AD U+E0101']);
  });

  it('cuts the split row shown for a stray comma at 160 characters', () => {
    const cells = ['Yusuf Efendi', 'S.H.', 'L', 'x'.repeat(200)];
    const table: Table = {
      format: 'csv',
      headers: ['Nama', 'L/P', 'Kabupaten/Kota'],
      rows: [['Ani', 'P', 'Metro'], ['Budi', 'L', 'Metro'], cells],
      lines: [2, 3, 4],
    };
    const long = validateRows(table, ['name', 'gender', 'regency'], ROLES).problems.find((p) => p.code === 'long_row')!;
    const whole = cells.join(' | ');
    expect(long.value).toBe(`${whole.slice(0, 159)}…`);
    expect(long.value).toHaveLength(160);
    // 160 characters exactly are shown as they are.
    const exact = ['Yusuf Efendi', 'S.H.', 'L', 'x'.repeat(160 - 'Yusuf Efendi | S.H. | L | '.length)];
    const shown = validateRows(
      { ...table, rows: [['Ani', 'P', 'Metro'], ['Budi', 'L', 'Metro'], exact] },
      ['name', 'gender', 'regency'],
      ROLES,
    ).problems.find((p) => p.code === 'long_row')!;
    expect(shown.value).toBe(exact.join(' | '));
  });

  it('takes trailing empty cells for no cells at all, and a notes column for data only when most rows fill it', () => {
    const t = (rows: string[][]): Table => ({
      format: 'csv',
      headers: ['Nama', 'Peran'],
      rows,
      lines: rows.map((_, i) => i + 2),
    });
    const map: (Field | null)[] = ['name', 'role'];
    // "Ani,Peserta,," is two cells wide: no shifted row.
    expect(validateRows(t([['Ani', 'Peserta', ' ', '']]), map, ROLES).problems).toEqual([]);
    // Two of four rows fill a third column: not most, so both are reported.
    const half = validateRows(
      t([
        ['Ani', 'Peserta', 'x'],
        ['Budi', 'Peserta', 'y'],
        ['Cici', 'Panitia'],
        ['Dedi', 'Panitia'],
      ]),
      map,
      ROLES,
    );
    expect(half.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'long_row'],
      [3, 'long_row'],
    ]);
    // Three of four: the third column is data.
    const most = t([
      ['Ani', 'Peserta', 'x'],
      ['Budi', 'Peserta', 'y'],
      ['Cici', 'Panitia', 'z'],
      ['Dedi', 'Panitia'],
    ]);
    expect(validateRows(most, map, ROLES).problems).toEqual([]);
  });

  it('numbers rows from the table, or from the header down when it has no line numbers', () => {
    const table: Table = { format: 'csv', headers: ['Nama'], rows: [[''], ['Ani'], ['']], lines: [] };
    expect(validateRows(table, ['name'], ROLES).problems.map((p) => p.line)).toEqual([2, 4]);
  });

  it('shows a stray-comma row with its cells trimmed and without its trailing empty cells', () => {
    const table: Table = {
      format: 'csv',
      headers: ['Nama', 'L/P'],
      rows: [
        ['Ani', 'P'],
        ['Budi', 'L'],
        ['', ''],
        [' Yusuf Efendi', ' S.H. ', 'L', '', ' '],
      ],
      lines: [2, 3, 4, 5],
    };
    const { problems } = validateRows(table, ['name', 'gender'], ROLES);
    expect(problems.filter((p) => p.line === 5)).toEqual([
      { line: 5, column: '', field: null, code: 'long_row', value: 'Yusuf Efendi | S.H. | L' },
      { line: 5, column: 'L/P', field: 'gender', code: 'bad_gender', value: 'S.H.' },
    ]);
    // The blank row is a row without a name, not a shifted one.
    expect(problems.filter((p) => p.line === 4).map((p) => p.code)).toEqual(['empty_name']);
  });

  it('never reports a shifted row in a spreadsheet file, however few rows fill the extra cell', () => {
    const table: Table = {
      format: 'xlsx',
      headers: ['Nama', 'Peran'],
      rows: [
        ['Ani', 'Peserta', 'catatan'],
        ['Budi', 'Peserta'],
        ['Cici', 'Panitia'],
      ],
      lines: [2, 3, 4],
    };
    expect(validateRows(table, ['name', 'role'], ROLES).problems).toEqual([]);
  });

  it('tells a NIK that lost digits in a number cell from one that is simply wrong', () => {
    const cases: [string, string[], string][] = [
      ['3,20123E15', ['nik_as_number'], ''], // scientific notation without "+"
      ['3.20123e+15', ['nik_as_number'], ''],
      ['32,0123E+15', ['bad_nik'], ''], // not how a spreadsheet writes a number
      ['NIK 3,20123E+15', ['bad_nik'], ''],
      ['3,20123E+15 KTP', ['bad_nik'], ''],
      ['1.5', ['bad_nik'], 'nik'], // a number cell with a decimal: too short, not cut
    ];
    for (const [raw, codes, numeric] of cases) {
      expect([raw, one({ name: 'Ani', nik: raw }, numeric ? [numeric] : []).codes]).toEqual([raw, codes]);
    }
  });

  it('ignores a field mapped to a column the header does not have', () => {
    const table: Table = { format: 'csv', headers: ['Nama'], rows: [['Ani', '3201234567890001']], lines: [2] };
    const { rows } = validateRows(table, ['name', 'nik'], ROLES);
    expect(rows[0]!.values.nik).toBeNull();
  });
});
