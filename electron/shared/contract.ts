import { plainText } from './text';
import { z } from 'zod';
import type { OpName } from './op-names';
import { id, none, ofEvent, op, type OpDef } from './contract-op';
import { checkinContract } from './contract-checkin';
import { eventContract } from './contract-event';
import type { ProgrammeItem } from './event';
import { participantInput, FIELDS, type Participant } from './participant';
import type { UndrawableName } from './visible-text';
import { daftarHadirInput, recapExportInput, recapInput, timelineInput, type Recap, type TimelineDay } from './reports';
import { backupDirInput, backupFileInput, type BackupPreview, type BackupStatusDto, type RestoreOutcomeDto } from './backup';
import type { FileResult } from './file';
import { reconciliationInput, reconciliationPdfInput, type Reconciliation } from './reconciliation';
import { badgesRenderInput, badgesSetOffsetInput, badgesTestSheetInput, type BadgeFile, type BadgeOffsets } from './badges';
import { eventExportInput, eventImportInput, type EventImportOutcome } from './event-transfer';
import { jobIdInput, jobStartInput, type JobResult, type JobStatus } from './jobs';
import { importCommitInput, importPreviewInput, type ImportOutcome, type ImportPreview } from './import';
import {
  batchInput,
  certListInput,
  certSettingsInput,
  issueInput,
  printedInput,
  overrideInput,
  previewInput,
  revokeInput,
  setAssetInput,
  verifyInput,
  type BatchResult,
  type CertList,
  type CertRow,
  type CertSettingsView,
  type IssueResult,
  type PublicKeyResult,
  type VerifyResult,
} from './certificates';
import { deskName, deskScope, eventRef } from './desk';
import { hubOpenInput, hubRevokeInput, type HubStatus } from './hub';
import type { DoctorReport } from './doctor';
import { jpInput, paymentConfig, ratesFileInput, receiptsInput, setRatesInput, setTaxRateInput, speakersInput, programmeFileInput, statementInput, type PaymentSettings } from './payments';

/**
 * Every operation, declared once: its zod input schema and (as a phantom type) its result.
 * The IPC handlers, the preload bridge, the HTTP routes, the CLI and renderer/src/api.ts are
 * all derived from this map, so adding an operation here is the whole wiring job.
 */
// OpDef, op, none, id and ofEvent are in contract-op.ts, shared with the parts this map merges
// (contract-checkin.ts, contract-event.ts): a dispatch validates an operation of those with its
// part alone, without building every schema here (core/lazy-schemas.ts, issue 21 item 5).
/** A change to one record of the desk's event: which record, which event, which desk. */
const deskId = deskScope.extend({ id: z.number().int().positive() }).strict();

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface AppInfo {
  version: string;
  runtime: 'electron' | 'web' | 'cli';
  dataDir: string;
  dbPath: string;
  /** The job worker could not start and jobs run on the main thread (issue 17): the desks say so. */
  workerFallback: boolean;
}
/** The Electron window's desk, remembered in the kiosk's settings (a browser desk keeps its own in localStorage). */
export interface KioskDesk {
  name: string;
  eventId: number;
}
export interface Settings {
  lang: Lang;
  kioskDesk: KioskDesk | null;
}
export const settingsInput = z
  .object({
    lang: z.enum(LANGS).optional(),
    kioskDesk: z.object({ name: deskName, eventId: z.number().int().positive() }).strict().optional(),
  })
  .strict();
export interface ListResult {
  rows: Participant[];
  /** Rows matching the filters. */
  total: number;
  /** The event's participants apart from any filter (not deleted), and the deleted ones. */
  all: number;
  deleted: number;
}
export interface Facets {
  regencies: string[];
  roles: string[];
}
export interface ExportFile extends FileResult {
  rows: number;
}

export const participantsListInput = z
  .object({
    query: z.string().max(200).default(''),
    regency: z.string().max(120).nullish(),
    role: z.string().max(60).nullish(),
    /** Attendance: 'present' = checked in on `day` (any day when no day is given). */
    status: z.enum(['all', 'present', 'absent']).default('all'),
    day: z.number().int().positive().nullish(),
    includeDeleted: z.boolean().default(false),
    /** Only deleted participants (the "Dihapus" view, to restore them). */
    onlyDeleted: z.boolean().default(false),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
    ...eventRef,
  })
  .strict();

export const exportInput = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    /** UU PDP: NIK, phone and e-mail leave the kiosk only when the organiser ticks this. */
    includePersonal: z.boolean().default(false),
    /** CSV only: `;` for Excel set to Indonesian (the kiosk's default language), `,` for English. */
    separator: z.enum([',', ';']).default(';'),
    ...eventRef,
    /** Named in the audit row of the export, when a desk asks. */
    desk: deskName.optional(),
  })
  .strict();

/** A lost badge replaced: the participant's new code, and the retired one a scan now refuses. */
export interface ReissueResult {
  participant: Participant;
  oldCode: string;
  newCode: string;
  replacedAt: string;
}

