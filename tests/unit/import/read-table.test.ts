import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readTable } from '../../../electron/core/participants/import/read-table';
import { fixture, rejection, utf8 } from './helpers';

describe('readTable on the fixtures', () => {
  it('reads Windows-1252, ";"-delimited CRLF from Indonesian Excel', async () => {
    const t = await readTable(fixture('win1252-semicolon.csv'), 'win1252-semicolon.csv');
    expect(t).toEqual({
      format: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      headers: ['No', 'Nama', 'L/P', 'Asal Daerah', 'Instansi', 'No. HP', 'Peran'],
      rows: [
        ['1', 'José Hernández', 'L', 'Kota Bandung', 'Universitas Padjadjaran, Fakultas Hukum', '0812-3456-7890', 'Narasumber'],
        [
          '2',
          'Ni Luh Putu Ayu Kusumawati',
          'Perempuan',
          'Kabupaten Gianyar',
          'Dinas Pariwisata – Bidang Promosi',
          '+62 813 1111 2222',
          'peserta',
        ],
        ['3', 'Iñaki Muñoz', 'Pria', 'Kota Denpasar', 'Yayasan "Bali Sehat"; Denpasar', '(0361) 222-333', 'Participant'],
      ],
      lines: [2, 3, 4],
    });
  });

  it('reads UTF-8 with a BOM (the BOM does not stick to the first header)', async () => {
    const t = await readTable(fixture('utf8-bom.csv'), 'utf8-bom.csv');
    expect(t).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      headers: ['Nama Peserta', 'Jenis Kelamin', 'Kabupaten/Kota', 'Kecamatan', 'Email', 'NIK'],
      rows: [
        ['Đặng Thị Hồng Nhung', 'Wanita', 'Kota Metro', 'Metro Pusat', 'nhung@example.org', '3201 2345 6789 0001'],
        ['Made Wirawan, S.Kom.', 'laki-laki', 'Kabupaten Badung', 'Kuta Selatan', 'made@example', '3201234567890'],
        ['Siti Nurjanah', 'X', 'Kota Metro', 'Metro Barat', 'siti@example.go.id', '198703152010012003'],
      ],
      lines: [2, 3, 4],
    });
  });

  it('reads UTF-16 LE tab-delimited "Unicode text"', async () => {
    const t = await readTable(fixture('utf16le.csv'), 'utf16le.csv');
    expect(t).toEqual({
      format: 'csv',
      encoding: 'utf-16le',
      delimiter: '\t',
      headers: ['Name', 'Gender', 'City', 'Institution', 'Phone', 'Role'],
      rows: [
        ['Đặng Văn Lâm', 'Male', 'Ho Chi Minh City', 'Yayasan "Harapan Bangsa"', '+84 90 123 4567', 'Speaker'],
        ["Sarah O'Connor", 'F', 'Jakarta Selatan', 'UNICEF Indonesia', '0812 9876 5432', 'Resource person'],
        ['Budi Hartono', 'M', 'Kota Bogor', 'Kementerian PPN/Bappenas', '021-3193-6207', 'Committee'],
      ],
      lines: [2, 3, 4],
    });
  });

  it('keeps newlines inside quoted values, one spreadsheet row each', async () => {
    const t = await readTable(fixture('quoted-newline.csv'), 'quoted-newline.csv');
    expect(t).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      headers: ['Nama', 'Instansi', 'Alamat', 'Telp'],
      rows: [
        [
          'Rahmat Hidayat',
          'Dinas Kesehatan\nKabupaten Lampung Barat',
          'Jl. Raden Intan No. 5\r\nRT 01/RW 02\r\nLiwa',
          '0812-7000-1111',
        ],
        ['Sri Wahyuni', 'Puskesmas Natar', 'Jl. Raya Natar, Lampung Selatan', '081270002222'],
      ],
      // Row 3 starts on text line 6, but Excel shows it as row 3.
      lines: [2, 3],
    });
  });

  it('reads CR-only line ends (old Mac Excel)', async () => {
    const t = await readTable(fixture('duplicate-row.csv'), 'duplicate-row.csv');
    expect(t).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      headers: ['No', 'Nama', 'Kabupaten/Kota', 'NIK/NIP'],
      rows: [
        ['1', 'Budi Santoso', 'Kota Metro', ''],
        ['2', 'Siti Aminah', 'Kota Metro', '198703152010012003'],
        ['3', 'BÚDI  SANTOSO', 'kota metro', ''],
        ['4', 'Budi Santoso', 'Kota Bandar Lampung', ''],
        ['5', 'Sitti Aminah', 'Kota Metro', '198703152010012003'],
      ],
      lines: [2, 3, 4, 5, 6],
    });
  });

  it('drops empty lines but keeps the row numbers Excel shows', async () => {
    const t = await readTable(fixture('empty-name.csv'), 'empty-name.csv');
    expect(t).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      headers: ['Nama', 'L/P', 'Peran'],
      rows: [
        ['', 'L', 'Peserta'],
        ['', 'P', ''],
        ['', 'L', 'Panitia'],
        ['Agus Salim', 'L', ''],
      ],
      lines: [2, 3, 5, 6],
    });
  });

  it('reads formula-looking text as text', async () => {
    const t = await readTable(fixture('formula-name.csv'), 'formula-name.csv');
    expect(t).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      headers: ['Nama', 'Instansi', 'No HP', 'Peran'],
      rows: [
        ['=HYPERLINK("http://x","klik")', 'Dinas Kominfo', '081234567890', 'Peserta'],
        ['Rina Marlina', '@SUM(A1)', '+6281234567890', 'Peserta'],
        ['Joko Susilo', 'Dinas Sosial', '=6281234567890', 'Peserta'],
        ['Budi Hartono', '-Bagian Umum', '+62 (812) 3456-7890', 'Narasumber'],
        ['Dewi Lestari', 'Dinas A - Bidang B', '-', 'Panitia'],
      ],
      lines: [2, 3, 4, 5, 6],
    });
  });

  it('refuses a file cut inside a quoted value, naming the line the quote opened on', async () => {
    const err = await rejection(readTable(fixture('truncated.csv'), 'truncated.csv'));
    expect(err.code).toBe('import_unreadable');
    expect(err.params).toEqual({ quoteLine: 4 });
  });

  it('keeps a cut-off last row short (validation reports it)', async () => {
    const t = await readTable(fixture('truncated-row.csv'), 'truncated-row.csv');
    expect(t).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ',',
      headers: ['Nama', 'Jenis Kelamin', 'Kabupaten/Kota', 'No HP', 'Peran'],
      rows: [
        ['Andi Saputra', 'L', 'Kota Metro', '081211112222', 'Peserta'],
        ['Rina Marlina', 'P', 'Kota Metro', '081233334444', 'Narasumber'],
        ['René Hutapea', 'L', 'Kota Me'],
      ],
      lines: [2, 3, 4],
    });
  });

  it('reads xlsx: first sheet with data, every kind of cell as text, numeric cells flagged', async () => {
    const t = await readTable(fixture('peserta.xlsx'), 'peserta.xlsx');
    expect(t).toEqual({
      format: 'xlsx',
      headers: ['No', 'Nama', 'L/P', 'Kab/Kota', 'NIK', 'No HP', 'Email', 'Tanggal Lahir', 'Peran', 'Nilai'],
      rows: [
        // rich text, text NIK, numeric phone, hyperlink, date
        [
          '1',
          'Ani Wijaya',
          'P',
          'Kota Metro',
          '3201234567890001',
          '8123456789',
          'ani@example.go.id',
          '1990-05-17',
          'Peserta',
          '1.5',
        ],
        // formula result, numeric NIK (16th digit already lost), no exponent notation
        [
          '2',
          'Bambang Sutrisno',
          'L',
          'Kota Metro',
          '3201234567890120',
          '0812-3456-7890',
          '',
          '1985-12-01',
          'Narasumber',
          '12345678901234567000',
        ],
        // inner spaces are left for validation; empty cells; string formula
        [
          '3',
          'Citra   Lestari',
          'Perempuan',
          'Kabupaten Pesawaran',
          '',
          '81234567890',
          'citra@example.com',
          '',
          'Panitia',
          '0.0000001',
        ],
      ],
      lines: [2, 3, 5],
      numeric: [
        [true, false, false, false, false, true, false, false, false, true],
        [true, false, false, false, true, false, false, false, false, true],
        [true, false, false, false, false, true, false, false, false, true],
      ],
    });
  });
});

