// The reconciliation as the committee's paper (issue 19, item 5): one table row per scan of a
// case (the case's number, kind and person on its first row), then a sign-off block. A4
// landscape through the recap's table renderer (table-pdf.ts), in a job worker.
import type { CaseKind, DeskShown, Reconciliation } from '../../shared/reconciliation';
import type { HadirEvent } from '../../shared/event';
import type { FontBytes } from '../pdf/fonts';
import type { TablePdfInput } from './table-pdf';
import { tableHeading } from './recap-files';

const KIND: Record<CaseKind, string> = {
  double: 'Hadir di dua meja',
  badge_replaced: 'Kartu lama (diganti) diterima sementara',
  badge_other_event: 'Kartu acara lain diterima sementara',
  refused: 'Ditolak setelah "Hadir — belum terkirim"',
};

const SHOWN: Record<DeskShown, string> = {
  green: 'Hadir (hijau)',
  amber: 'Sudah hadir (kuning)',
  red: 'Ditolak (merah)',
  pending: 'Hadir — belum terkirim',
  pending_unknown: 'Belum terkirim, tidak ada di daftar meja',
  pending_already: 'Sudah hadir hari ini — belum terkirim',
  pending_replaced: 'Kartu lama, diganti — belum terkirim',
};

const LOGGED: Record<string, string> = {
  ok: 'Hadir',
  duplicate: 'Sudah hadir',
  unknown: 'Tidak terdaftar',
  replaced: 'Kartu diganti',
  other_event: 'Kartu acara lain',
  wrong_day: 'Bukan hari acara',
  not_a_badge: 'Bukan kartu',
};

export function reconciliationPdfInput(
  r: Reconciliation,
  event: Pick<HadirEvent, 'name' | 'organiser' | 'venue' | 'city' | 'days' | 'timeZone'>,
  now: Date,
  fonts: FontBytes,
): TablePdfInput {
  const rows: string[][] = [];
  r.cases.forEach((c, i) => {
    const who = c.person ? `${c.person.name} (${c.person.code})` : c.rawCode;
    const stands = c.stands ? `Hadir, ${c.stands.desk} ${c.stands.time}` : 'Tidak hadir';
    c.scans.forEach((s, k) => {
      rows.push([
        k === 0 ? String(i + 1) : '',
        k === 0 ? KIND[c.kind] : '',
        k === 0 ? who : '',
        k === 0 && c.dayNo !== null ? String(c.dayNo) : '',
        s.desk,
        s.time,
        s.receivedTime ?? '',
        SHOWN[s.shown],
        `${LOGGED[s.logged] ?? s.logged}${s.stands ? ' (berlaku)' : ''}`,
        k === 0 ? stands : '',
      ]);
    });
  });
  const n = r.counts;
  const summary =
    `${n.total} kasus: ${n.double} hadir di dua meja, ${n.badge_replaced} kartu lama, ${n.badge_other_event} kartu acara lain, ` +
    `${n.refused} ditolak; ${n.sentLate} pemindaian terkirim terlambat. Satu kehadiran per orang per hari berlaku; ` +
    'semua pemindaian tetap tercatat.';
  return {
    title: 'Rekonsiliasi check-in',
    ...tableHeading(event, now),
    header: ['No', 'Kasus', 'Nama (kode)', 'Hari', 'Meja', 'Jam pindai', 'Tiba di hub', 'Tampil di meja', 'Tercatat', 'Yang berlaku'],
    rows,
    empty: 'Tidak ada kasus: setiap meja dan hub sepakat.',
    fonts,
    signOff: {
      text: `${summary} Diperiksa dan disetujui oleh panitia:`,
      roles: ['Ketua Panitia', 'Sekretaris', 'Anggota'],
    },
  };
}
