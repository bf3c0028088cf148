// `hadir doctor`: the pre-event device check a command can do (issue 17). Each check is a pure
// function over what was measured (so tests/unit/doctor.test.ts holds the verdicts and their
// wording), and each measurement is a small function over the real machine: the database file,
// the disk, the backup folder, a job worker that renders a page as a tag is rendered
// (doctor-worker.ts, doctor-page.ts), the clock.
// The camera, sound, printer and kiosk PIN need the app window: the "Cek perangkat" screen.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { localDate, type TimeZone } from '../../shared/time-zone';
import type { WorkerMeasure } from './doctor-worker';

import type { CheckResult } from '../../shared/doctor';
export type { CheckResult, CheckState } from '../../shared/doctor';

const MB = 1024 * 1024;
/** Below this the kiosk cannot be trusted through a day of check-ins, backups and PDFs. */
export const DISK_FAIL_BYTES = 200 * MB;
export const DISK_WARN_BYTES = 1024 * MB;

// ---- the checks (pure) ----

export type DbMeasure = { missing: true } | { opened: true; quickCheck: string } | { opened: false; error: string };

export function checkDatabase(m: DbMeasure): CheckResult {
  if ('missing' in m)
    return { check: 'database', state: 'warn', message: 'Belum ada basis data; Hadir membuatnya saat pertama dibuka. / No database yet; Hadir creates it on first start.' };
  // A full or unwritable disk stops even a read-only open (the WAL's -shm cannot be made): then the
  // file is not at fault, and a restore would be the wrong advice.
  if (!m.opened && /full|disk I\/O|readonly|read-only|unable to open/i.test(m.error))
    return { check: 'database', state: 'fail', message: `Basis data tidak dapat dibuka (${m.error}); periksa ruang disk dan izin folder data, jangan pulihkan cadangan dulu. / The database cannot be opened (${m.error}); check free space and the data folder's permissions before restoring anything.` };
  if (!m.opened)
    return { check: 'database', state: 'fail', message: `Basis data tidak dapat dibuka (${m.error}); pulihkan cadangan: hadir restore --latest. / The database cannot be opened (${m.error}); restore a backup: hadir restore --latest.` };
  if (m.quickCheck !== 'ok')
    return { check: 'database', state: 'fail', message: `Basis data rusak (quick_check: ${m.quickCheck}); pulihkan cadangan: hadir restore --latest. / The database is damaged; restore a backup: hadir restore --latest.` };
  return { check: 'database', state: 'ok', message: 'Basis data terbuka dan lolos quick_check. / The database opens and passes quick_check.' };
}

export function checkDisk(free: { bytes: number } | { error: string }): CheckResult {
  if ('error' in free) return { check: 'disk', state: 'warn', message: `Ruang disk tidak dapat dibaca (${free.error}). / Free disk space could not be read.` };
  const mb = Math.floor(free.bytes / MB);
  if (free.bytes < DISK_FAIL_BYTES)
    return { check: 'disk', state: 'fail', message: `Disk data hampir penuh (${mb} MB tersisa); kosongkan minimal 1 GB sebelum acara. / The data disk is almost full (${mb} MB free); free at least 1 GB before the event.` };
  if (free.bytes < DISK_WARN_BYTES)
    return { check: 'disk', state: 'warn', message: `Ruang disk data tinggal ${mb} MB; sebaiknya kosongkan hingga 1 GB. / Only ${mb} MB free on the data disk; free up to 1 GB.` };
  return { check: 'disk', state: 'ok', message: `Ruang disk data cukup (${mb} MB). / Enough free space on the data disk (${mb} MB).` };
}

export type BackupMeasure = { dir: null } | { dir: string; writable: true; sameDisk: boolean } | { dir: string; writable: false; error: string };

export function checkBackup(m: BackupMeasure): CheckResult {
  if (m.dir === null)
    return { check: 'backup', state: 'warn', message: 'Cadangan hanya di disk laptop; pilih folder cadangan di flashdisk (Laporan → Cadangan data, atau hadir backup --to DIR). / Backups are on the laptop’s disk only; choose a backup folder on a USB stick (Reports → Backups, or hadir backup --to DIR).' };
  if (!m.writable)
    return { check: 'backup', state: 'fail', message: `Folder cadangan ${m.dir} tidak dapat ditulis (${m.error}); periksa flashdisk atau pilih folder lain. / The backup folder cannot be written (${m.error}); check the USB stick or choose another folder.` };
  if (m.sameDisk)
    return { check: 'backup', state: 'warn', message: `Folder cadangan ${m.dir} ada di disk yang sama dengan data; pakai flashdisk agar cadangan selamat jika disk rusak. / The backup folder is on the same disk as the data; use a USB stick so a disk failure does not take both.` };
  return { check: 'backup', state: 'ok', message: `Folder cadangan ${m.dir} dapat ditulis dan ada di disk lain. / The backup folder is writable and on another disk.` };
}

export type { WorkerMeasure } from './doctor-worker';

