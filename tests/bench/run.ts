/**
 * `npm run bench`: every benchmark in one process. Each figure is printed next to a reference
 * measured in the same run on the same machine, with the ratio, so the numbers mean something
 * on a slow venue laptop as much as here. Nothing here asserts a time: tests never do.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../../electron/core/dispatch';
import { importFile } from '../../electron/core/participants/import-commit';
import { scope } from '../helpers/ctx';
import { readTable } from '../../electron/core/participants/import/read-table';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../electron/db/connection';
import { appendScan } from '../../electron/db/repositories/scans';
import { benchHostile } from './hostile';
import { benchImportCli } from './import-cli';
import { benchBackup } from './backup';
import { congressKiosk } from './congress';
import { benchImportDelay } from './import-delay';
import { benchReports } from './reports';
import { benchBadges, decodeRates } from './badges';
import { benchCertificates } from './certificates';
import { benchCheckin } from './checkin';
import { benchCliStart } from './cli-start';
import { benchBadgeSheets } from './badge-sheets';
import { benchEventFile } from './event-file';
import { benchBackupHostile } from './backup-hostile';
import { benchPaperwork } from './paperwork';
import { benchHubDesks } from './hub-desks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RESOURCES = path.join(ROOT, 'resources');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-'));

export interface Row {
  name: string;
  value: number;
  unit: string;
  ref: string;
  refValue: number;
}
const rows: Row[] = [];

/** Median of `runs` timings (ms) after `warm` unmeasured runs. */
async function time(fn: () => unknown, runs = 30, warm = 3): Promise<number> {
  for (let i = 0; i < warm; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)]!;
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

const FIRST = [
  'Ni Luh',
  'Made',
  'Siti',
  'Ahmad',
  'Dewi',
  'Budi',
  'Wayan',
  'Putu',
  'Agus',
  'Sri',
  'Eko',
  'Rina',
  'José',
  'Nurhaliza',
  'Gede',
  'Fajar',
];
const LAST = [
  'Kusumawati',
  'Saputra',
  'Rahmawati',
  'Hidayat',
  'Pratama',
  'Wibowo',
  'Susilo',
  'Hernández',
  'Lestari',
  'Nugroho',
  'Ariawan',
  'Purnomo',
];
const REGENCIES = [
  'Kabupaten Lampung Barat',
  'Kabupaten Tanggamus',
  'Kabupaten Lampung Selatan',
  'Kabupaten Lampung Timur',
  'Kabupaten Lampung Tengah',
  'Kabupaten Lampung Utara',
  'Kabupaten Way Kanan',
  'Kabupaten Tulang Bawang',
  'Kabupaten Pesawaran',
  'Kabupaten Pringsewu',
  'Kabupaten Mesuji',
  'Kabupaten Tulang Bawang Barat',
  'Kabupaten Pesisir Barat',
  'Kota Bandar Lampung',
  'Kota Metro',
];

