// Every CLI command (a check-in from a scanner hook too) runs the start-up check before its work
// (core/system/startup-check.ts): quick_check, whose cost grows with the file. It used to also
// summarise the file for a restore preview it then threw away (counts over participants, the
// attendance view and the scan log): as long again as the check on a 50,000-person congress
// (issue 21 item 5). Counted as bytes read from the file (Linux's /proc/self/io), not as time:
// the check reads the file as a plain quick_check does, not again for a summary.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContext } from '../../electron/core/open-context';
import { startupCheck } from '../../electron/core/system/startup-check';
import { ok, PSM_EVENT, RESOURCES, tempDir } from '../helpers/ctx';

const IO = '/proc/self/io';
const bytesRead = () => Number(/rchar: (\d+)/.exec(fs.readFileSync(IO, 'utf8'))![1]);

describe.skipIf(!fs.existsSync(IO))('the start-up check', () => {
  it('reads a congress-sized file once, as quick_check does, and no more', async () => {
    const dir = tempDir();
    const ctx = openContext(dir, 'cli', RESOURCES, { jobsWorker: 'inline' });
    const eventId = (await ok(ctx, 'event.create', PSM_EVENT)).id;
    ctx.db.close();
    const file = path.join(dir, 'hadir.db');
    // A scan log larger than SQLite's page cache (16 MB), written directly: ~43 MB.
    const db = new Database(file);
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
             INSERT INTO scan (uuid, event_id, station, scanned_at, verdict, raw_code, input)
             SELECT printf('%036d', i), ${eventId}, 'Meja ' || (i % 10), printf('2026-12-07T%02d:%02d:%02d.000Z', i / 3600 % 24, i / 60 % 60, i % 60), 'ok', printf('HD%012d', i), 'scanner' FROM n`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(32 * 1024 * 1024);

    let at = bytesRead();
    const plain = new Database(file, { fileMustExist: true });
    expect(plain.pragma('quick_check', { simple: true })).toBe('ok');
    plain.close();
    const quickCheck = bytesRead() - at;

    at = bytesRead();
    startupCheck(dir, file);
    const check = bytesRead() - at;
    expect(check).toBeLessThan(quickCheck + size / 10);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