/** `fellBack`: this process's jobs already run on the main thread (core/jobs/fallback-runner.ts). */
export function checkWorker(m: WorkerMeasure, fellBack = false): CheckResult {
  if (m.ok && fellBack)
    return { check: 'worker', state: 'warn', message: 'Proses latar (job worker) gagal dimulai tadi; impor, tanda nama dan sertifikat kini berjalan di proses utama dan layar melambat selama itu. Mulai ulang Hadir; bila terulang, kirim log ke petugas TI. / The job worker failed to start earlier; imports, name tags and certificates now run on the main thread and the screens slow down meanwhile. Restart Hadir; if it happens again, send the log to your IT person.' };
  if (!m.ok)
    return { check: 'worker', state: 'fail', message: `Proses latar (job worker) gagal membuat halaman uji PDF (${m.error}); impor, tanda nama dan sertifikat akan lambat atau gagal: kirim log ke petugas TI. / The job worker could not make a PDF test page (${m.error}); imports, name tags and certificates will be slow or fail: send the log to your IT person.` };
  if (!m.rendered)
    return { check: 'worker', state: 'ok', message: `Proses latar (job worker) dimulai dan menjawab (${Math.round(m.ms)} ms); uji pembuatan PDF: hadir doctor --full atau layar Cek perangkat. / The job worker starts and answers (${Math.round(m.ms)} ms); to test making a PDF: hadir doctor --full or the Device check screen.` };
  return { check: 'worker', state: 'ok', message: `Proses latar membuat halaman uji PDF dengan huruf dan QR tanda nama (${Math.round(m.ms)} ms). / The job worker made a PDF test page with the name tags' font and QR (${Math.round(m.ms)} ms).` };
}

export interface ClockMeasure {
  now: Date;
  /** The laptop's offset from UTC in minutes (east positive), e.g. 420 for WIB. */
  offsetMinutes: number;
  event: { timeZone: TimeZone; days: string[] } | null;
}
const ZONE_OFFSET: Record<TimeZone, number> = { 'Asia/Jakarta': 420, 'Asia/Makassar': 480, 'Asia/Jayapura': 540 };
/** A check-in a week before the first day is set-up; further off, the clock is likely wrong. */
const DAYS_BEFORE_OK = 14;

export function checkClock(m: ClockMeasure): CheckResult {
  if (!m.event) return { check: 'clock', state: 'warn', message: 'Belum ada acara: jam tidak dapat dibandingkan. / No event yet: the clock cannot be compared.' };
  const today = localDate(m.now, m.event.timeZone);
  const days = [...m.event.days].sort();
  const first = days[0]!;
  const last = days.at(-1)!;
  const dayMs = 86_400_000;
  const before = (Date.parse(first) - Date.parse(today)) / dayMs;
  if (today > last || before > DAYS_BEFORE_OK)
    return { check: 'clock', state: 'warn', message: `Tanggal laptop ${today}, acara ${first}–${last}: periksa tanggal dan jam laptop, atau setiap kehadiran tercatat di hari yang salah. / The laptop’s date is ${today}, the event runs ${first}–${last}: check the laptop’s date and time, or check-ins land on the wrong day.` };
  if (m.offsetMinutes !== ZONE_OFFSET[m.event.timeZone])
    return { check: 'clock', state: 'warn', message: `Zona waktu laptop (UTC${fmtOffset(m.offsetMinutes)}) berbeda dari zona acara (${m.event.timeZone}); Hadir memakai zona acara, tetapi periksa jam laptop. / The laptop’s time zone differs from the event’s; Hadir uses the event’s, but check the laptop’s clock.` };
  return { check: 'clock', state: 'ok', message: `Tanggal laptop ${today} cocok dengan acara (${first}–${last}). / The laptop’s date fits the event.` };
}
const fmtOffset = (min: number) => `${min >= 0 ? '+' : '-'}${String(Math.floor(Math.abs(min) / 60)).padStart(2, '0')}:${String(Math.abs(min) % 60).padStart(2, '0')}`;

/** Exit 0 only when nothing fails (warnings pass). */
export const doctorExitCode = (results: readonly CheckResult[]): number => (results.some((r) => r.state === 'fail') ? 1 : 0);

// ---- the measurements (the real machine) ----

export function measureDatabase(dbPath: string): DbMeasure {
  if (!fs.existsSync(dbPath)) return { missing: true };
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return { opened: true, quickCheck: String(db.pragma('quick_check', { simple: true })) };
    } finally {
      db.close();
    }
  } catch (e) {
    return { opened: false, error: e instanceof Error ? e.message : String(e) };
  }
}

export function measureDisk(dir: string): { bytes: number } | { error: string } {
  try {
    const s = fs.statfsSync(dir);
    return { bytes: s.bavail * s.bsize };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Writes and removes a probe file in the backup folder, and compares its disk with the data's. */
export function measureBackup(dataDir: string, dir: string | null): BackupMeasure {
  if (!dir) return { dir: null };
  const probe = path.join(dir, `.hadir-doctor-${crypto.randomBytes(4).toString('hex')}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(probe, 'hadir doctor');
    fs.rmSync(probe);
  } catch (e) {
    fs.rmSync(probe, { force: true });
    return { dir, writable: false, error: (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e)) };
  }
  return { dir, writable: true, sameDisk: fs.statSync(dir).dev === fs.statSync(dataDir).dev };
}
