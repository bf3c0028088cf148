import type { Kind } from './kind';
import { readImportKind } from '../participants/import/read-import-kind';
import { renderDaftarHadir, type DaftarHadirInput } from '../reports/daftar-hadir';
import { renderTablePdf, type TablePdfInput } from '../reports/table-pdf';
import { renderDaftarPenerimaan, type DaftarPenerimaanInput } from '../reports/daftar-penerimaan';
import { renderSpeakerSheet, type SpeakerSheetInput } from '../reports/daftar-hadir-narasumber';
import { renderBadgesKind, renderTestSheetKind } from '../badges/render-kind';
import { renderCertificatesKind } from '../certificates/render-kind';
import { checkpointKind } from '../system/checkpoint-kind';
import { readEventFileKind } from '../event/read-file-kind';

/**
 * Every job kind the worker can run, by name. The worker imports this map and nothing from the
 * main-thread side (no database, no Electron), so everything reachable from here must stay pure,
 * with one exception: db.checkpoint opens the file to checkpoint it (system/checkpoint-kind.ts).
 * Add a kind: write the pure function beside its domain, add one line here.
 */
export const KINDS = {
  'participants.readImport': readImportKind,
  'reports.daftarHadir': (input: DaftarHadirInput) => renderDaftarHadir(input),
  'reports.tablePdf': (input: TablePdfInput) => renderTablePdf(input),
  'reports.daftarPenerimaan': (input: DaftarPenerimaanInput) => renderDaftarPenerimaan(input),
  'reports.speakers': (input: SpeakerSheetInput) => renderSpeakerSheet(input),
  'badges.render': renderBadgesKind,
  'badges.testSheet': renderTestSheetKind,
  'certificates.render': renderCertificatesKind,
  'db.checkpoint': checkpointKind,
  'event.readFile': readEventFileKind,
} satisfies Record<string, Kind<never, unknown>>;

export type KindName = keyof typeof KINDS;
export type KindInput<K extends KindName> = Parameters<(typeof KINDS)[K]>[0];
export type KindOutput<K extends KindName> = Awaited<ReturnType<(typeof KINDS)[K]>>;
