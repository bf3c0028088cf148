// A backup is a file that comes back in: hostile until checked. It is never opened where it lies
// (that wrote a -shm beside it, and a read-only open ignored the scans still in its -wal); a
// private copy is made in the data folder, its -wal folded in, and only that copy is checked,
// previewed and, on a restore, installed: what the preview shows is what gets restored.
//
// Checked, in this order, before any statement reads a table or view of the file:
// - its size against its own page count and the free space, BEFORE anything is copied (a sparse
//   3 GB "backup" holding 252 KB was copied whole);
// - user_version: 0 (no Hadir schema), newer than this app, or not a version Hadir ever wrote;
// - every table, column, index, trigger and view by its SQL against a database freshly migrated
//   to the same version (a trigger renaming everyone, an attendance view counting everyone, a
//   missing column or append-only trigger are all refused);
// - integrity_check and foreign_key_check.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIN_FREE_BYTES } from '../../db/connection';
import { MIGRATIONS, LATEST_VERSION } from '../../db/migrations';
import { summarise, type DbSummary } from '../../db/repositories/summary';
import { HadirError } from '../../shared/errors';
import { processAlive } from './process-alive';

/** Where private copies are made: inside the data folder, so installing one is a rename. */
export const CHECK_DIR = 'restore-check';

export interface CheckedBackup {
  /** The private copy, a single rollback-journal file that passed every check. */
  copy: string;
  version: number;
  summary: DbSummary;
  /** Deletes the copy (a preview, or a restore that did not install it). */
  discard: () => void;
}

/** A refusal: one line, Indonesian then English, naming what is wrong. */
function refuse(id: string, en: string): never {
  throw new HadirError('backup_invalid', `Not a usable backup: ${en}`, { detail: `${id} / ${en}` });
}

/** The header fields needed to bound the file before copying it (sqlite.org/fileformat.html). */
export function readHeader(file: string): { pageSize: number; pageCount: number | null } {
  const head = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, head, 0, 100, 0) < 100) refuse('berkas terlalu pendek', 'the file is too short');
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0')
    refuse('bukan berkas basis data SQLite', 'not an SQLite database file');
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) refuse('ukuran halaman tidak sah', 'invalid page size');
  // The in-header page count is valid only when written by a version that kept it (offset 92).
  const valid = head.readUInt32BE(92) === head.readUInt32BE(24);
  const pageCount = head.readUInt32BE(28);
  return { pageSize, pageCount: valid && pageCount > 0 ? pageCount : null };
}

function freeBytes(dir: string): number {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return Infinity;
  }
}

/**
 * Bounds the copy before it is made: the main file may be no larger than the pages its header
 * counts (a sparse or padded file is refused), and the file with its -wal must fit in the free
 * space of the data folder with room to spare.
 */
function checkSize(source: string, dataDir: string): { bytes: number; wal: number } {
  const bytes = fs.statSync(source).size;
  const { pageSize, pageCount } = readHeader(source);
  if (pageCount !== null && bytes > pageCount * pageSize) {
    refuse(
      `berkas ${bytes} byte tetapi isinya hanya ${pageCount * pageSize} byte (berkas jarang/berongga)`,
      `the file is ${bytes} bytes but holds only ${pageCount * pageSize} bytes of database (sparse or padded)`,
    );
  }
  const wal = fs.statSync(`${source}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  const free = freeBytes(dataDir);
  if (bytes + wal + MIN_FREE_BYTES > free) {
    refuse(
      `ruang kosong tidak cukup untuk menyalinnya (${bytes + wal} byte, tersedia ${free})`,
      `not enough free space to copy it (${bytes + wal} bytes, ${free} free)`,
    );
  }
  return { bytes, wal };
}

type Schema = Map<string, string>;

/** type + name → SQL, for everything but SQLite's own objects. */
function schemaOf(db: Database.Database): Schema {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string | null }[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, (r.sql ?? '').replace(/\s+/g, ' ').trim()]));
}

const reference = new Map<number, Schema>();
/** The schema Hadir itself writes at this version: every migration up to it, on an empty database. */
export function referenceSchema(version: number): Schema {
  let s = reference.get(version);
  if (!s) {
    const db = new Database(':memory:');
    try {
      db.transaction(() => {
        for (const m of MIGRATIONS.filter((m) => m.version <= version)) m.up(db);
      })();
      s = schemaOf(db);
    } finally {
      db.close();
    }
    reference.set(version, s);
  }
  return s;
}

/** The first difference between the file's schema and Hadir's own, worded; null when equal. */
export function schemaDifference(found: Schema, expected: Schema): { id: string; en: string } | null {
  for (const [key, sql] of expected) {
    const has = found.get(key);
    if (has === undefined) return { id: `${key} tidak ada`, en: `${key} is missing` };
    if (has !== sql) return { id: `${key} berbeda dari milik Hadir`, en: `${key} differs from Hadir's own` };
  }
  for (const key of found.keys()) {
    if (!expected.has(key)) return { id: `${key} bukan bagian dari Hadir`, en: `${key} is not part of Hadir` };
  }
  return null;
}