export const contract = {
  'app.info': op<AppInfo>()(none),
  'settings.get': op<Settings>()(none),
  'settings.set': op<Settings>()(settingsInput),
  /** A one-page A4 PDF for checking the desk printer: scale, margins, backgrounds. */
  'print.testPage': op<FileResult>()(none),
  /** `hadir doctor` for the device-check screen: database, disk, backup folder, job worker, clock. */
  'system.doctor': op<DoctorReport>()(ofEvent),
  // The event's operations (contract-event.ts); its file's export and import are below.
  ...eventContract,
  'participants.list': op<ListResult>()(participantsListInput),
  'participants.facets': op<Facets>()(ofEvent),
  // Who has characters in their name the bundled fonts cannot draw (empty boxes on paper).
  'participants.undrawable': op<UndrawableName[]>()(ofEvent),
  'participants.get': op<Participant>()(id.extend(eventRef)),
  'participants.create': op<Participant>()(participantInput.extend(deskScope.shape).strict()),
  'participants.update': op<Participant>()(deskId.extend({ data: participantInput.strict() })),
  'participants.delete': op<Participant>()(deskId),
  'participants.restore': op<Participant>()(deskId),
  'participants.importPreview': op<ImportPreview>()(importPreviewInput.extend(eventRef).strict()),
  'participants.importCommit': op<ImportOutcome>()(importCommitInput.extend(deskScope.shape).strict()),
  'participants.export': op<ExportFile>()(exportInput),
  'backup.status': op<BackupStatusDto>()(none),
  'backup.run': op<BackupStatusDto>()(none),
  'backup.setDir': op<BackupStatusDto>()(backupDirInput),
  'backup.inspect': op<BackupPreview>()(backupFileInput),
  'backup.restore': op<RestoreOutcomeDto>()(backupFileInput),
  'event.exportFile': op<FileResult>()(eventExportInput),
  'event.importFile': op<EventImportOutcome>()(eventImportInput),
  'reports.recap': op<Recap>()(recapInput),
  'reports.recapExport': op<FileResult>()(recapExportInput),
  'reports.timeline': op<TimelineDay[]>()(timelineInput),
  'reports.daftarHadir': op<FileResult>()(daftarHadirInput),
  // Issue 19: where desks and the hub (or two merged laptops) may disagree, for the committee.
  'reports.reconciliation': op<Reconciliation>()(reconciliationInput),
  'reports.reconciliationPdf': op<FileResult>()(reconciliationPdfInput),
  'roles.add': op<string[]>()(deskScope.extend({ name: plainText(60).min(2) }).strict()),
  'badges.reissue': op<ReissueResult>()(deskId),
  'badges.render': op<BadgeFile>()(badgesRenderInput),
  'badges.testSheet': op<FileResult>()(badgesTestSheetInput),
  'badges.offsets': op<BadgeOffsets>()(none),
  'badges.setOffset': op<BadgeOffsets>()(badgesSetOffsetInput),
  // Long work (core/jobs): start returns at once; the screen polls status, may cancel, fetches the result.
  'jobs.start': op<JobStatus>()(jobStartInput),
  'jobs.status': op<JobStatus>()(jobIdInput),
  'jobs.cancel': op<JobStatus>()(jobIdInput),
  'jobs.result': op<JobResult>()(jobIdInput),
  // The check-in desk's operations (contract-checkin.ts).
  ...checkinContract,
  'certificates.settings': op<CertSettingsView>()(ofEvent),
  'certificates.saveSettings': op<CertSettingsView>()(certSettingsInput.extend(deskScope.shape).strict()),
  'certificates.setAsset': op<CertSettingsView>()(setAssetInput),
  'certificates.list': op<CertList>()(certListInput),
  'certificates.override': op<CertRow>()(overrideInput),
  'certificates.issue': op<IssueResult>()(issueInput),
  'certificates.printed': op<CertRow>()(printedInput),
  'certificates.batch': op<BatchResult>()(batchInput),
  'certificates.preview': op<FileResult>()(previewInput),
  'certificates.revoke': op<CertRow>()(revokeInput),
  'certificates.verify': op<VerifyResult>()(verifyInput),
  'certificates.publicKey': op<PublicKeyResult>()(ofEvent),
  // The office's paperwork (issue 20): rates, signatories, the daftar penerimaan, the 20-JP record.
  'payments.settings': op<PaymentSettings>()(ofEvent),
  'payments.setRates': op<PaymentSettings>()(setRatesInput.extend(deskScope.shape).strict()),
  'payments.ratesFile': op<PaymentSettings>()(ratesFileInput.extend(deskScope.shape).strict()),
  'payments.saveConfig': op<PaymentSettings>()(paymentConfig.extend(deskScope.shape).strict()),
  'payments.setTaxRate': op<PaymentSettings>()(setTaxRateInput.extend(deskScope.shape).strict()),
  'reports.receipts': op<FileResult>()(receiptsInput),
  'reports.jp': op<FileResult>()(jpInput),
  'reports.speakers': op<FileResult>()(speakersInput),
  'payments.programmeFile': op<ProgrammeItem[]>()(programmeFileInput),
  'certificates.statement': op<FileResult>()(statementInput),
  // The kiosk's own "Buka untuk meja lain" switch (issue 19): the same HTTPS hub as --host 0.0.0.0.
  'hub.status': op<HubStatus>()(none),
  'hub.open': op<HubStatus>()(hubOpenInput),
  'hub.close': op<HubStatus>()(none),
  'hub.newKey': op<HubStatus>()(none),
  'hub.revoke': op<HubStatus>()(hubRevokeInput),
} satisfies { [K in OpName]: OpDef<z.ZodType, unknown> };

// The reverse check: no operation in the contract that op-names.ts (and so the preload) lacks.
type Extra = Exclude<keyof typeof contract, OpName>;
const _noExtra: [Extra] extends [never] ? true : never = true;
void _noExtra;

export type Contract = typeof contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsed<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = Contract[K] extends OpDef<z.ZodType, infer O> ? O : never;

export { FIELDS };
