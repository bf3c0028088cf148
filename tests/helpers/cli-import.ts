// The largest import as an organiser runs it from a terminal: `hadir participants import`
// (preview, then commit, in one process), through bin/hadir.mjs (the compiled CLI after
// `npm run build`, the sources through tsx otherwise), into a data folder of its own with one
// event. Reports the process's peak memory (tests/helpers/max-rss.mjs) for the memory test and
// the bench (issue 21, item 3).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, tempDir } from './ctx';

export interface CliImport {
  ok: boolean;
  /** The CLI's last line: "Imported: N new, …" or its error. */
  said: string;
  inserted?: number;
  maxRssMb: number;
  cpuMs: number;
  ms: number;
}

const HADIR = path.join(ROOT, 'bin/hadir.mjs');

function hadir(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
}

/** `hadir participants import <file>` (with `--dry-run`: the preview alone) into a new data folder. */
export function cliImport(file: string, opts: { dryRun?: boolean } = {}): CliImport {
  const dataDir = tempDir();
  const created = hadir([
    HADIR,
    'event',
    'create',
    ...['--name', 'Rapat Kerja Daerah', '--organiser', 'Dinas Kesehatan', '--venue', 'Aula', '--city', 'Metro'],
    ...['--day', '2026-12-07', '--signatory-name', 'Budi Santoso', '--signatory-title', 'Kepala Dinas'],
    ...['--data-dir', dataDir],
  ]);
  if (created.status !== 0) throw new Error(`hadir event create failed: ${created.stderr}`);
  const measured = path.join(dataDir, 'max-rss.json');
  const start = performance.now();
  const run = hadir(
    [
      path.join(ROOT, 'tests/helpers/max-rss.mjs'),
      HADIR,
      ...['participants', 'import', file, '--data-dir', dataDir],
      ...(opts.dryRun ? ['--dry-run'] : []),
    ],
    { MAX_RSS_FILE: measured },
  );
  const ms = performance.now() - start;
  const said = (run.status === 0 ? run.stdout : run.stderr).trim().split('\n').pop() ?? '';
  const inserted = /^Imported: (\d+) new/.exec(said)?.[1];
  const { maxRssMb, cpuMs } = JSON.parse(fs.readFileSync(measured, 'utf8')) as { maxRssMb: number; cpuMs: number };
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { ok: run.status === 0, said, ...(inserted ? { inserted: Number(inserted) } : {}), maxRssMb, cpuMs, ms };
}