/**
 * Copies a backup (with its -wal, if one lies beside it) into the data folder's private check
 * folder, folds the -wal in, and checks the copy. Nothing is written beside the source. Throws
 * backup_invalid, worded, when any check fails; the copy is then gone.
 */
export function checkBackup(source: string, dataDir: string): CheckedBackup {
  const st = fs.statSync(source, { throwIfNoEntry: false });
  if (!st?.isFile()) refuse('berkas tidak ada', `no such file: ${source}`);
  checkSize(source, dataDir);
  // Copies a killed check or restore left would otherwise stay for good, each a database's size.
  cleanCheckDir(dataDir);
  const dir = path.join(dataDir, CHECK_DIR);
  fs.mkdirSync(dir, { recursive: true });
  // Named with this process's id: another process's sweep leaves it alone while this one runs.
  const copy = path.join(dir, `${process.pid}-${crypto.randomUUID()}.db`);
  const discard = () => {
    for (const ext of ['', '-wal', '-shm', '-journal']) fs.rmSync(copy + ext, { force: true });
    try {
      fs.rmdirSync(dir); // only when empty: another check may be using it
    } catch {
      /* not empty, or gone */
    }
  };
  let db: Database.Database | undefined;
  try {
    fs.copyFileSync(source, copy);
    // A hot journal would be rolled back and a -wal folded in: both are part of what was saved.
    for (const ext of ['-wal', '-journal']) if (fs.existsSync(source + ext)) fs.copyFileSync(source + ext, copy + ext);
    try {
      db = new Database(copy, { fileMustExist: true });
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('journal_mode = DELETE');
    } catch (e) {
      refuse('tidak dapat dibaca', `it cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) refuse('tidak berisi skema Hadir (versi 0)', 'it holds no Hadir schema (version 0)');
    if (version > LATEST_VERSION)
      refuse(
        `ditulis oleh Hadir yang lebih baru (skema ${version}, aplikasi ini ${LATEST_VERSION})`,
        `written by a newer Hadir (schema ${version}, this app knows ${LATEST_VERSION}); update Hadir first`,
      );
    if (!MIGRATIONS.some((m) => m.version === version))
      refuse(`versi skema ${version} tidak dikenal`, `schema version ${version} was never written by Hadir`);
    const diff = schemaDifference(schemaOf(db), referenceSchema(version));
    if (diff) refuse(`skema diubah: ${diff.id}`, `its schema was altered: ${diff.en}`);
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])[0]?.integrity_check ?? 'no answer';
    if (integrity !== 'ok') refuse(`rusak (${integrity})`, `it is damaged (${integrity})`);
    if ((db.pragma('foreign_key_check') as unknown[]).length > 0)
      refuse('rujukan antarbaris rusak', 'rows refer to rows that do not exist');
    // Only now, with the schema Hadir's own, is a view of the file trusted to count.
    const summary = summarise(db);
    return { copy, version, summary, discard };
  } catch (e) {
    db?.close();
    db = undefined;
    discard();
    // A damaged page can make a check itself fail (integrity_check answers SQLITE_CORRUPT rather
    // than a row): still a damaged backup, said in one line, never `internal`.
    if (e instanceof Database.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(e.code))
      refuse(`rusak (${e.message})`, `it is damaged (${e.message})`);
    throw e;
  } finally {
    db?.close();
  }
}

/** Checks and forgets: the preview's figures, from the same checked copy a restore installs. */
export function inspectBackup(source: string, dataDir: string): DbSummary {
  const c = checkBackup(source, dataDir);
  c.discard();
  return c.summary;
}

/**
 * Removes the copies a check or restore left when a kill cut it short: every file in the check
 * folder whose maker (the pid its name starts with) is no longer running, or that names none.
 * A copy of a check running now, in this process or another, stays. Run before every check and
 * when a process opens the data folder (open-context.ts). Returns the files removed.
 */
export function cleanCheckDir(dataDir: string): string[] {
  const dir = path.join(dataDir, CHECK_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = /^(\d+)-/.exec(name)?.[1];
    if (pid !== undefined && (Number(pid) === process.pid || processAlive(Number(pid)))) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    removed.push(name);
  }
  try {
    fs.rmdirSync(dir); // only when empty
  } catch {
    /* a check is using it */
  }
  return removed;
}