function csvOf(n: number): string {
  const lines = ['No,Nama Lengkap,Jenis Kelamin,Kabupaten/Kota,NIK,No HP,Peran'];
  for (let i = 0; i < n; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;
    const nik = String(1801000000000000 + i);
    lines.push(
      `${i + 1},"${name}",${i % 2 ? 'P' : 'L'},${REGENCIES[i % REGENCIES.length]},${nik},08${String(1100000000 + i)},Peserta`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

const eventCtx = () => congressKiosk(RESOURCES);

async function benchOpen() {
  const dir = tmp();
  openDatabase(path.join(dir, 'hadir.db')).close();
  const file = path.join(dir, 'hadir.db');
  const ours = await time(() => openDatabase(file).close());
  const ref = await time(() => new Database(file).close());
  rows.push({
    name: 'open database (pragmas + migration check)',
    value: ours,
    unit: 'ms',
    ref: 'bare better-sqlite3 open/close',
    refValue: ref,
  });
}

async function benchCheckinWrite() {
  const { ctx, event } = await eventCtx();
  await importFile(ctx, scope(ctx, 'bench'), { fileName: 'x.csv', bytes: Buffer.from(csvOf(5000)), skipInvalid: false });
  const ids = ctx.db.prepare('SELECT id, code FROM participant').all() as { id: number; code: string }[];
  const day = event.days[0]!.id;
  let i = 0;
  const write = ctx.db.transaction(() => {
    const p = ids[i++ % ids.length]!;
    appendScan(ctx.db, {
      uuid: crypto.randomUUID(),
      eventId: event.id,
      station: 'desk-1',
      participantId: p.id,
      eventDayId: day,
      scannedAt: new Date().toISOString(),
      verdict: 'ok',
      rawCode: p.code,
    });
  });
  ctx.db.exec('CREATE TABLE bench_ref (x TEXT) STRICT');
  const ref = ctx.db.prepare('INSERT INTO bench_ref(x) VALUES (?)');
  const refWrite = ctx.db.transaction(() => ref.run('x'));
  const ours = await time(() => write(), 200, 10);
  const refT = await time(() => refWrite(), 200, 10);
  rows.push({
    name: 'one check-in write, durable (5,000 participants, 1 commit)',
    value: ours,
    unit: 'ms',
    ref: 'one-column INSERT + commit, same file',
    refValue: refT,
  });
}

async function benchImport() {
  const csv = Buffer.from(csvOf(10_000));
  const { ctx } = await eventCtx();
  const s = performance.now();
  const out = await importFile(ctx, scope(ctx, 'bench'), { fileName: 'x.csv', bytes: csv, skipInvalid: false });
  const ours = performance.now() - s;
  if (out.inserted !== 10_000) throw new Error(`import inserted ${out.inserted}`);
  // Reference: the same rows split naively and inserted with one statement in one transaction.
  const { ctx: refCtx } = await eventCtx();
  refCtx.db.exec('CREATE TABLE bench_ref (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT, f TEXT, g TEXT) STRICT');
  const ins = refCtx.db.prepare('INSERT INTO bench_ref VALUES (?, ?, ?, ?, ?, ?, ?)');
  const s2 = performance.now();
  const lines = csv
    .toString('utf8')
    .split('\r\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(','));
  refCtx.db.transaction(() => lines.forEach((l) => ins.run(l[0]!, l[1]!, l[2]!, l[3]!, l[4]!, l[5]!, l[6]!)))();
  const ref = performance.now() - s2;
  rows.push({
    name: 'import 10,000-row CSV (decode, validate, match, insert, 1 tx)',
    value: ours,
    unit: 'ms',
    ref: 'naive split + bare insert of same rows',
    refValue: ref,
  });

  // Re-import of the same file: every row is matched and found unchanged, so nothing is written.
  const s3 = performance.now();
  const again = await importFile(ctx, scope(ctx, 'bench'), { fileName: 'x.csv', bytes: csv, skipInvalid: false });
  const reimport = performance.now() - s3;
  if (again.unchanged !== 10_000) throw new Error(`re-import left ${again.unchanged} unchanged`);
  rows.push({
    name: 're-import same 10,000 rows (all unchanged)',
    value: reimport,
    unit: 'ms',
    ref: 'first import of the file',
    refValue: ours,
  });

  // A corrected file where every phone number changed: every row is an update.
  const changed = Buffer.from(csv.toString('utf8').replace(/,08(\d+),Peserta/g, ',09$1,Peserta'));
  const s4 = performance.now();
  const updated = await importFile(ctx, scope(ctx, 'bench'), { fileName: 'x.csv', bytes: changed, skipInvalid: false });
  const reimportChanged = performance.now() - s4;
  if (updated.updated !== 10_000) throw new Error(`changed re-import updated ${updated.updated}`);
  rows.push({
    name: 're-import 10,000 rows, every phone changed (all updates)',
    value: reimportChanged,
    unit: 'ms',
    ref: 'first import of the file',
    refValue: ours,
  });
  return ctx;
}

/** A workbook over the row limit is refused from a raw row count, before exceljs builds it. */
async function benchRefuseLarge() {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Peserta');
  sheet.addRow(['No', 'Nama Lengkap', 'Jenis Kelamin', 'Kabupaten/Kota', 'Peran']);
  for (let i = 0; i < 60_000; i++) {
    sheet.addRow([i + 1, `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`, 'L', REGENCIES[i % REGENCIES.length], 'Peserta']);
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const s = performance.now();
  const refused = await readTable(bytes, 'x.xlsx').then(
    () => false,
    (e: { code?: string }) => e.code === 'import_too_large',
  );
  const ours = performance.now() - s;
  if (!refused) throw new Error('60,000-row workbook was not refused');
  const s2 = performance.now();
  await new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ref = performance.now() - s2;
  rows.push({
    name: 'refuse a 60,000-row xlsx (over the limit)',
    value: ours,
    unit: 'ms',
    ref: 'exceljs loading the same workbook',
    refValue: ref,
  });
}

async function benchSearch(ctx: Awaited<ReturnType<typeof benchImport>>) {
  const queries = ['n', 'ni', 'ni l', 'ni luh', 'ku', 'kusuma', 'hern', 'made s', 'lampung b', 'metro', 'zzz', 'a'];
  const lat: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const query of queries) {
      const s = performance.now();
      const r = await dispatch(ctx, 'participants.list', { query, limit: 200 });
      lat.push(performance.now() - s);
      if (!r.ok) throw new Error(r.error.message);
    }
  }
  const median = [...lat].sort((a, b) => a - b)[Math.floor(lat.length / 2)]!;
  // Reference: the naive approach, a substring scan of all 10,000 names (no index can help it).
  const naive = ctx.db.prepare("SELECT count(*) FROM participant WHERE lower(name) LIKE '%' || ? || '%'");
  const ref = await time(() => naive.get('luh'), 50);
  rows.push({
    name: 'search as you type, 10,000 participants: median (op incl. validation + masking)',
    value: median,
    unit: 'ms',
    ref: 'naive LIKE %…% count over all names',
    refValue: ref,
  });
  rows.push({
    name: 'search as you type, 10,000 participants: p95 (target < 20 ms)',
    value: p95(lat),
    unit: 'ms',
    ref: 'naive LIKE %…% count over all names',
    refValue: ref,
  });
  const firstPage = await time(() => dispatch(ctx, 'participants.list', { limit: 200 }), 30);
  rows.push({
    name: 'first page of the list (200 of 10,000, no query)',
    value: firstPage,
    unit: 'ms',
    ref: 'naive LIKE %…% count over all names',
    refValue: ref,
  });
}

/** Several desks (processes) checking in at once against one file: WAL + busy_timeout at work. */
async function benchDesks() {
  const { ctx } = await eventCtx();
  await importFile(ctx, scope(ctx, 'bench'), { fileName: 'x.csv', bytes: Buffer.from(csvOf(5000)), skipInvalid: false });
  const file = ctx.dbPath;
  ctx.db.close();
  const worker = path.join(ROOT, 'tests/bench/desk-worker.ts');
  const run = (desks: number, each: number) => {
    const s = performance.now();
    return Promise.all(
      Array.from(
        { length: desks },
        (_, i) =>
          new Promise<number[]>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', worker, file, `desk-${i + 1}`, String(each)], {
              stdio: ['ignore', 'pipe', 'inherit'],
            });
            let out = '';
            child.stdout.on('data', (c) => (out += c));
            child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`desk worker exited ${code}`))));
          }),
      ),
    ).then((all) => ({ wall: performance.now() - s, lat: all.flat() }));
  };
  const one = await run(1, 1000);
  const four = await run(4, 250);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)]!;
  rows.push({
    name: '4 desks at once, 1,000 check-ins (4 processes): median write',
    value: median(four.lat),
    unit: 'ms',
    ref: '1 desk alone, 1,000 check-ins',
    refValue: median(one.lat),
  });
  rows.push({
    name: '4 desks at once: p99 write (what a desk waits, worst 1%)',
    value: p99(four.lat),
    unit: 'ms',
    ref: '1 desk alone, p99',
    refValue: p99(one.lat),
  });
  rows.push({
    name: '4 desks at once: wall time for all 1,000 (incl. process start)',
    value: four.wall,
    unit: 'ms',
    ref: '1 desk alone, same 1,000',
    refValue: one.wall,
  });
}

