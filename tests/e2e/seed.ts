import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { importFile } from '../../electron/core/participants/import-commit';
import { PSM_EVENT, SHARED } from '../helpers/ctx';

export const PSM_FIXTURE = path.join(SHARED, 'fixtures/peserta-psm-2022.csv');

/** The laptop an organiser has: the screenshots and checks of the screens are made at this size. */
export const LAPTOP = { viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Jakarta' } as const;

/** The PSM event with the 66 participants of the shared fixture, imported as the UI would. */
export async function seedPsm(ctx: Ctx): Promise<void> {
  const res = await dispatch(ctx, 'event.create', PSM_EVENT);
  if (!res.ok) throw new Error(res.error.message);
  await importFile(
    ctx,
    { eventId: res.value.id, desk: 'Meja 1' },
    { fileName: 'peserta-psm-2022.csv', bytes: fs.readFileSync(PSM_FIXTURE), skipInvalid: false },
  );
}

/** A check-in at `at` (ISO instant) on day `dayNo`, written to the scan log as the desk does. */
export function checkIn(ctx: Ctx, name: string, dayNo: number, at: string): void {
  const p = ctx.db.prepare('SELECT id, code, event_id FROM participant WHERE name = ?').get(name) as {
    id: number;
    code: string;
    event_id: number;
  };
  const day = ctx.db.prepare('SELECT id FROM event_day WHERE event_id = ? AND day_no = ?').get(p.event_id, dayNo) as {
    id: number;
  };
  ctx.db
    .prepare(
      `INSERT INTO scan(uuid, event_id, station, participant_id, event_day_id, scanned_at, verdict, raw_code)
       VALUES (?, ?, 'meja-1', ?, ?, ?, 'ok', ?)`,
    )
    .run(`seed-${p.id}-${dayNo}`, p.event_id, p.id, day.id, at, p.code);
}
