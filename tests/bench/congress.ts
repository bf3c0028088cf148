// The kiosk every benchmark starts from: a fresh data folder with a three-day congress event.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';

export async function congressKiosk(resources: string) {
  const ctx = openContext(fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-')), 'cli', resources);
  const r = await dispatch(ctx, 'event.create', {
    name: 'Kongres Bench',
    organiser: 'Bench',
    venue: 'Hall',
    city: 'Bandar Lampung',
    days: ['2026-12-01', '2026-12-02', '2026-12-03'],
    signatoryName: 'Bench',
    signatoryTitle: 'Bench',
    signatoryNip: '',
  });
  if (!r.ok) throw new Error(r.error.message);
  return { ctx, event: r.value };
}