/**
 * The suites, in order. Each pushes its rows into `rows`. A feature adds its own file under
 * tests/bench/ exporting `(rows) => Promise<void>` and one line here.
 * `BENCH=import,desks npm run bench` runs only those suites.
 */
const SUITES: Record<string, () => Promise<void>> = {
  backup: () => benchBackup(rows, RESOURCES),
  reports: () => benchReports(rows, RESOURCES),
  open: benchOpen,
  write: benchCheckinWrite,
  import: async () => benchSearch(await benchImport()),
  refuse: benchRefuseLarge,
  // Several processes writing one SQLite file (WAL + busy_timeout), the first multi-desk measure.
  'desk-processes': benchDesks,
  // A congress morning on the hub (issue 19): 10 desks over HTTPS, live streams, the catch-up.
  desks: () => benchHubDesks(rows, RESOURCES),
  'import-delay': () => benchImportDelay(rows, RESOURCES),
  hostile: () => benchHostile(rows),
  // Issue 21 item 3: the largest import through the CLI, preview and commit, against 1,000 rows.
  'import-cli': () => benchImportCli(rows),
  badges: () => benchBadges(rows, RESOURCES),
  // Only the webcam-like frames of the badges suite (FRAMES_PER frames per layout and scale, 24 unless set).
  'badge-frames': () => decodeRates(rows, RESOURCES, Number(process.env.FRAMES_PER ?? 24)),
  certificates: () => benchCertificates(rows),
  checkin: () => benchCheckin(rows, RESOURCES),
  'cli-start': () => benchCliStart(rows, ROOT),
  'badge-sheets': () => benchBadgeSheets(rows, ROOT),
  'event-file': () => benchEventFile(rows, RESOURCES),
  'backup-hostile': () => benchBackupHostile(rows, RESOURCES),
  paperwork: () => benchPaperwork(rows),
};

