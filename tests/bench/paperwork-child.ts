// One paperwork render for 5,000 people in its own process, so its peak memory (maxRSS) is the
// render's alone. argv: receipts-pdf | receipts-xlsx | daftar-hadir; env N: the number of people
// (5,000 unless given; tests/unit/report-pdf-memory.test.ts runs it too). Prints one JSON line:
// { ms, bytes, maxRssMb }. Pure renderers on generated rows: the database's part is measured by
// the reports suite.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadBadgeFonts } from '../../electron/core/pdf/fonts';
import { renderDaftarHadir } from '../../electron/core/reports/daftar-hadir';
import { renderDaftarPenerimaan } from '../../electron/core/reports/daftar-penerimaan';
import { receiptsXlsx } from '../../electron/core/reports/receipts-xlsx';
import { totalsOf, type ReceiptRow } from '../../electron/core/payments/receipts';
import { paymentConfig } from '../../electron/shared/payments';
import { peakRssMb } from '../helpers/peak-rss';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const N = Number(process.env.N ?? 5_000);
const mode = process.argv[2];
const fonts = loadBadgeFonts(path.join(ROOT, 'resources'));
const name = (i: number) => (i % 97 === 0 ? 'Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos. ' + i : `Peserta Kongres ${i}`);
const rows: ReceiptRow[] = Array.from({ length: N }, (_, i) => {
  const taxBp = [0, 0, 500, 1500][i % 4]!;
  const gross = 300_000;
  const tax = Math.floor((gross * taxBp + 5_000) / 10_000);
  return {
    name: name(i),
    nip: i % 3 === 0 ? null : String(197508172000121001n + BigInt(i)),
    rank: ['Juru (I/a)', 'Pengatur (II/c)', 'Penata (III/c)', 'Pembina (IV/a)'][i % 4]!,
    regency: `Kabupaten ${i % 15}`,
    role: 'Peserta',
    days: [1, 2, 3],
    units: 3,
    rate: 100_000,
    gross,
    taxBp,
    tax,
    net: gross - tax,
    bank: 'BRI',
    accountNo: String(3801234567890000 + i),
  };
});
const base = {
  kind: 'uang-saku' as const,
  eventName: 'Kongres Pekerja Sosial Masyarakat Nasional',
  organiser: 'Kementerian Sosial RI',
  venue: 'JIExpo',
  city: 'Jakarta',
  periodText: '1 Desember 2026 s.d. 3 Desember 2026',
  rows,
  totals: totalsOf(rows),
  placeDate: 'Jakarta, 3 Desember 2026',
  signatories: paymentConfig.parse({}).signatories,
};
const t0 = performance.now();
const bytes =
  mode === 'receipts-pdf'
    ? await renderDaftarPenerimaan({ ...base, fonts })
    : mode === 'receipts-xlsx'
      ? await receiptsXlsx(base)
      : await renderDaftarHadir({
          eventName: base.eventName,
          organiser: base.organiser,
          venue: base.venue,
          city: base.city,
          dayNo: 1,
          dateText: 'Selasa, 1 Desember 2026',
          zoneLabel: 'WIB',
          rows: rows.map((r, i) => ({ name: r.name, regency: r.regency, institution: 'Dinas Sosial', role: r.role, time: `07:${String(i % 60).padStart(2, '0')}` })),
          signatory: { place: 'Jakarta', dateText: '1 Desember 2026', title: 'Kepala Dinas', name: 'Bench', nip: '' },
          logo: null,
          fonts,
        });
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, bytes: bytes.length, maxRssMb: peakRssMb() }));
