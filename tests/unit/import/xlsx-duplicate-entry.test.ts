// Issue 18, defect 17: a workbook with two zip entries of one name was accepted and the last
// copy used, so Excel could show one list while the kiosk imported another. Refused now.
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../electron/core/participants/import/read-table';
import { deflated } from '../../helpers/zip-writer';
import { SHEET_HEAD, SHEET_TAIL, workbookWith } from '../../helpers/hostile-files';
import { rejection } from './helpers';

const sheet = (name: string) =>
  `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c></row>` +
  `<row r="2"><c r="A2" t="inlineStr"><is><t>${name}</t></is></c></row>${SHEET_TAIL}`;

describe('xlsx with a duplicate zip entry', () => {
  it('reads the ordinary workbook', async () => {
    const table = await readTable(workbookWith(deflated('', sheet('Dewi Sartika'))), 'peserta.xlsx');
    expect(JSON.stringify(table)).toContain('Dewi Sartika');
  });

  it('refuses a second copy of the sheet, in any letter case, naming the part', async () => {
    for (const copy of ['xl/worksheets/sheet1.xml', 'XL/Worksheets/Sheet1.xml']) {
      const bytes = workbookWith(deflated('', sheet('Dewi Sartika')), [deflated(copy, sheet('Orang Lain'))]);
      const err = await rejection(readTable(bytes, 'peserta.xlsx'));
      expect(err.code).toBe('import_unreadable');
      expect(err.message).toMatch(/two entries named/i);
    }
  });
});