describe('readTable encodings and edge cases', () => {
  it('detects BOM-less UTF-16 LE by its zero bytes', async () => {
    const bytes = iconv.encode('Nama\tKota\r\nDéwi\tKota Metro\r\n', 'utf-16le');
    const t = await readTable(bytes, 'x.txt');
    expect(t).toEqual({
      format: 'csv',
      encoding: 'utf-16le',
      delimiter: '\t',
      headers: ['Nama', 'Kota'],
      rows: [['Déwi', 'Kota Metro']],
      lines: [2],
    });
  });

  it('reads UTF-16 BE with a BOM and BOM-less', async () => {
    const body = iconv.encode('Nama;Kota\nDéwi;Kota Metro\n', 'utf-16be');
    for (const bytes of [Buffer.concat([Buffer.from([0xfe, 0xff]), body]), body]) {
      const t = await readTable(bytes, 'x.csv');
      expect(t).toEqual({
        format: 'csv',
        encoding: 'utf-16be',
        delimiter: ';',
        headers: ['Nama', 'Kota'],
        rows: [['Déwi', 'Kota Metro']],
        lines: [2],
      });
    }
  });

  it('keeps a UTF-8 file cut mid-character as UTF-8 (no Windows-1252 mojibake)', async () => {
    const full = utf8('Nama,Kota\nJosé Rizal,Kota Metro\nRené');
    const t = await readTable(full.subarray(0, full.length - 1), 'x.csv');
    expect(t.encoding).toBe('utf-8');
    expect(t.rows).toEqual([['José Rizal', 'Kota Metro'], ['Ren']]);
  });

  it('trims stray spaces, tolerates spaces before a quote and quotes inside unquoted text', async () => {
    const t = await readTable(utf8(' Nama , Kota \n  Ani  , "Kota, Metro" \nBudi 5\'3" ,Metro\n'), 'x.csv');
    expect(t.headers).toEqual(['Nama', 'Kota']);
    expect(t.rows).toEqual([
      ['Ani', 'Kota, Metro'],
      ['Budi 5\'3"', 'Metro'],
    ]);
  });

  it('does not split a single-column file on commas inside names', async () => {
    const t = await readTable(utf8('Nama\nYusuf Efendi, S.H.\nMariana\n'), 'x.csv');
    expect(t).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      headers: ['Nama'],
      rows: [['Yusuf Efendi, S.H.'], ['Mariana']],
      lines: [2, 3],
    });
  });

  it('drops trailing empty header columns, empty cells past them, and Excel blank rows (";;;")', async () => {
    const t = await readTable(utf8('Nama;HP;;\r\nAni;0812345678;;\r\n;;;\r\nBudi;;;\r\n'), 'x.csv');
    expect(t.headers).toEqual(['Nama', 'HP']);
    expect(t.rows).toEqual([
      ['Ani', '0812345678'],
      ['Budi', ''],
    ]);
    expect(t.lines).toEqual([2, 4]);
  });

  it('refuses an empty file, blank lines only, and an old .xls', async () => {
    for (const bytes of [new Uint8Array(0), utf8('\r\n\r\n;;\r\n'), new Uint8Array([0xef, 0xbb, 0xbf])]) {
      const err = await rejection(readTable(bytes, 'x.csv'));
      expect(err.code).toBe('import_unreadable');
    }
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const err = await rejection(readTable(xls, 'peserta.xls'));
    expect(err.code).toBe('import_unreadable');
    expect(err.params).toEqual({ format: 'xls' });
  });

  it('refuses a damaged ZIP as unreadable, whatever its name', async () => {
    const err = await rejection(readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'peserta.csv'));
    expect(err.code).toBe('import_unreadable');
  });

  it('decides xlsx by content, not by name', async () => {
    const t = await readTable(fixture('peserta.xlsx'), 'peserta.csv');
    expect(t.format).toBe('xlsx');
  });
});

