// The 20-JP record (issue 20, item 6): civil servants must show at least 20 lesson hours (JP) of
// training a year, and their home agencies' HR offices (BKPSDM) collect the evidence. One XLSX
// and one CSV per instansi (or regency) listing each civil servant (a NIP on file) who attended:
// name, NIP, agency, training, dates, JP earned (the programme's total when the person qualifies
// for a certificate, 0 when not), the certificate number and the text its QR carries; plus a
// summary. Delivered as one ZIP (one file crosses IPC and HTTP); the CLI unpacks it into a folder.
import type JSZip from 'jszip';
import type { HadirEvent } from '../../shared/event';
import type { FileResult } from '../../shared/file';
import { claimUrl } from '../../shared/cert-claim';
import { idDateList } from '../../shared/id-dates';
import { certParticipants } from '../../db/repositories/certificates';
import { allParticipants } from '../../db/repositories/participants';
import type { Ctx } from '../context';
import { loadSettings } from '../certificates/settings';
import { toCertRow } from '../certificates/rows';
import { signClaim } from '../certificates/claim';
import { eventKey } from '../certificates/key';
import { csvDataLine, neutralise } from '../participants/csv';
import { eventFileStem } from '../reports/file-names';

export interface JpLine {
  name: string;
  nip: string;
  institution: string;
  regency: string;
  training: string;
  dates: string;
  jp: number;
  certificate: string;
  verification: string;
}

const HEAD = ['Nama', 'NIP', 'Instansi', 'Kabupaten/Kota', 'Pelatihan', 'Tanggal', 'JP', 'Nomor sertifikat', 'Teks verifikasi'];
const NO_GROUP = '(tanpa instansi)';

/** A file-name part safe everywhere: "Dinas Sosial Kab. Way Kanan" -> "Dinas-Sosial-Kab-Way-Kanan". */
export const safePart = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'lainnya';

export function jpLines(ctx: Ctx, event: HadirEvent): JpLine[] {
  const settings = loadSettings(ctx.db, event.id);
  const totalJp = event.programme.reduce((s, p) => s + p.jp, 0);
  const certs = new Map(certParticipants(ctx.db, event.id).map((r) => [r.id, toCertRow(r, settings.rule, event.days.length)]));
  const dayDate = new Map(event.days.map((d) => [d.dayNo, d.date]));
  let key: ReturnType<typeof eventKey> | null = null;
  const lines: JpLine[] = [];
  for (const p of allParticipants(ctx.db, event.id)) {
    if (!p.nip || p.daysPresent.length === 0) continue;
    const cert = certs.get(p.id);
    const eligible = cert?.eligibility.eligible ?? false;
    const number = cert?.number && !cert.revoked ? cert.number : '';
    let verification = '';
    if (number) {
      // The same signed text the certificate's QR carries: a BKPSDM can check it on the verify page.
      key ??= eventKey(ctx.db, event.id, new Date().toISOString());
      const claim = { kid: key.kid, number, name: p.name, days: cert!.daysPresent.map((d) => dayDate.get(d)!).filter(Boolean) };
      verification = claimUrl(settings.template.verifyUrl, signClaim(claim, key.sign));
    }
    lines.push({
      name: p.name,
      nip: p.nip,
      institution: p.institution ?? '',
      regency: p.regency ?? '',
      training: event.name,
      dates: idDateList(p.daysPresent.map((d) => dayDate.get(d)!).filter(Boolean)),
      jp: eligible ? totalJp : 0,
      certificate: number,
      verification,
    });
  }
  return lines;
}

const asRow = (l: JpLine) => [l.name, l.nip, l.institution, l.regency, l.training, l.dates, String(l.jp), l.certificate, l.verification];

async function xlsxOf(sheets: { name: string; head: string[]; rows: (string | number)[][] }[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hadir';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(s.head).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
    ws.columns.forEach((c, i) => {
      c.width = Math.min(60, Math.max(s.head[i]!.length, ...s.rows.map((r) => String(r[i] ?? '').length)) + 2);
      if (s.head[i] === 'NIP') c.numFmt = '@';
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const csvOf = (head: string[], rows: string[][]) =>
  Buffer.from(`\uFEFF${[csvDataLine(head, ';'), ...rows.map((r) => csvDataLine(r, ';'))].join('\r\n')}\r\n`, 'utf8');

export async function jpFiles(ctx: Ctx, event: HadirEvent, by: 'instansi' | 'regency'): Promise<FileResult> {
  const lines = jpLines(ctx, event);
  const groups = new Map<string, JpLine[]>();
  for (const l of lines) {
    const g = (by === 'instansi' ? l.institution : l.regency) || NO_GROUP;
    groups.set(g, [...(groups.get(g) ?? []), l]);
  }
  // Loaded here: every process that dispatches (a CLI check-in too) would load jszip at start-up.
  const { default: JSZipClass } = await import('jszip');
  const zip = new JSZipClass();
  const summary: (string | number)[][] = [];
  const used = new Set<string>();
  for (const [group, ls] of [...groups].sort(([a], [b]) => a.localeCompare(b, 'id'))) {
    let stem = `jp-${safePart(group)}`;
    for (let n = 2; used.has(stem.toLowerCase()); n++) stem = `jp-${safePart(group)}-${n}`;
    used.add(stem.toLowerCase());
    const rows = ls.sort((a, b) => a.name.localeCompare(b.name, 'id')).map(asRow);
    zip.file(`${stem}.xlsx`, await xlsxOf([{ name: 'JP', head: HEAD, rows: rows.map((r) => r.map((v, i) => (i === 6 ? Number(v) : v))) }]));
    zip.file(`${stem}.csv`, csvOf(HEAD, rows));
    summary.push([group, ls.length, ls.filter((l) => l.jp > 0).length, ls.reduce((s, l) => s + l.jp, 0), `${stem}.xlsx`]);
  }
  const sumHead = [by === 'instansi' ? 'Instansi' : 'Kabupaten/Kota', 'ASN hadir', 'Mendapat JP', 'Jumlah JP', 'Berkas'];
  zip.file('ringkasan.xlsx', await xlsxOf([{ name: 'Ringkasan', head: sumHead, rows: summary }]));
  zip.file('ringkasan.csv', csvOf(sumHead, summary.map((r) => r.map(String))));
  const bytes = await zip.generateAsync({ type: 'uint8array', date: new Date(Date.UTC(2000, 0, 1)) } as JSZip.JSZipGeneratorOptions<'uint8array'>);
  return { fileName: `jp-${by}-${eventFileStem(event)}.zip`, mime: 'application/zip', bytes };
}
