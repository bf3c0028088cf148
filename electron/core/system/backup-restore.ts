// Restoring a backup in a running kiosk (the Electron window, the web host, or a CLI command):
// check it (backup-check.ts), keep what is there now, swap the file, and carry into the restored
// database the check-ins the backup lacks, so "restored to 10:40" never means "lost the
// check-ins of 10:40-11:15". The running process's connection is swapped in the one place every
// desk, job and the backup scheduler read it from (replaceDb); a restore from a process that
// does not hold the kiosk's connection is refused while one that does is running.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { openDatabase, type Db } from '../../db/connection';
import { HadirError } from '../../shared/errors';
import type { CarriedScanDto } from '../../shared/backup';
import { replaceDb, type Ctx } from '../context';
import { exportEvent, importEvent } from '../event/transfer';
import { checkBackup } from './backup-check';
import { moveAside } from './backup-files';
import { runBackup } from './backup';
import { describeHolder, otherHolders } from './db-holders';

export interface RestoreResult {
  /** Where the database that was replaced is kept (hadir.db.before-restore-…). */
  keptAs: string | null;
  carried: CarriedScanDto[];
}

/** Refuses (conflict, naming it) while another process keeps the database open. */
export function refuseIfHeld(dataDir: string): void {
  const [h] = otherHolders(dataDir);
  if (!h) return;
  const d = describeHolder(h);
  throw new HadirError(
    'conflict',
    `The database is in use by ${d.en}: restore from its Laporan → Cadangan screen, or stop it first. Nothing was changed.`,
    {
      detail:
        `basis data sedang dipakai oleh ${d.id}; pulihkan dari layar Laporan → Cadangan di sana, atau hentikan dulu / ` +
        `the database is in use by ${d.en}: restore from its Laporan → Cadangan screen, or stop it first`,
    },
  );
}

