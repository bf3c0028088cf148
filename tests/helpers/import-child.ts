// Runs one import in a process of its own and reports how it ended and its peak memory, so a
// test can hold a hostile file to the memory bound (and a bench can measure it) without the
// test runner itself running out of heap. Usage:
//   node --import tsx tests/helpers/import-child.ts <file> [read|preview|import]
// Prints one line of JSON: { ok, code?, params?, rows?, problems?, moreProblems?, reportBytes, maxRssMb, ms }.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../../electron/core/dispatch';
import { readTable } from '../../electron/core/participants/import/read-table';
import { PSM_EVENT, scope, tempCtx } from './ctx';
import { peakRssMb } from './peak-rss';

const [file, mode = 'read'] = process.argv.slice(2);
const bytes = fs.readFileSync(file!);
const name = file!.endsWith('.csv') ? 'peserta.csv' : 'peserta.xlsx';

async function run(): Promise<Record<string, unknown>> {
  if (mode === 'read') {
    const t = await readTable(bytes, name);
    return { ok: true, rows: t.rows.length, columns: t.headers.length };
  }
  const ctx = tempCtx();
  const created = await dispatch(ctx, 'event.create', PSM_EVENT);
  if (!created.ok) throw new Error(created.error.message);
  const preview = await dispatch(ctx, 'participants.importPreview', { fileName: name, bytes });
  const reportBytes = JSON.stringify(preview).length;
  if (!preview.ok) return { ok: false, code: preview.error.code, params: preview.error.params, reportBytes };
  const p = preview.value;
  const summary = {
    rows: p.totalRows,
    columns: p.headers.length,
    wouldInsert: p.wouldInsert,
    problems: p.problems.length,
    moreProblems: p.moreProblems,
    reportBytes,
  };
  if (mode === 'preview') return { ok: true, ...summary };
  const commit = await dispatch(ctx, 'participants.importCommit', {
    ...scope(ctx),
    fileName: name,
    bytes,
    mapping: p.mapping,
    skipInvalid: true,
  });
  if (!commit.ok) return { ok: false, code: commit.error.code, params: commit.error.params, ...summary };
  return { ok: true, ...summary, inserted: commit.value.inserted };
}

const start = performance.now();
const out = await run().catch((e: { code?: string; params?: unknown; message?: string }) => ({
  ok: false,
  code: e.code ?? 'thrown',
  params: e.params,
  message: e.message,
}));
const ms = performance.now() - start;
// The high-water mark of the whole process, start-up included (peak-rss.ts: not the parent's).
process.stdout.write(JSON.stringify({ ...out, ms, maxRssMb: peakRssMb() }) + '\n');
process.exit(0);
