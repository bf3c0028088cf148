// The electron-vite build's job worker (out/main/jobs-worker.js, what the packaged kiosk runs):
// plain JavaScript, no tsx. Here rather than in tests/unit because it needs `npm run build`.
// (Electron itself cannot start on the test machines; this runs the same file under Node.)
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { Jobs } from '../../electron/core/jobs/jobs';
import { builtWorkerEntry } from '../../electron/core/jobs/worker-entry';
import { toOpError } from '../../electron/core/op-error';
import { ROOT } from '../helpers/ctx';

test('the built worker runs a kind, with its rows in parts', async () => {
  const entry = builtWorkerEntry(path.join(ROOT, 'out/main'));
  expect(entry.execArgv).toEqual([]);
  const jobs = new Jobs(entry, (e) => toOpError(e));
  const rows: unknown[] = [];
  const csv = new TextEncoder().encode('Nama;Peran\nBudi Santoso;Peserta\nSiti Aminah;Narasumber\n');
  const out = await jobs.run(
    'participants.readImport',
    { bytes: csv, fileName: 'a.csv', roles: ['Peserta', 'Narasumber'], allowFormulas: false },
    { onPart: (c) => 'rows' in (c as object) && rows.push(...(c as { rows: unknown[] }).rows) },
  );
  expect(out).toMatchObject({ rowCount: 2, mapping: ['name', 'role'] });
  expect(rows).toHaveLength(2);
  await jobs.close();
});
