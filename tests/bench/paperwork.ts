// The daftar penerimaan for 5,000 people (a congress), PDF and XLSX: time and peak memory, each
// in a process of its own, against the daftar hadir of the same 5,000 people (the same PDF
// machinery without money columns, carried totals or terbilang). Median of three runs.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Row } from './run';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
type Out = { ms: number; bytes: number; maxRssMb: number };

function child(mode: string): Promise<Out> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/bench/paperwork-child.ts'), mode], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let s = '';
    c.stdout.on('data', (d) => (s += d));
    c.on('exit', (code) => (code === 0 ? resolve(JSON.parse(s.trim().split('\n').pop()!)) : reject(new Error(`${mode}: child ${code}`))));
  });
}

async function median(mode: string, runs = 3): Promise<Out> {
  const outs: Out[] = [];
  for (let i = 0; i < runs; i++) outs.push(await child(mode));
  const mid = (k: keyof Out) => outs.map((o) => o[k]).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  return { ms: mid('ms'), bytes: mid('bytes'), maxRssMb: mid('maxRssMb') };
}

export async function benchPaperwork(rows: Row[]): Promise<void> {
  const hadir = await median('daftar-hadir');
  const pdf = await median('receipts-pdf');
  const xlsx = await median('receipts-xlsx');
  const ref = 'daftar hadir PDF, same 5,000';
  rows.push({ name: 'daftar penerimaan PDF, 5,000 people: time', value: pdf.ms, unit: 'ms', ref, refValue: hadir.ms });
  rows.push({ name: 'daftar penerimaan PDF, 5,000 people: peak RSS', value: pdf.maxRssMb, unit: 'MB', ref, refValue: hadir.maxRssMb });
  rows.push({ name: 'daftar penerimaan PDF, 5,000 people: size', value: pdf.bytes / 1024, unit: 'KB', ref, refValue: hadir.bytes / 1024 });
  rows.push({ name: 'daftar penerimaan XLSX, 5,000 people: time', value: xlsx.ms, unit: 'ms', ref, refValue: hadir.ms });
  rows.push({ name: 'daftar penerimaan XLSX, 5,000 people: peak RSS', value: xlsx.maxRssMb, unit: 'MB', ref, refValue: hadir.maxRssMb });
}
