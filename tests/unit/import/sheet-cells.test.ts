// The worksheet reader's cell fast paths (issue 21, fifth pass): the attributes of a cell read
// without a regex or a closure, and whole numbers kept as written instead of converted both ways.
// Each must read exactly what the general path read.
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../electron/core/participants/import/xlsx/sheet';
import { readTable } from '../../../electron/core/participants/import/read-table';
import { sheetOf } from '../../helpers/hostile-files';

describe('worksheet cells', () => {
  /** Digits with no leading zero (or "0" alone), at most 15 of them: what Excel keeps exactly. */
  const plainInteger = (raw: string) => /^(?:0|[1-9]\d{0,14})$/.test(raw);

  // Every number cell is kept as Number(raw) and written out with formatNumber: a whole number
  // must come back exactly as it was written.
  it('writes a whole number out exactly as the sheet wrote it', () => {
    const raws = [
      '0',
      '7',
      '65',
      '081234567890',
      '123456789012345',
      '1234567890123456',
      '007',
      '00',
      '-0',
      '-5',
      '1e5',
      '1.0',
      '1.5',
      '',
      ' 5',
      '5 ',
      '٣',
    ];
    for (let i = 0; i < 20_000; i++)
      raws.push(String(Math.floor(Math.random() * 10 ** (1 + (i % 16)))).padStart(1 + (i % 3), i % 7 ? '' : '0'));
    for (const raw of raws) if (plainInteger(raw)) expect(formatNumber(Number(raw)), raw).toBe(raw);
    expect(['0', '65', '123456789012345'].every(plainInteger)).toBe(true);
    expect(['007', '-0', '-5', '1e5', '1.0', '', ' 5', '1234567890123456', '٣'].some(plainInteger)).toBe(false);
  });

  it('reads r, t and s however the writer spaced and quoted them, and ignores other attributes', async () => {
    const rows =
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c><c r="B1" t="inlineStr"><is><t>No HP</t></is></c><c r="C1" t="inlineStr"><is><t>Nomor</t></is></c></row>` +
      `<row r="2"><c\tr = 'A2'\nt= "inlineStr" ><is><t>Siti</t></is></c><c xr:uid="x" r='B2' cm="1"><v>081234567890</v></c><c r="C2"><v>007</v></c></row>` +
      `<row r="3"><c t="inlineStr" r="A3"><is><t>Budi</t></is></c><c s="0" r="B3"><v>8.1234567891E+11</v></c><c r="C3"><v>1.50</v></c></row>`;
    const t = await readTable(sheetOf(rows), 'peserta.xlsx');
    expect(t.headers).toEqual(['Nama', 'No HP', 'Nomor']);
    expect(t.rows).toEqual([
      ['Siti', '81234567890', '7'],
      ['Budi', '812345678910', '1.5'],
    ]);
    expect(t.numeric).toEqual([
      [false, true, true],
      [false, true, true],
    ]);
  });
});