export async function restoreBackup(ctx: Ctx, source: string): Promise<RestoreResult> {
  refuseIfHeld(ctx.dataDir);
  const checked = checkBackup(source, ctx.dataDir);
  try {
    // What is there now is kept as a backup too (besides the file moved aside below).
    await runBackup(ctx, 'before-restore');
  } catch (e) {
    checked.discard();
    throw e;
  }
  // From here to the end nothing awaits: no other request runs between the close and the swap.
  ctx.db.close();
  const at = ctx.now();
  const keptAs = fs.existsSync(ctx.dbPath) ? moveAside(ctx.dbPath, 'before-restore', at) : null;
  let db: Db | undefined;
  try {
    fs.renameSync(checked.copy, ctx.dbPath);
    db = openDatabase(ctx.dbPath); // an older backup is migrated here, in one transaction
    const carried = keptAs ? carryScans(ctx, db, keptAs) : [];
    replaceDb(ctx, db);
    ctx.log.info({ source, keptAs, carried: carried.length }, 'backup restored');
    return { keptAs, carried };
  } catch (e) {
    // Put back the file that was moved aside, whatever failed: the kiosk keeps working as before.
    db?.close();
    checked.discard();
    if (keptAs) {
      fs.rmSync(ctx.dbPath, { force: true });
      for (const ext of ['-wal', '-shm']) fs.rmSync(ctx.dbPath + ext, { force: true });
      for (const ext of ['', '-wal', '-shm']) if (fs.existsSync(keptAs + ext)) fs.renameSync(keptAs + ext, ctx.dbPath + ext);
    }
    replaceDb(ctx, openDatabase(ctx.dbPath));
    ctx.log.error({ err: e, source }, 'restore failed; the previous database was put back');
    if (e instanceof HadirError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new HadirError('backup_invalid', `Not a usable backup: ${why}. The previous database was put back.`, {
      detail: `tidak dapat dipasang (${why}); basis data sebelumnya dikembalikan / it could not be installed (${why}); the previous database was put back`,
    });
  }
}

interface OldScan {
  uuid: string;
  event_id: number;
  participant_id: number | null;
  event_day_id: number | null;
  [col: string]: unknown;
}

/**
 * The scan-log rows of the replaced database that the restored one lacks, added by uuid (the
 * log is append-only, so it merges as the event merge does). A scan's person is found by badge
 * code, or by a code they had before a reissue; a person the backup does not know (a walk-in
 * registered after it) is added with them. An event the backup does not know at all comes across
 * whole, through the event file's own merge. One transaction: all carried, or none and the
 * restore is undone.
 */
function carryScans(ctx: Ctx, db: Db, keptAs: string): CarriedScanDto[] {
  const old = new Database(keptAs, { readonly: true, fileMustExist: true });
  try {
    const carried: CarriedScanDto[] = [];
    const scanCols = (db.prepare('PRAGMA table_info(scan)').all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
    const pCols = (db.prepare('PRAGMA table_info(participant)').all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c !== 'id');
    const has = db.prepare('SELECT 1 FROM scan WHERE uuid = ?').pluck();
    const byCode = db.prepare('SELECT id FROM participant WHERE event_id = ? AND code = ?').pluck();
    const byOldCode = db.prepare('SELECT participant_id FROM badge_replaced WHERE event_id = ? AND code = ?').pluck();
    const dayByDate = db.prepare('SELECT id FROM event_day WHERE event_id = ? AND date = ?').pluck();
    const addScan = db.prepare(`INSERT INTO scan (${scanCols.join(', ')}) VALUES (${scanCols.map((c) => '@' + c).join(', ')})`);
    const addPerson = db.prepare(`INSERT INTO participant (${pCols.join(', ')}) VALUES (${pCols.map((c) => '@' + c).join(', ')})`);
    const oldPerson = old.prepare('SELECT * FROM participant WHERE id = ?');
    const oldDay = old.prepare('SELECT date, day_no FROM event_day WHERE id = ?');
    const events = old.prepare('SELECT id, secret, name FROM event').all() as { id: number; secret: Buffer; name: string }[];
    const eventBySecret = db.prepare('SELECT id FROM event WHERE secret = ?').pluck();
    db.transaction(() => {
      for (const e of events) {
        const scans = old.prepare('SELECT * FROM scan WHERE event_id = ? ORDER BY id').all(e.id) as OldScan[];
        const missing = scans.filter((s) => !has.get(s.uuid));
        if (!missing.length) continue;
        const list = (s: OldScan) => {
          const p = s.participant_id === null ? null : (oldPerson.get(s.participant_id) as { name: string } | undefined);
          const d = s.event_day_id === null ? null : (oldDay.get(s.event_day_id) as { date: string } | undefined);
          carried.push({
            uuid: s.uuid,
            event: e.name,
            name: p?.name ?? null,
            date: d?.date ?? null,
            scannedAt: String(s.scanned_at),
            verdict: String(s.verdict),
            station: String(s.station),
          });
        };
        let eventId = eventBySecret.get(e.secret) as number | undefined;
        if (eventId === undefined) {
          // An event made after the backup: all of it, by the event file's own rules.
          const file = exportEvent(Object.create(ctx, { db: { value: old } }) as Ctx, e.id);
          importEventInto(ctx, db, file.bytes);
          missing.forEach(list);
          continue;
        }
        for (const s of missing) {
          let pid: number | null = null;
          if (s.participant_id !== null) {
            const p = oldPerson.get(s.participant_id) as Record<string, unknown> & { code: string };
            pid = (byCode.get(eventId, p.code) as number | undefined) ?? (byOldCode.get(eventId, p.code) as number | undefined) ?? null;
            if (pid === null) {
              const row: Record<string, unknown> = {};
              for (const c of pCols) row[c] = p[c] ?? null;
              row.event_id = eventId;
              pid = Number(addPerson.run(row).lastInsertRowid);
            }
          }
          let dayId: number | null = null;
          if (s.event_day_id !== null) {
            const d = oldDay.get(s.event_day_id) as { date: string };
            dayId = (dayByDate.get(eventId, d.date) as number | undefined) ?? null;
            if (dayId === null) continue; // a day the restored event no longer has: nothing to attach it to
          }
          const row: Record<string, unknown> = {};
          for (const c of scanCols) row[c] = s[c] ?? null;
          Object.assign(row, { event_id: eventId, participant_id: pid, event_day_id: dayId });
          addScan.run(row);
          list(s);
        }
      }
    }).immediate();
    return carried;
  } finally {
    old.close();
  }
}

/** importEvent on a connection that is not yet the context's own (the swap comes after). */
function importEventInto(ctx: Ctx, db: Db, bytes: Uint8Array): void {
  importEvent(Object.create(ctx, { db: { value: db } }) as Ctx, bytes, 'new');
}
