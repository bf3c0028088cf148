import { z } from 'zod';

export interface BackupEntryDto {
  file: string;
  at: string;
  reason: string;
  bytes: number;
  /** The order it was made in (core/system/backup-files.ts). */
  seq: number;
}
export interface BackupStatusDto {
  /** The organiser's folder (a USB stick, say), or null: only the data folder's backups/. */
  dir: string | null;
  dataDirBackups: string;
  last: { at: string; reason: string; copies: { dir: string; file?: string; error?: string }[]; clockBehind?: string } | null;
  /** Newest first, across both folders. */
  backups: BackupEntryDto[];
}
export interface BackupPreview {
  file: string;
  events: string[];
  participants: number;
  checkins: number;
  lastCheckinAt: string | null;
}

/** A check-in of the replaced database that the backup lacked, carried into the restored one. */
export interface CarriedScanDto {
  uuid: string;
  event: string;
  name: string | null;
  date: string | null;
  scannedAt: string;
  verdict: string;
  station: string;
}
export interface RestoreOutcomeDto extends BackupStatusDto {
  /** The replaced database, kept beside the new one (hadir.db.before-restore-…). */
  keptAs: string | null;
  carried: CarriedScanDto[];
}

export const backupFileInput = z.object({ file: z.string().min(1).max(4096) }).strict();
export const backupDirInput = z.object({ dir: z.string().trim().min(1).max(4096).nullable() }).strict();