describe('readTable limits', () => {
  it('refuses 20 MB + 1 byte before parsing anything', async () => {
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
    // Starts with an unterminated quote: if it were parsed first, the error would be import_unreadable.
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    bytes[0] = 0x22;
    const err = await rejection(readTable(bytes, 'big.csv'));
    expect(err.code).toBe('import_too_large');
    expect(err.params).toEqual({ bytes: MAX_IMPORT_BYTES + 1, max: MAX_IMPORT_BYTES });
  });

  it('accepts exactly 50,000 data rows and refuses 50,001', async () => {
    expect(MAX_IMPORT_ROWS).toBe(50_000);
    const csv = (n: number) => utf8('Nama\n' + 'Ani\n'.repeat(n));
    expect((await readTable(csv(50_000), 'ok.csv')).rows.length).toBe(50_000);
    const err = await rejection(readTable(csv(50_001), 'big.csv'));
    expect(err.code).toBe('import_too_large');
    expect(err.params).toEqual({ rows: 50_001, max: 50_000 });
  });
});

describe('CSV round trip (property)', () => {
  const char = fc.constantFrom('a', 'B', 'é', ' ', '"', ',', ';', '\t', '\n', '\r', '-', '1');
  const cellArb = fc.string({ unit: char, maxLength: 8 });
  const quote = (s: string) => (/[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

  it('reads back what a spreadsheet would write, in any delimiter, line end and encoding', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.record({
            headers: fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,6}[A-Za-z]$/), { minLength: width, maxLength: width }),
            rows: fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), { maxLength: 5 }),
            delimiter: fc.constantFrom(',', ';', '\t'),
            eol: fc.constantFrom('\r\n', '\n', '\r'),
            encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'),
          }),
        ),
        async ({ headers, rows, delimiter, eol, encoding }) => {
          const text = [headers, ...rows].map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
          const bytes =
            encoding === 'utf-8'
              ? utf8(text)
              : encoding === 'utf-8-bom'
                ? utf8('\ufeff' + text)
                : encoding === 'utf-16le'
                  ? iconv.encode(text, 'utf-16le', { addBOM: true })
                  : iconv.encode(text, 'win1252');
          const t = await readTable(bytes, 'x.csv');
          const trimmed = rows.map((r) => r.map((c) => c.trim()));
          const kept = trimmed.map((r, i) => ({ r, line: i + 2 })).filter(({ r }) => r.some((c) => c !== ''));
          expect(t.headers).toEqual(headers);
          expect(t.rows).toEqual(kept.map((k) => k.r));
          expect(t.lines).toEqual(kept.map((k) => k.line));
          if (headers.length > 1) expect(t.delimiter).toBe(delimiter);
        },
      ),
    );
  });
});
