import type { Kind, KindIo, Loadable } from './kind';
import type { DaftarHadirInput } from '../reports/daftar-hadir';
import type { TablePdfInput } from '../reports/table-pdf';
import type { DaftarPenerimaanInput } from '../reports/daftar-penerimaan';
import type { SpeakerSheetInput } from '../reports/daftar-hadir-narasumber';
import type { FontBytes } from '../pdf/fonts';

/**
 * A kind whose module is imported when it first runs. A worker thread starts for one job and
 * the CLI runs one command: loading every kind's modules up front (the import's parsers, the
 * reports, certificates, pdf-lib's 190 files and their colour library) cost a badge sheet's
 * worker ~0.5 s of CPU before its first page (issue 21).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any kind's own input type, kept as it is
const lazy = <F extends (input: any, io: KindIo) => unknown>(load: () => Promise<F>) =>
  Object.assign(
    (async (input, io) => (await load())(input, io)) as (input: Parameters<F>[0], io: KindIo) => Promise<Awaited<ReturnType<F>>>,
    { load } satisfies Loadable,
  );

/**
 * Every job kind the worker can run, by name. The worker imports this map and nothing from the
 * main-thread side (no database, no Electron), so everything reachable from here must stay pure,
 * with one exception: db.checkpoint opens the file to checkpoint it (system/checkpoint-kind.ts).
 * Add a kind: write the pure function beside its domain, add one line here.
 */
export const KINDS = {
  'participants.readImport': lazy(() => import('../participants/import/read-import-kind').then((m) => m.readImportKind)),
  'reports.daftarHadir': lazy(() =>
    import('../reports/daftar-hadir').then((m) => (input: DaftarHadirInput) => m.renderDaftarHadir(input)),
  ),
  'reports.tablePdf': lazy(() => import('../reports/table-pdf').then((m) => (input: TablePdfInput) => m.renderTablePdf(input))),
  'reports.daftarPenerimaan': lazy(() =>
    import('../reports/daftar-penerimaan').then((m) => (input: DaftarPenerimaanInput) => m.renderDaftarPenerimaan(input)),
  ),
  'reports.speakers': lazy(() =>
    import('../reports/daftar-hadir-narasumber').then((m) => (input: SpeakerSheetInput) => m.renderSpeakerSheet(input)),
  ),
  'badges.render': lazy(() => import('../badges/render-kind').then((m) => m.renderBadgesKind)),
  'badges.testSheet': lazy(() => import('../badges/render-kind').then((m) => m.renderTestSheetKind)),
  'certificates.render': lazy(() => import('../certificates/render-kind').then((m) => m.renderCertificatesKind)),
  // The device check's page (hadir doctor --full, the "Cek perangkat" screen): what a tag needs, one page.
  'system.doctorPage': lazy(() =>
    import('../system/doctor-page').then(
      (m) => (input: { fonts: Pick<FontBytes, 'regular'> }) => m.renderDoctorPage(input.fonts),
    ),
  ),
  // The quick device check (hadir doctor without --full): the thread starts and finds its libraries.
  'system.workerReady': lazy(() => import('../system/worker-ready').then((m) => (_input: null) => m.workerReadyKind())),
  'db.checkpoint': lazy(() => import('../system/checkpoint-kind').then((m) => m.checkpointKind)),
  'event.readFile': lazy(() => import('../event/read-file-kind').then((m) => m.readEventFileKind)),
} satisfies Record<string, Kind<never, unknown>>;

export type KindName = keyof typeof KINDS;
export type KindInput<K extends KindName> = Parameters<(typeof KINDS)[K]>[0];
export type KindOutput<K extends KindName> = Awaited<ReturnType<(typeof KINDS)[K]>>;
