// The recap as XLSX (one sheet per view, numbers as numbers) and as CSV (one view).
import ExcelJS from 'exceljs';
import type { Recap, RecapGroup } from '../../shared/reports';
import { csvQuote, neutralise } from '../participants/csv';

type Table = { title: string; header: string[]; rows: (string | number)[][] };

function groupTable(title: string, label: string, recap: Recap, groups: RecapGroup[]): Table {
  const header = [label, 'Terdaftar', ...recap.days.map((d) => `Hari ${d.dayNo} (${d.date})`), 'Hadir semua hari'];
  const row = (g: RecapGroup) => [g.name, g.expected, ...g.perDay, g.allDays];
  return { title, header, rows: [...groups.map(row), row(recap.total)] };
}

export function recapTables(recap: Recap): Record<'days' | 'regency' | 'role', Table> {
  return {
    days: {
      title: 'Per hari',
      header: ['Hari', 'Tanggal', 'Terdaftar', 'Hadir', 'Tidak hadir', 'Persen hadir'],
      rows: recap.days.map((d) => [
        d.dayNo,
        d.date,
        d.expected,
        d.present,
        d.expected - d.present,
        d.expected ? Math.round((1000 * d.present) / d.expected) / 10 : 0,
      ]),
    },
    regency: groupTable('Per kabupaten-kota', 'Kabupaten/Kota', recap, recap.byRegency),
    role: groupTable('Per peran', 'Peran', recap, recap.byRole),
  };
}

export async function recapXlsx(recap: Recap, eventName: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hadir';
  wb.title = `Rekap kehadiran - ${eventName}`;
  for (const t of Object.values(recapTables(recap))) {
    const ws = wb.addWorksheet(t.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.header).font = { bold: true };
    // Numbers stay numbers (Excel can sum them); text cells are names of regencies and roles,
    // which came from an import that already refused formulas.
    for (const r of t.rows) ws.addRow(r);
    ws.lastRow!.font = { bold: true }; // the total
    ws.columns.forEach((col, i) => {
      const widest = Math.max(...[t.header[i] ?? '', ...t.rows.map((r) => r[i] ?? '')].map((v) => String(v).length));
      col.width = Math.min(45, Math.max(8, widest + 2));
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** One view as CSV, with the separator Excel expects in the organiser's locale (`;` in Indonesia). */
export function recapCsv(recap: Recap, view: 'days' | 'regency' | 'role', separator: ',' | ';'): Uint8Array {
  const t = recapTables(recap)[view];
  // csvQuote quotes any cell holding either separator, so one writer serves both.
  const lines = [
    t.header.map(csvQuote).join(separator),
    ...t.rows.map((r) => r.map((v) => csvQuote(neutralise(String(v)))).join(separator)),
  ];
  return new Uint8Array(Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8'));
}
