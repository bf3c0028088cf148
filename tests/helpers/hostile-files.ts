// Hostile and borderline import files, generated (never committed): each one reproduces a defect
// an adversarial probe found (issue 8). Used by the unit tests and by tests/bench/hostile.ts.
import { deflated, repeatedCrc, repeatedDeflate, writeZip, type RawEntry } from './zip-writer';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts around a worksheet; `sheet` is the worksheet entry, already encoded. */
export function workbookWith(sheet: Omit<RawEntry, 'name'>, extra: RawEntry[] = []): Buffer {
  return writeZip([
    deflated(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/></Types>`,
    ),
    deflated(
      '_rels/.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflated(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Peserta" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
    ...extra,
  ]);
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A sheet from XML rows, compressed normally; `after` goes after sheetData (merged cells). */
export const sheetOf = (rows: string, after = '') =>
  workbookWith(deflated('', `${SHEET_HEAD}${rows}</sheetData>${after}</worksheet>`));

/**
 * Defect 1: a header cell in column XFD (16,384 columns) and `rows` rows with values in A, B and
 * XFD. Every row used to be filled out to the header's width: 3,000 rows exhausted the heap.
 */
export function xfdSparse(rows = 3000): Buffer {
  const out = [`<row r="1">${inline('A1', 'Nama')}${inline('B1', 'Kabupaten/Kota')}${inline('XFD1', 'Catatan')}</row>`];
  for (let r = 2; r <= rows + 1; r++) {
    out.push(
      `<row r="${r}">${inline(`A${r}`, `Peserta ${r}`)}${inline(`B${r}`, 'Kota Metro')}<c r="XFD${r}"><v>${r}</v></c></row>`,
    );
  }
  return sheetOf(out.join(''));
}

/** Defect 9: 300 titled columns: more than an import may map. */
export function wideHeader(columns = 300): Buffer {
  const head = Array.from(
    { length: columns },
    (_, c) => `<c t="inlineStr"><is><t>${c === 0 ? 'Nama' : `Kolom ${c}`}</t></is></c>`,
  );
  return sheetOf(`<row r="1">${head.join('')}</row><row r="2">${inline('A2', 'Ani')}</row>`);
}

/**
 * Defect 9: a wide sheet with a few columns in use: titles in A-C and in `last` (KZ is column
 * 312, XFD 16,384), everything between empty. It should import as four columns.
 */
export function wideFewUsed(rows = 1000, last = 'KZ'): Buffer {
  const out = [
    `<row r="1">${inline('A1', 'Nama')}${inline('B1', 'L/P')}${inline('C1', 'Kabupaten/Kota')}${inline(`${last}1`, 'No HP')}</row>`,
  ];
  for (let r = 2; r <= rows + 1; r++) {
    out.push(
      `<row r="${r}">${inline(`A${r}`, `Peserta ${r}`)}${inline(`B${r}`, r % 2 ? 'L' : 'P')}${inline(`C${r}`, 'Kota Metro')}` +
        `${inline(`${last}${r}`, `0812${String(1000000 + r)}`)}</row>`,
    );
  }
  return sheetOf(out.join(''));
}

/**
 * Defect 9 for CSV: `width` columns of which three are in use (A, B and the last one), as Excel
 * writes a sheet with a value in column XFD: a delimiter for every column in between. 16,384
 * columns by 1,200 rows is 19 MB, nearly all of it semicolons; every row used to be kept as
 * 16,384 cells (660 MB for preview and commit).
 */
export function wideFewUsedCsv(width = 16_384, rows = 1_200): Buffer {
  const gap = ';'.repeat(width - 2);
  const lines = [`Nama;Kabupaten/Kota${gap}No HP`];
  for (let r = 0; r < rows; r++) lines.push(`Peserta ${r};Kota Metro${gap}0812${1_000_000 + r}`);
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

/**
 * Cells past the bound: 50,000 rows of 60 filled cells (3,000,000), rows and cells without
 * references (their position is implied), one row compressed once and repeated.
 */
export function manyCells(rows = 50_000, columns = 60): Buffer {
  const header = `<row>${Array.from({ length: columns }, (_, c) => `<c t="inlineStr"><is><t>K${c}</t></is></c>`).join('')}</row>`;
  // 100 rows per compressed piece: one row alone compresses poorly.
  const unit = `<row>${'<c><v>1</v></c>'.repeat(columns)}</row>`.repeat(100);
  const { data, size } = repeatedDeflate(SHEET_HEAD + header, unit, rows / 100, SHEET_TAIL);
  return workbookWith({ data, method: 8, size, crc: repeatedCrc(SHEET_HEAD + header, unit, rows / 100, SHEET_TAIL) });
}

/** One million rows of one name: over the row limit, counted as it streams. */
export function manyRows(rows = 1_000_000): Buffer {
  const head = SHEET_HEAD + '<row><c t="inlineStr"><is><t>Nama</t></is></c></row>';
  const unit = '<row><c t="inlineStr"><is><t>Ani</t></is></c></row>'.repeat(1000);
  const { data, size } = repeatedDeflate(head, unit, rows / 1000, SHEET_TAIL);
  return workbookWith({ data, method: 8, size, crc: repeatedCrc(head, unit, rows / 1000, SHEET_TAIL) });
}

/**
 * Defect 2, first half: a sheet of 4.15 GB of XML (mostly spaces) in a 4 MB file, its size
 * declared honestly in zip64 fields. jszip read the 64-bit size with 32-bit arithmetic, so the
 * check saw 154 MB, and the import inflated until the heap gave out. The CRC is not computed (it
 * would take seconds): the file is refused from its directory, long before a CRC is checked.
 */
export function zip64Honest(): Buffer {
  const unit = ' '.repeat(1024 * 1024);
  const times = 3958; // 4,150,263,808 bytes of spaces
  const { data, size } = repeatedDeflate(SHEET_HEAD, unit, times, SHEET_TAIL);
  return workbookWith({ data, method: 8, size, crc: 0, zip64: true });
}

/**
 * Defect 2, second half: a sheet that declares 100 KB and inflates to 2.7 GB. It used to be
 * measured only once fully inflated (15.8 s and 2.7 GB before the refusal).
 */
export function lyingSize(): Buffer {
  const unit = ' '.repeat(1024 * 1024);
  const { data } = repeatedDeflate(SHEET_HEAD, unit, 2700, SHEET_TAIL);
  return workbookWith({ data, method: 8, size: 100 * 1024, crc: 0 });
}

/** Honest but past the inflate budget in total: 250 MB of spaces in one sheet, declared truly. */
export function overBudget(): Buffer {
  const unit = ' '.repeat(1024 * 1024);
  const { data, size } = repeatedDeflate(SHEET_HEAD, unit, 250, SHEET_TAIL);
  return workbookWith({ data, method: 8, size, crc: 0 });
}

/**
 * Within every bound, the worst a workbook may cost: 190 MB of XML, nearly all of it spaces
 * between 1,000 real rows. Accepted; reading it must stay within memory and never block.
 */
export function nearBudget(): Buffer {
  const unit = ' '.repeat(1024 * 1024);
  const rows = Array.from({ length: 1000 }, (_, i) => `<row>${inline(`A${i + 2}`, `Peserta ${i}`)}</row>`).join('');
  const head = SHEET_HEAD + `<row r="1">${inline('A1', 'Nama')}</row>`;
  const tail = rows.replace(/ r="A\d+"/g, '') + SHEET_TAIL;
  const { data, size } = repeatedDeflate(head, unit, 190, tail);
  return workbookWith({ data, method: 8, size, crc: repeatedCrc(head, unit, 190, tail) });
}

/** A merged range over the whole sheet, listed 10,000 times, over 1,000 rows with a value. */
export function mergeBomb(): Buffer {
  const rows = Array.from(
    { length: 1001 },
    (_, i) => `<row r="${i + 1}">${inline(`A${i + 1}`, i ? `Peserta ${i}` : 'Nama')}</row>`,
  );
  const merges = `<mergeCells count="10000">${'<mergeCell ref="A1:XFD1048576"/>'.repeat(10_000)}</mergeCells>`;
  return workbookWith(deflated('', SHEET_HEAD + rows.join('') + '</sheetData>' + merges + '</worksheet>'));
}

/**
 * A shared-string table of 3,000,000 strings of which the sheet uses two: the table is
 * inflated but only the strings in use are kept.
 */
export function hugeStringTable(): Buffer {
  const head = `<sst xmlns="${MAIN}"><si><t>Nama</t></si>`;
  const unit = '<si><t>Peserta yang tidak dipakai</t></si>'.repeat(1000);
  const times = 3000;
  const tail = '<si><t>Ani</t></si></sst>';
  const { data, size } = repeatedDeflate(head, unit, times, tail);
  const sst: RawEntry = { name: 'xl/sharedStrings.xml', data, method: 8, size, crc: repeatedCrc(head, unit, times, tail) };
  const sheet = `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>${times * 1000 + 1}</v></c></row>`;
  return workbookWith(deflated('', SHEET_HEAD + sheet + SHEET_TAIL), [sst]);
}

/** A tag that never ends: 5 MB of attribute value. */
export function endlessTag(): Buffer {
  return sheetOf(`<row r="1"><c r="A1" x="${'a'.repeat(5 * 1024 * 1024)}"`);
}

/**
 * Defect 10: a 20 MB CSV whose cells are 10,000 characters long: every one is a problem, and the
 * report used to repeat each value in full (30 MB of report).
 */
export function longCellsCsv(): Buffer {
  const cell = 'x'.repeat(10_000);
  const lines = ['Nama,Kabupaten/Kota'];
  let size = lines[0]!.length;
  for (let i = 0; size < 19.5 * 1024 * 1024; i++) {
    const line = `${cell}${i},${cell}`;
    lines.push(line);
    size += line.length + 1;
  }
  return Buffer.from(lines.join('\n') + '\n');
}

/** 19 MB of "a," : ten million one-letter cells, past the filled-cell bound. */
export function manyCellsCsv(): Buffer {
  const row = 'a,'.repeat(999) + 'a\n';
  return Buffer.from('Nama,Kota\n' + row.repeat(Math.floor((19 * 1024 * 1024) / row.length)));
}

/** 19 MB of semicolons: empty cells only, twenty million of them. */
export function delimitersCsv(): Buffer {
  const row = ';'.repeat(9999) + '\n';
  return Buffer.from('Nama;Kota\n' + row.repeat(Math.floor((19 * 1024 * 1024) / row.length)));
}

/**
 * The largest workbook every bound accepts: 50,000 rows of 20 filled columns (1,000,000 cells),
 * names and regencies as shared strings, the rest inline text and numbers. For memory and time
 * measurements of what an import may legitimately cost.
 */
export function largestXlsx(rows = 49_999, columns = 20): Buffer {
  const col = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : 'A' + String.fromCharCode(65 + c - 26));
  const head = ['Nama', 'Kabupaten/Kota', 'No HP', ...Array.from({ length: columns - 3 }, (_, c) => `Kolom ${c + 4}`)];
  const out = [`<row r="1">${head.map((h, c) => inline(`${col(c)}1`, h)).join('')}</row>`];
  for (let r = 2; r <= rows + 1; r++) {
    const cells = [
      `<c r="A${r}" t="s"><v>${r}</v></c>`,
      `<c r="B${r}" t="s"><v>${1 + (r % 15)}</v></c>`,
      inline(`C${r}`, `08${1100000000 + r}`),
    ];
    for (let c = 3; c < columns; c++) cells.push(`<c r="${col(c)}${r}"><v>${(r * 31 + c) % 1000}</v></c>`);
    out.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  const strings = ['Nama'];
  for (let i = 1; i <= 15; i++) strings.push(`Kabupaten Nomor ${i}`);
  while (strings.length < rows + 2) strings.push(`Peserta Nomor ${strings.length}`);
  const sst = `<sst xmlns="${MAIN}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
  return workbookWith(deflated('', SHEET_HEAD + out.join('') + SHEET_TAIL), [deflated('xl/sharedStrings.xml', sst)]);
}

/** The largest CSV every bound accepts: 50,000 rows of 20 short cells. */
export function largestCsv(rows = 49_999, columns = 20): Buffer {
  const lines = [['Nama', 'Kabupaten/Kota', 'No HP', ...Array.from({ length: columns - 3 }, (_, c) => `K${c + 4}`)].join(',')];
  for (let r = 2; r <= rows + 1; r++) {
    const cells = [`Peserta ${r}`, `Kabupaten ${r % 15}`, `08${1100000000 + r}`];
    for (let c = 3; c < columns; c++) cells.push(String((r * 31 + c) % 1000));
    lines.push(cells.join(','));
  }
  return Buffer.from(lines.join('\r\n') + '\r\n');
}