// A reference of 0 (no long task on either side, say) has no ratio: say so instead of NaN or Infinity.
const ratio = (r: Row) => (r.refValue === 0 ? (r.value === 0 ? 'both 0' : 'ref 0') : `${(r.value / r.refValue).toFixed(2)}×`);
const line = (r: Row, w: number) =>
  `${r.name.padEnd(w)}  ${r.value.toFixed(3).padStart(10)} ${r.unit}   ref ${r.refValue.toFixed(3).padStart(9)} ${r.unit} (${r.ref})   ratio ${ratio(r)}`;

async function main() {
  console.log(`Hadir benchmarks — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}\n`);
  const only = process.env.BENCH?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const failed: string[] = [];
  for (const [name, suite] of Object.entries(SUITES)) {
    if (only && !only.includes(name)) continue;
    const from = rows.length;
    // Each suite's figures are printed as soon as it ends, and a suite that throws is named and
    // skipped: a long run must not lose the figures it already has to one failure at the end.
    try {
      await suite();
    } catch (e) {
      failed.push(name);
      console.log(`[${name}] FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    const mine = rows.slice(from);
    const w = Math.max(0, ...mine.map((r) => r.name.length));
    console.log(`\n[${name}] ${os.loadavg()[0]!.toFixed(1)} load`);
    for (const r of mine) console.log(line(r, w));
  }
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log('\nAll figures:');
  for (const r of rows) console.log(line(r, w));
  if (failed.length) {
    console.log(`\nSuites that failed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
