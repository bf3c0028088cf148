// The recap as XLSX (one sheet per view, numbers as numbers) and as CSV (one view).
import type { CertRow } from '../../shared/certificates';
import { RECAP_VIEWS, type Recap, type RecapGroup, type RecapView } from '../../shared/reports';
import { csvQuote, neutralise } from '../participants/csv';
import { localDate, localTime, ZONE_LABEL, type TimeZone } from '../../shared/time-zone';
import type { HadirEvent } from '../../shared/event';
import { idDateList } from '../../shared/id-dates';
import type { FontBytes } from '../pdf/fonts';
import { spelledDate } from './dates';
import type { TablePdfInput } from './table-pdf';

type Table = { title: string; header: string[]; rows: (string | number)[][] };

/** Why someone does or does not qualify, in the office's words (the certificates screen's reason). */
function qualifyNote(r: CertRow): string {
  const missing = r.eligibility.reason?.code === 'missing_days' ? r.eligibility.reason.missing : [];
  const absent = missing.length ? `tidak hadir hari ke-${missing.join(', ')}` : '';
  if (r.eligibility.via === 'override') return `dikecualikan panitia: ${r.override?.reason ?? ''}${absent ? ` (${absent})` : ''}`;
  return absent;
}

/** Who qualifies for a certificate, one person per row, by name (the certificates screen's list). */
function certificateTable(people: CertRow[]): Table {
  return {
    title: 'Sertifikat',
    header: ['No', 'Nama', 'Kabupaten/Kota', 'Peran', 'Hari hadir', 'Berhak sertifikat', 'Keterangan'],
    rows: people.map((r, i) => [
      i + 1,
      r.name,
      r.regency ?? '',
      r.role,
      r.daysPresent.join(', '),
      r.eligibility.eligible ? 'Ya' : 'Tidak',
      qualifyNote(r),
    ]),
  };
}

function groupTable(title: string, label: string, recap: Recap, groups: RecapGroup[]): Table {
  const header = [
    label,
    'Terdaftar',
    ...recap.days.map((d) => `Hari ${d.dayNo} (${d.date})`),
    'Hadir semua hari',
    'Berhak sertifikat',
  ];
  const row = (g: RecapGroup) => [g.name, g.expected, ...g.perDay, g.allDays, g.qualifies];
  return { title, header, rows: [...groups.map(row), row(recap.total)] };
}

/**
 * The certificate number register the office files: each number given, in the order given, with
 * whom it went to and when (the date in the event's zone). A revoked number stays listed, marked.
 */
function registerTable(people: CertRow[], zone: TimeZone): Table {
  const issued = people
    .filter((r) => r.number && r.issuedAt)
    .sort((a, b) => a.issuedAt!.localeCompare(b.issuedAt!) || a.number!.localeCompare(b.number!));
  return {
    title: 'Register nomor sertifikat',
    header: ['No', 'Nomor sertifikat', 'Nama', 'Kabupaten/Kota', 'Peran', 'Tanggal terbit', 'Dicetak', 'Keterangan'],
    rows: issued.map((r, i) => [
      i + 1,
      r.number!,
      r.name,
      r.regency ?? '',
      r.role,
      localDate(new Date(r.issuedAt!), zone),
      r.prints,
      r.revoked ? `dicabut ${localDate(new Date(r.revoked.at), zone)}: ${r.revoked.reason}` : '',
    ]),
  };
}

/** Views that list people one per row: no total row. */
const PER_PERSON: ReadonlySet<RecapView> = new Set(['certificates', 'register']);

/**
 * One view of the recap as a table. `people` is asked for only by the certificates view: the
 * per-person list is the one costly part (every participant's eligibility), and a CSV of another
 * view does not need it.
 */
export function recapTable(recap: Recap, view: RecapView, people: () => CertRow[], zone: TimeZone): Table {
  switch (view) {
    case 'days':
      return {
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
      };
    case 'regency':
      return groupTable('Per kabupaten-kota', 'Kabupaten/Kota', recap, recap.byRegency);
    case 'role':
      return groupTable('Per peran', 'Peran', recap, recap.byRole);
    case 'certificates':
      return certificateTable(people());
    case 'register':
      return registerTable(people(), zone);
  }
}

export async function recapXlsx(recap: Recap, people: () => CertRow[], eventName: string, zone: TimeZone): Promise<Uint8Array> {
  // Loaded on first use: exceljs costs ~0.3 s to load, which every CLI command would pay.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hadir';
  wb.title = `Rekap kehadiran - ${eventName}`;
  // The per-person list is read once for the two views that need it.
  let rows: CertRow[] | undefined;
  const once = () => (rows ??= people());
  for (const view of RECAP_VIEWS) {
    const t = recapTable(recap, view, once, zone);
    const ws = wb.addWorksheet(t.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.header).font = { bold: true };
    // Numbers stay numbers (Excel can sum them); text cells are names of regencies and roles,
    // which came from an import that already refused formulas.
    for (const r of t.rows) ws.addRow(r);
    if (!PER_PERSON.has(view)) ws.lastRow!.font = { bold: true }; // the total
    ws.columns.forEach((col, i) => {
      const widest = Math.max(...[t.header[i] ?? '', ...t.rows.map((r) => r[i] ?? '')].map((v) => String(v).length));
      col.width = Math.min(45, Math.max(8, widest + 2));
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** One view as CSV, with the separator Excel expects in the organiser's locale (`;` in Indonesia). */
export function recapCsv(recap: Recap, people: () => CertRow[], view: RecapView, separator: ',' | ';', zone: TimeZone): Uint8Array {
  const t = recapTable(recap, view, people, zone);
  // csvQuote quotes any cell holding either separator, so one writer serves both.
  const lines = [
    t.header.map(csvQuote).join(separator),
    ...t.rows.map((r) => r.map((v) => csvQuote(neutralise(String(v)))).join(separator)),
  ];
  return new Uint8Array(Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8'));
}

/**
 * What every table PDF prints above its table: the event, its dates and place, and when the
 * file was made, in the event's time zone and labelled.
 */
export function tableHeading(
  event: Pick<HadirEvent, 'name' | 'organiser' | 'venue' | 'city' | 'days' | 'timeZone'>,
  now: Date,
): Pick<TablePdfInput, 'eventName' | 'organiser' | 'detail' | 'madeAt'> {
  const zone = event.timeZone;
  return {
    eventName: event.name,
    organiser: event.organiser,
    detail: [idDateList(event.days.map((d) => d.date)), [event.venue, event.city].filter(Boolean).join(', ')]
      .filter(Boolean)
      .join(' · '),
    madeAt: `Dibuat ${spelledDate(localDate(now, zone), false)} pukul ${localTime(now, zone)} ${ZONE_LABEL[zone]} · Hadir`,
  };
}

/**
 * One view as the PDF table's input (table-pdf.ts renders it in a worker): the office's words for
 * the title, the event on every page, when it was made in the event's zone, labelled.
 */
export function recapPdfInput(
  recap: Recap,
  people: () => CertRow[],
  view: RecapView,
  event: Pick<HadirEvent, 'name' | 'organiser' | 'venue' | 'city' | 'days' | 'timeZone'>,
  now: Date,
  fonts: FontBytes,
): TablePdfInput {
  const t = recapTable(recap, view, people, event.timeZone);
  return {
    title: t.title,
    ...tableHeading(event, now),
    header: t.header,
    rows: t.rows.map((r) => r.map(String)),
    empty: view === 'register' ? 'Belum ada nomor sertifikat yang diberikan.' : 'Tidak ada data.',
    fonts,
  };
}
