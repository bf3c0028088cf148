// Issue 17, finding 3: on a Windows shutdown or logout Electron emits no before-quit and the
// process is killed soon after, so the backup is taken synchronously on the window's
// query-session-end / session-end. On real files: the backup exists when the handler returns
// (no await), holds what was committed and nothing an unfinished import wrote, and opens alone.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContext } from '../../electron/core/open-context';
import { backupStatus, setBackupDir } from '../../electron/core/system/backup';
import { sessionEndHandler } from '../../electron/core/system/session-end';
import { RESOURCES, ok, tempDir } from '../helpers/ctx';

const count = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      rows: (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
      check: db.pragma('quick_check', { simple: true }),
      journal: db.pragma('journal_mode', { simple: true }),
    };
  } finally {
    db.close();
  }
};

describe('session end (Windows shutdown, restart, logout)', () => {
  it('takes a checkpoint and a whole backup before returning, once, and copies it to the organiser folder', async () => {
    const ctx = openContext(tempDir(), 'cli', RESOURCES, { actor: 'test' });
    const usb = tempDir('hadir-usb-');
    try {
      await ok(ctx, 'event.createDemo', {});
      setBackupDir(ctx.dataDir, usb);
      const committed = (ctx.db.prepare('SELECT count(*) AS n FROM participant').get() as { n: number }).n;
      expect(committed).toBeGreaterThan(0);
      // An import still being written: its rows must not reach the backup.
      ctx.db.exec('BEGIN IMMEDIATE');
      ctx.db.exec('DELETE FROM participant');

      const onSessionEnd = sessionEndHandler(ctx);
      const out = onSessionEnd(); // synchronous: Windows may kill the process right after
      expect(out).not.toBeInstanceOf(Promise);
      expect(out!.copies.map((c) => c.error)).toEqual([undefined, undefined]);
      const [own, copy] = out!.copies.map((c) => c.file!);
      expect(path.dirname(own!)).toBe(path.join(ctx.dataDir, 'backups'));
      expect(path.dirname(copy!)).toBe(usb);
      for (const file of [own!, copy!]) {
        expect(count(file, 'participant')).toEqual({ rows: committed, check: 'ok', journal: 'delete' });
      }
      expect(fs.readdirSync(usb).filter((f) => f.endsWith('.partial'))).toEqual([]);
      // The backup card shows it as the last backup.
      expect(backupStatus(ctx.dataDir).last).toMatchObject({ reason: 'quit', copies: [{ file: own }, { file: copy }] });
      // session-end after query-session-end: no second backup.
      expect(onSessionEnd()).toBeNull();
      expect(fs.readdirSync(path.join(ctx.dataDir, 'backups')).filter((f) => f.endsWith('-quit.db'))).toHaveLength(1);
    } finally {
      ctx.db.exec('ROLLBACK');
      ctx.db.close();
    }
  });

  it('keeps the data folder copy when the organiser folder cannot be written, and says so in the log', async () => {
    const ctx = openContext(tempDir(), 'cli', RESOURCES, { actor: 'test' });
    try {
      await ok(ctx, 'event.createDemo', {});
      const notAFolder = path.join(tempDir(), 'stick');
      fs.writeFileSync(notAFolder, 'a file where the folder should be');
      setBackupDir(ctx.dataDir, notAFolder);
      const out = sessionEndHandler(ctx)()!;
      expect(out.copies[0]!.file).toBeTruthy();
      expect(out.copies[1]).toMatchObject({ dir: notAFolder, error: expect.any(String) });
    } finally {
      ctx.db.close();
    }
  });
});
