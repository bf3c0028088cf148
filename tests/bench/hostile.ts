// Issue 8: what each hostile file costs the kiosk to refuse (or, for the ones within every bound,
// to read). Each file is previewed through the operation, as a desk would, in a process of its
// own (tests/helpers/import-child.ts), which reports its peak memory (maxRSS, Node's own start-up
// included) and the operation's wall time. Reference, measured in the same run the same way: the
// preview of an ordinary 1,000-row list in the same format.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as hostile from '../helpers/hostile-files';
import type { Row } from './run';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Outcome {
  ok: boolean;
  code?: string;
  ms: number;
  maxRssMb: number;
}

function child(file: string, mode: 'preview' | 'import'): Outcome {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/helpers/import-child.ts'), file, mode], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`import child failed on ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Outcome;
}

/** An ordinary list: 1,000 people, eight columns. */
function ordinaryCsv(): Buffer {
  const lines = ['No,Nama Lengkap,L/P,Kabupaten/Kota,Instansi,NIK,No HP,Peran'];
  for (let i = 1; i <= 1000; i++) {
    lines.push(
      `${i},Peserta Nomor ${i},${i % 2 ? 'L' : 'P'},Kota Metro,Dinas Sosial,${1801000000000000 + i},08${1100000000 + i},Peserta`,
    );
  }
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

export async function benchHostile(rows: Row[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-hostile-'));
  const write = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const refXlsx = child(write('biasa.xlsx', hostile.largestXlsx(1000, 8)), 'preview');
  const refCsv = child(write('biasa.csv', ordinaryCsv()), 'preview');
  if (!refXlsx.ok || !refCsv.ok) throw new Error('the reference lists were not read');
  // Issue 21: a preview-then-commit is held against the same of 1,000 rows of the same shape.
  const refImport = {
    csv: child(write('biasa-import.csv', hostile.largestCsv(1000, 20)), 'import'),
    xlsx: child(write('biasa-import.xlsx', hostile.largestXlsx(1000, 20)), 'import'),
  };

  const cases: [string, string, () => Buffer, 'preview' | 'import'][] = [
    ['XFD-wide sparse sheet, 3,000 rows (defect 1; imports: 3 columns)', 'xlsx', () => hostile.xfdSparse(3000), 'preview'],
    ['3,000,000 filled cells (refused at 1,000,000)', 'xlsx', () => hostile.manyCells(), 'preview'],
    ['merged range over the whole sheet x 10,000 (refused)', 'xlsx', () => hostile.mergeBomb(), 'preview'],
    ['1,000,000 rows (refused, rows counted as they stream)', 'xlsx', () => hostile.manyRows(), 'preview'],
    ['300 titled columns (defect 9, refused)', 'xlsx', () => hostile.wideHeader(300), 'preview'],
    ['CSV 16,384 columns wide, 3 in use, 1,200 rows (defect 9; imports)', 'csv', () => hostile.wideFewUsedCsv(), 'import'],
    ['zip64 sheet declaring 4.15 GB, honestly (defect 2, refused)', 'xlsx', () => hostile.zip64Honest(), 'preview'],
    ['part declaring 100 KB, inflating to 2.7 GB (defect 2, refused)', 'xlsx', () => hostile.lyingSize(), 'preview'],
    ['250 MB of XML, declared truly (refused, over the budget)', 'xlsx', () => hostile.overBudget(), 'preview'],
    ['190 MB of XML around 1,000 rows (accepted, the budget)', 'xlsx', () => hostile.nearBudget(), 'preview'],
    ['shared-string table of 3,000,000, 2 used (accepted)', 'xlsx', () => hostile.hugeStringTable(), 'preview'],
    ['tag that never ends, 5 MB (refused)', 'xlsx', () => hostile.endlessTag(), 'preview'],
    ['largest accepted xlsx: 50,000 rows x 20 columns, preview', 'xlsx', () => hostile.largestXlsx(), 'preview'],
    ['largest accepted xlsx: preview, then commit', 'xlsx', () => hostile.largestXlsx(), 'import'],
    ['20 MB CSV of 10,000-character cells (defect 10; report capped)', 'csv', () => hostile.longCellsCsv(), 'preview'],
    ['10,000,000 one-letter CSV cells (refused)', 'csv', () => hostile.manyCellsCsv(), 'preview'],
    ['19 MB of CSV delimiters (accepted, empty)', 'csv', () => hostile.delimitersCsv(), 'preview'],
    ['largest accepted CSV: 50,000 rows x 20 columns, preview', 'csv', () => hostile.largestCsv(), 'preview'],
    ['largest accepted CSV: preview, then commit', 'csv', () => hostile.largestCsv(), 'import'],
  ];
  for (const [label, ext, make, mode] of cases) {
    const file = write(`hostile.${ext}`, make());
    const out = child(file, mode);
    const imported = mode === 'import';
    const ref = imported ? refImport[ext as 'csv' | 'xlsx'] : ext === 'csv' ? refCsv : refXlsx;
    const refName = imported
      ? `preview then commit of 1,000 rows x 20 columns, ${ext}`
      : `preview of an ordinary 1,000-row ${ext}`;
    const outcome = out.ok ? 'read' : out.code;
    rows.push({
      name: `${label}: peak memory [${outcome}]`,
      value: out.maxRssMb,
      unit: 'MB',
      ref: refName,
      refValue: ref.maxRssMb,
    });
    rows.push({ name: `${label}: time [${outcome}]`, value: out.ms, unit: 'ms', ref: refName, refValue: ref.ms });
    fs.rmSync(file);
  }
}
