// Issue 18: a backup with a damaged page is refused in one worded line. Found by the hostile
// backup benchmark (tests/bench/backup-hostile.ts): integrity_check itself failed with
// SQLITE_CORRUPT and the restore answered `internal`.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { CHECK_DIR } from '../../electron/core/system/backup-check';
import { ok, tempCtx, tempDir } from '../helpers/ctx';

describe('a backup with a damaged page', () => {
  it('is refused as damaged, in one line, by the preview and the restore; nothing is left behind', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.createDemo', {});
    const file = path.join(tempDir(), 'hadir-rusak.db');
    await ctx.db.backup(file);
    const one = new Database(file);
    one.pragma('journal_mode = DELETE');
    const pages = one.pragma('page_count', { simple: true }) as number;
    const pageSize = one.pragma('page_size', { simple: true }) as number;
    // Every page but the first (the schema) damaged in turn, until one makes integrity_check
    // itself fail: the case that answered `internal`.
    one.close();
    const good = fs.readFileSync(file);
    let hit = 0;
    for (let page = 1; page < pages && !hit; page++) {
      const bytes = Buffer.from(good);
      bytes.fill(0xa5, page * pageSize + 8, (page + 1) * pageSize);
      fs.writeFileSync(file, bytes);
      const db = new Database(file, { readonly: true });
      try {
        db.pragma('integrity_check');
      } catch (e) {
        if ((e as { code?: string }).code?.startsWith('SQLITE_CORRUPT')) hit = page;
      } finally {
        db.close();
      }
    }
    expect(hit).toBeGreaterThan(0);
    for (const op of ['backup.inspect', 'backup.restore'] as const) {
      const res = await dispatch(ctx, op, { file });
      expect(res.ok).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).toBe('backup_invalid');
      expect(res.error.message).toMatch(/^Not a usable backup: it is damaged \(database disk image is malformed\)$/);
    }
    expect(fs.existsSync(path.join(ctx.dataDir, CHECK_DIR))).toBe(false);
    // The kiosk still works on its own data.
    expect((await ok(ctx, 'participants.list', { limit: 1 })).total).toBe(66);
    ctx.db.close();
  }, 120_000);
});
