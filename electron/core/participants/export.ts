import ExcelJS from 'exceljs';
import type { HadirEvent } from '../../shared/event';
import type { Participant } from '../../shared/participant';
import { csvDataLine, csvQuote, neutralise } from './csv';

interface Column {
  header: string;
  value: (p: Participant) => string;
  personal?: boolean;
}

/**
 * Headers are the Indonesian ones the import recognises, so an exported list re-imports
 * cleanly (the round trip is a property test). The badge code is exported under a header the
 * import ignores: badge codes are the kiosk's own, never taken from a file.
 */
function columns(event: HadirEvent, includePersonal: boolean): Column[] {
  const base: Column[] = [
    { header: 'Kode Badge', value: (p) => p.code },
    { header: 'ID Peserta', value: (p) => p.externalId ?? '' },
    { header: 'Nama', value: (p) => p.name },
    { header: 'Jenis Kelamin', value: (p) => p.gender ?? '' },
    { header: 'Kabupaten/Kota', value: (p) => p.regency ?? '' },
    { header: 'Kecamatan', value: (p) => p.district ?? '' },
    { header: 'Instansi', value: (p) => p.institution ?? '' },
    { header: 'Peran', value: (p) => p.role },
    { header: 'NIK', value: (p) => p.nik ?? '', personal: true },
    { header: 'No HP', value: (p) => p.phone ?? '', personal: true },
    { header: 'Email', value: (p) => p.email ?? '', personal: true },
  ];
  const days: Column[] = event.days.map((d) => ({
    header: `Hadir Hari ${d.dayNo} (${d.date})`,
    value: (p) => (p.daysPresent.includes(d.dayNo) ? 'Ya' : ''),
  }));
  return [...base.filter((c) => includePersonal || !c.personal), ...days];
}

export function toCsv(event: HadirEvent, people: Participant[], includePersonal: boolean): Buffer {
  const cols = columns(event, includePersonal);
  const lines = [cols.map((c) => csvQuote(c.header)).join(','), ...people.map((p) => csvDataLine(cols.map((c) => c.value(p))))];
  // BOM: without it Excel on Windows reads UTF-8 as ANSI and mangles every accented name.
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * XLSX string cells are not evaluated by Excel itself, but the same quote prefix is applied: a
 * copy-paste or a "save as CSV" would revive the formula, and the import treats both formats alike.
 */
export async function toXlsx(event: HadirEvent, people: Participant[], includePersonal: boolean): Promise<Buffer> {
  const cols = columns(event, includePersonal);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hadir';
  const ws = wb.addWorksheet('Peserta', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = cols.map((c) => ({ header: c.header, key: c.header, width: Math.max(12, c.header.length + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const p of people) ws.addRow(cols.map((c) => neutralise(c.value(p))));
  // Text format keeps leading zeros of phone numbers and all 16 digits of a NIK if someone edits.
  ws.columns.forEach((col) => (col.numFmt = '@'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
