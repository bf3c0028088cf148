import type { HadirEvent } from '../../shared/event';
import type { Participant } from '../../shared/participant';
import { asText, csvQuote, neutralise } from './csv';

interface Column {
  header: string;
  value: (p: Participant) => string;
  personal?: boolean;
  /** Digits Excel must not read as a number (leading zeros, 16-digit NIKs). */
  text?: boolean;
}

export interface ExportOptions {
  includePersonal: boolean;
  /** CSV only: `;` is what Excel expects in Indonesia (and most of Europe), `,` in English locales. */
  separator: ',' | ';';
}

/**
 * Headers are the Indonesian ones the import recognises, so an exported list re-imports
 * cleanly (the round trip is a property test). The badge code is exported under a header the
 * import ignores: badge codes are the kiosk's own, never taken from a file.
 */
function columns(event: HadirEvent, includePersonal: boolean): Column[] {
  const base: Column[] = [
    { header: 'Kode Badge', value: (p) => p.code, text: true },
    { header: 'ID Peserta', value: (p) => p.externalId ?? '', text: true },
    { header: 'Nama', value: (p) => p.name },
    { header: 'Jenis Kelamin', value: (p) => p.gender ?? '' },
    { header: 'Kabupaten/Kota', value: (p) => p.regency ?? '' },
    { header: 'Kecamatan', value: (p) => p.district ?? '' },
    { header: 'Instansi', value: (p) => p.institution ?? '' },
    { header: 'Peran', value: (p) => p.role },
    { header: 'NIK', value: (p) => p.nik ?? '', personal: true, text: true },
    { header: 'No HP', value: (p) => p.phone ?? '', personal: true, text: true },
    { header: 'Email', value: (p) => p.email ?? '', personal: true },
    // The paperwork's fields (issue 20): with the personal-data switch only, as NIK.
    { header: 'NIP', value: (p) => p.nip ?? '', personal: true, text: true },
    { header: 'Tempat Lahir', value: (p) => p.birthPlace ?? '', personal: true },
    { header: 'Tanggal Lahir', value: (p) => p.birthDate ?? '', personal: true, text: true },
    { header: 'Pangkat/Golongan', value: (p) => p.rank ?? '', personal: true },
    { header: 'Jabatan', value: (p) => p.position ?? '', personal: true },
    { header: 'NPWP', value: (p) => p.npwp ?? '', personal: true, text: true },
    { header: 'Bank', value: (p) => p.bank ?? '', personal: true },
    { header: 'No Rekening', value: (p) => p.accountNo ?? '', personal: true, text: true },
  ];
  const days: Column[] = event.days.map((d) => ({
    header: `Hadir Hari ${d.dayNo} (${d.date})`,
    value: (p) => (p.daysPresent.includes(d.dayNo) ? 'Ya' : ''),
  }));
  return [...base.filter((c) => includePersonal || !c.personal), ...days];
}

/**
 * The CSV as Excel opens it by double-click: the separator of the organiser's locale (Indonesian
 * Excel put the whole comma-separated row in one column), and phones, NIKs and codes kept as text.
 */
export function toCsv(event: HadirEvent, people: Participant[], { includePersonal, separator }: ExportOptions): Buffer {
  const cols = columns(event, includePersonal);
  const cell = (c: Column, v: string) => csvQuote(c.text && asText(v) !== v ? asText(v) : neutralise(v));
  const lines = [
    cols.map((c) => csvQuote(c.header)).join(separator),
    ...people.map((p) => cols.map((c) => cell(c, c.value(p))).join(separator)),
  ];
  // BOM: without it Excel on Windows reads UTF-8 as ANSI and mangles every accented name.
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * XLSX string cells are not evaluated by Excel itself, but the same quote prefix is applied: a
 * copy-paste or a "save as CSV" would revive the formula, and the import treats both formats alike.
 */
const MAX_WIDTH = 64;

export async function toXlsx(event: HadirEvent, people: Participant[], { includePersonal }: ExportOptions): Promise<Buffer> {
  const cols = columns(event, includePersonal);
  // Loaded on first use: exceljs costs ~0.3 s to load, which every CLI command would pay.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hadir';
  const ws = wb.addWorksheet('Peserta', { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = people.map((p) => cols.map((c) => neutralise(c.value(p))));
  // Each column as wide as its longest value (in characters, as Excel counts width), so the
  // 60-character name and "Kabupaten Tulang Bawang Barat" show whole; capped so a stray long
  // value does not make a column wider than the screen.
  ws.columns = cols.map((c, i) => ({
    header: c.header,
    key: c.header,
    width: Math.min(MAX_WIDTH, Math.max(c.header.length, ...rows.map((r) => r[i]!.length)) + 2),
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  // Text format keeps leading zeros of phone numbers and all 16 digits of a NIK if someone edits.
  ws.columns.forEach((col) => (col.numFmt = '@'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
