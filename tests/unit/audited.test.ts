import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audited } from '../../electron/core/audited';
import { listAudit } from '../../electron/db/repositories/audit';
import { HadirError } from '../../electron/shared/errors';
import { ok, PSM_EVENT, ROOT, tempCtx } from '../helpers/ctx';

describe('audited: a write and its audit row in one IMMEDIATE transaction', () => {
  it('holds the write lock from the start, so a read-then-write cannot interleave with another writer', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    // A second connection to the same file: another desk's web request, or the CLI.
    const other = new Database(ctx.dbPath, { timeout: 0 });
    let otherCouldWrite: boolean | undefined;
    audited(ctx, { action: 'test.readThenWrite' }, () => {
      // Only a read so far. A DEFERRED transaction would hold no write lock yet, and the other
      // connection could write between this read and our write.
      ctx.db.prepare('SELECT count(*) FROM participant').get();
      try {
        other.prepare('BEGIN IMMEDIATE').run();
        other.prepare('ROLLBACK').run();
        otherCouldWrite = true;
      } catch (e) {
        otherCouldWrite = !(e instanceof Error && /busy|locked/i.test(e.message));
      }
    });
    other.close();
    expect(otherCouldWrite).toBe(false);
  });

  it('writes the audit row with the result of the write, or neither when the write throws', async () => {
    const ctx = tempCtx();
    const e = await ok(ctx, 'event.create', PSM_EVENT);
    const n = audited(ctx, { action: 'test.ok', detail: (out: number) => ({ out }), eventId: e.id }, () => 42);
    expect(n).toBe(42);
    expect(listAudit(ctx.db)[0]).toMatchObject({ action: 'test.ok', detail: '{"out":42}', eventId: e.id, actor: 'test' });
    expect(() =>
      audited(ctx, { action: 'test.fails' }, () => {
        ctx.db.prepare("INSERT INTO setting(key, value) VALUES ('x', 'y')").run();
        throw new HadirError('conflict', 'no');
      }),
    ).toThrow(HadirError);
    expect(ctx.db.prepare("SELECT * FROM setting WHERE key = 'x'").get()).toBeUndefined();
    expect(listAudit(ctx.db).map((a) => a.action)).not.toContain('test.fails');
  });

  it('is the only writer of audit rows (no hand-rolled transaction + audit pairs)', () => {
    const files = fs
      .readdirSync(path.join(ROOT, 'electron'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.ts'))
      .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)));
    const callers = files.filter((f) => /\bappendAudit\(/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
    expect(callers.sort()).toEqual(['electron/core/audited.ts', 'electron/db/repositories/audit.ts']);
  });
});
