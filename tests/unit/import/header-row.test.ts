import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pickHeaderRow } from '../../../electron/core/participants/import/header-row';
import { readTable } from '../../../electron/core/participants/import/read-table';

describe('header row below a title block', () => {
  it('skips a title and a blank line in a CSV, keeping Excel line numbers', async () => {
    const csv =
      'DAFTAR PESERTA PELATIHAN PSM;;;\r\nDinas Sosial Provinsi Lampung;;;\r\n;;;\r\nNo;Nama;L/P;No HP\r\n1;Ani;P;081234567890\r\n';
    const t = await readTable(new TextEncoder().encode(csv), 'x.csv');
    expect(t.headers).toEqual(['No', 'Nama', 'L/P', 'No HP']);
    expect(t.rows).toEqual([['1', 'Ani', 'P', '081234567890']]);
    expect(t.lines).toEqual([5]);
  });

  it('skips a merged title row in an Excel sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Peserta');
    ws.addRow(['DAFTAR HADIR PESERTA']);
    ws.mergeCells('A1:D1');
    ws.addRow([]);
    ws.addRow(['No', 'Nama Lengkap', 'Kabupaten/Kota', 'Peran']);
    ws.addRow([1, 'Budi Santoso', 'Kota Metro', 'Peserta']);
    const t = await readTable(new Uint8Array(await wb.xlsx.writeBuffer()), 'x.xlsx');
    expect(t.headers).toEqual(['No', 'Nama Lengkap', 'Kabupaten/Kota', 'Peran']);
    expect(t.rows).toEqual([['1', 'Budi Santoso', 'Kota Metro', 'Peserta']]);
    expect(t.lines).toEqual([4]);
  });

  it('falls back to the first varied row, then to the first row', () => {
    expect(
      pickHeaderRow([
        ['JUDUL', 'JUDUL'],
        ['Kolom A', 'Kolom B'],
        ['x', 'y'],
      ]),
    ).toBe(1);
    expect(pickHeaderRow([['Nama', 'Asal']])).toBe(0);
    expect(pickHeaderRow([['a'], ['b']])).toBe(0);
  });
});
