import fc from 'fast-check';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countCsvRecords } from '../../../electron/core/participants/import/count-rows';
import { readTable } from '../../../electron/core/participants/import/read-table';
import { fixture, rejection, utf8 } from './helpers';

const row = (r: number, name: string) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${name}</t></is></c></row>`;
const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** A minimal workbook, written by hand so a test can also make it broken in a chosen place. */
async function workbook(sheets: { name: string; file: string; xml: string }[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets
        .map(
          (s) =>
            `<Override PartName="/xl/worksheets/${s.file}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      `</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/${s.file}"/>`).join('') +
      `</Relationships>`,
  );
  for (const s of sheets) zip.file(`xl/worksheets/${s.file}`, s.xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const names = (n: number, from = 2) => Array.from({ length: n }, (_, i) => row(i + from, `Peserta ${i + 1}`)).join('');

describe('countCsvRecords', () => {
  it('counts records, not lines: quoted newlines, CR, CRLF and a missing last line end', () => {
    expect(countCsvRecords('')).toBe(0);
    expect(countCsvRecords('Nama\nAni\nBudi')).toBe(3);
    expect(countCsvRecords('Nama\r\nAni\r\nBudi\r\n')).toBe(3);
    expect(countCsvRecords('Nama\rAni\r')).toBe(2);
    expect(countCsvRecords('Nama;Alamat\n"Ani";"Jl. Mawar\nNo. 5"\n')).toBe(2);
  });

  it('does not count rows that parse blank: delimiters, spaces, empty quotes, a quoted newline', () => {
    expect(countCsvRecords('Nama;HP\n;;\n\n  \nAni;0812\n,\t\n"","\u00a0"\n"\r\n";\n')).toBe(2);
  });

  it('never counts more non-blank rows than the parser finds (property)', async () => {
    const { parseCsv } = await import('../../../electron/core/participants/import/parse-csv');
    const unit = fc.constantFrom('a', ' ', '\u00a0', '"', ',', ';', '\t', '\n', '\r');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        let parsed: number;
        try {
          parsed = parseCsv(text, ',').filter((r) => r.values.some((c) => c.trim() !== '')).length;
        } catch {
          return; // an unterminated quote: read-table refuses it anyway
        }
        expect(countCsvRecords(text)).toBeLessThanOrEqual(parsed);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('which rows and which sheet a workbook contributes', () => {
  it('skips formatted empty rows, styled empty cells and rowBreaks', async () => {
    const xml = sheetXml(
      row(1, 'Nama') + '<row r="2" s="3" customFormat="1"/>' + '<row r="3"><c r="A3" s="4"/></row>' + row(4, 'Ani'),
    ).replace('</sheetData>', '</sheetData><rowBreaks count="1"><brk id="3"/></rowBreaks>');
    const t = await readTable(await workbook([{ name: 'Peserta', file: 'sheet1.xml', xml }]), 'x.xlsx');
    expect(t.rows).toEqual([['Ani']]);
    expect(t.lines).toEqual([4]);
  });

  it('agrees with exceljs on the rows of the xlsx fixture', async () => {
    const bytes = fixture('peserta.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.worksheets.find((ws) => ws.actualRowCount > 0)!;
    expect((await readTable(bytes, 'peserta.xlsx')).rows.length).toBe(sheet.actualRowCount - 1);
  });

  it('reads the first non-empty sheet in workbook order', async () => {
    // sheet2.xml is listed first in the workbook; sheet1.xml (second) is a long reference list.
    const bytes = await workbook([
      { name: 'Kosong', file: 'sheet3.xml', xml: sheetXml('') },
      { name: 'Peserta', file: 'sheet2.xml', xml: sheetXml(row(1, 'Nama') + names(3)) },
      { name: 'Desa', file: 'sheet1.xml', xml: sheetXml(names(70, 1)) },
    ]);
    const t = await readTable(bytes, 'peserta.xlsx');
    expect(t.rows).toEqual([['Peserta 1'], ['Peserta 2'], ['Peserta 3']]);
  });

  it('refuses a ZIP that is not a workbook as unreadable', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const err = await rejection(readTable(await zip.generateAsync({ type: 'uint8array' }), 'x.xlsx'));
    expect(err.code).toBe('import_unreadable');
  });
});

describe('the row limit is checked before parsing', () => {
  it('refuses a 60,000-row CSV before parsing: the cut-off quote at its end is never reached', async () => {
    const err = await rejection(readTable(utf8('Nama\n' + 'Ani\n'.repeat(60_000) + '"Budi'), 'besar.csv'));
    expect(err.code).toBe('import_too_large');
    expect(err.params).toEqual({ rows: 60_001, max: 50_000 });
  });

  it('refuses a 60,000-row workbook from its rows: its broken XML further on does not decide', async () => {
    const broken = sheetXml(row(1, 'Nama') + names(60_000)).replace('</sheetData>', '<row r="x"><c></sheetData>');
    const bytes = await workbook([{ name: 'Peserta', file: 'sheet1.xml', xml: broken }]);
    const err = await rejection(readTable(bytes, 'besar.xlsx'));
    expect(err.code).toBe('import_too_large');
    expect(err.params).toEqual({ rows: 60_000, max: 50_000 });
    // The same file under the limit is read to the end, where the broken XML is refused.
    const small = await workbook([{ name: 'Peserta', file: 'sheet1.xml', xml: broken.replace(names(60_000), names(10)) }]);
    expect((await rejection(readTable(small, 'kecil.xlsx'))).code).toBe('import_unreadable');
  });

  it('a title block above the header never makes the early check refuse a file the exact check accepts', async () => {
    const title = 'DAFTAR PESERTA\n\nDinas Sosial\n';
    const t = await readTable(utf8(title + 'Nama\n' + 'Ani\n'.repeat(50_000)), 'ok.csv');
    expect(t.rows.length).toBe(50_000);
  });

  it('refuses a workbook that would unpack past 200 MB, from the ZIP directory, before inflating it', async () => {
    const bytes = await workbook([{ name: 'Peserta', file: 'sheet1.xml', xml: sheetXml(row(1, 'Nama') + names(3)) }]);
    // Declare 300 MB for the sheet in the central directory, as a zip bomb would: its content stays small.
    const central = zipHeader(bytes, CENTRAL, SHEET1);
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(central + 24, 300 * 2 ** 20, true);
    const err = await rejection(readTable(bytes, 'bom.xlsx'));
    expect(err.code).toBe('import_too_large');
    expect(err.params).toEqual({ inflatedMb: 301, max: 200 });
  });
});

describe('a damaged workbook', () => {
  it('is reported as unreadable, not as an internal error', async () => {
    const bytes = await workbook([{ name: 'Peserta', file: 'sheet1.xml', xml: sheetXml(row(1, 'Nama') + names(50)) }]);
    // Flip bytes inside the sheet's compressed data, which follows its local header, name and extra field.
    const local = zipHeader(bytes, LOCAL, SHEET1);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    for (let i = data + 8; i < data + 40; i++) bytes[i] = bytes[i]! ^ 0xa5;
    const err = await rejection(readTable(bytes, 'rusak.xlsx'));
    expect(err.code).toBe('import_unreadable');
  });
});

const LOCAL = { signature: 0x04034b50, nameLengthAt: 26, nameAt: 30 };
const CENTRAL = { signature: 0x02014b50, nameLengthAt: 28, nameAt: 46 };
const SHEET1 = 'xl/worksheets/sheet1.xml';

/** Offset of the ZIP header (local or central directory) for the entry `name`. */
function zipHeader(bytes: Uint8Array, kind: typeof LOCAL, name: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = new TextEncoder().encode(name);
  for (let i = 0; i + kind.nameAt < bytes.length; i++) {
    if (view.getUint32(i, true) !== kind.signature) continue;
    const here = bytes.subarray(i + kind.nameAt, i + kind.nameAt + view.getUint16(i + kind.nameLengthAt, true));
    if (here.length === wanted.length && here.every((b, k) => b === wanted[k])) return i;
  }
  throw new Error(`${name}: no such ZIP entry`);
}
