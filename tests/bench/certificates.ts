// Issue 12: 1,000 personalised certificates with a photographic JPEG background into one PDF, by
// the app's renderer, by Chromium's page.pdf() (HTML with the same background, fonts, and the QR
// as SVG) and by PDFKit, in the same run; and one certificate on demand (request to PDF bytes).
// Our renderer and PDFKit each run in a process of their own (tests/bench/cert-child.ts) so their
// peak RSS is theirs alone; Chromium's is the sum over its processes, sampled every 100 ms.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import QRCode from 'qrcode';
import { signClaim } from '../../electron/core/certificates/claim';
import { generateKeyPair, privateKeyObject } from '../../electron/core/certificates/keys';
import { dispatch } from '../../electron/core/dispatch';
import { openContext } from '../../electron/core/open-context';
import { appendScan } from '../../electron/db/repositories/scans';
import type { Row } from './run';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const N = 1000;

export interface BenchCert {
  number: string;
  name: string;
  regency: string;
  qr: string;
}

const FIRST = [
  'Ni Luh Putu',
  'Made',
  'Siti',
  'Ahmad',
  'Dewi',
  'Budi',
  'I Wayan',
  'Raden Ajeng',
  'Agus',
  'Sri',
  'José',
  'Nurhaliza',
];
const LAST = ['Kusumawati, A.Md.', 'Saputra', 'Rahmawati, S.Sos.', 'Hidayat, S.H.', 'Pratama', 'Wibowo, M.Si.', 'Hernández'];
const REGENCIES = [
  'Kabupaten Lampung Barat',
  'Kabupaten Tanggamus',
  'Kota Bandar Lampung',
  'Kabupaten Tulang Bawang Barat',
  'Kota Metro',
];
export const EVENT = {
  name: 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat (PSM) Provinsi Lampung',
  organiser: 'Dinas Sosial Provinsi Lampung',
  venue: 'Hotel Horison Bandar Lampung',
  city: 'Bandar Lampung',
  dates: '7–8 September 2022',
  signingDate: '8 September 2022',
  signatory: 'Drs. Aswarodi, M.Si.',
  title: 'Kepala Dinas Sosial Provinsi Lampung',
  rank: 'Pembina Utama Muda (IV/c)',
  nip: '19650101 199003 1 012',
};

/** A photographic background as an organiser's designer would export it: 2000 × 1414 JPEG, q85. */
export function photo(dir: string): string {
  const file = path.join(dir, 'latar.jpg');
  execFileSync('convert', [
    '-size', '2000x1414', '-seed', '11', 'plasma:fractal', '-blur', '0x4', '-modulate', '95,45,100',
    '-attenuate', '0.3', '+noise', 'Gaussian', '-quality', '85', file,
  ]); // prettier-ignore
  return file;
}

export function certificates(n = N): BenchCert[] {
  const key = generateKeyPair();
  const sign = privateKeyObject(key.privateKey);
  return Array.from({ length: n }, (_, i) => {
    const name =
      i % 97 === 0
        ? 'Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos.'
        : `${FIRST[i % FIRST.length]} ${LAST[(i * 5) % LAST.length]}`;
    const number = `${String(i + 1).padStart(3, '0')}/PSM/DINSOS/IX/2022`;
    return {
      number,
      name,
      regency: REGENCIES[i % REGENCIES.length]!,
      qr: signClaim({ kid: key.kid, number, name, days: ['2022-09-07', '2022-09-08'] }, sign),
    };
  });
}

export function child(
  mode: 'ours' | 'pdfkit',
  dataFile: string,
  out: string,
): { ms: number; cpuMs: number; maxRssMb: number; bytes: number } {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'tests/bench/cert-child.ts'), mode, dataFile, out],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The same certificate as HTML: absolute boxes in mm, as our template places them. */
function html(certs: BenchCert[], backgroundFile: string): string {
  const b64 = (f: string) => fs.readFileSync(f).toString('base64');
  const fontFace = (name: string, file: string, weight: string, style: string) =>
    `@font-face{font-family:'${name}';src:url(data:font/ttf;base64,${b64(path.join(ROOT, 'resources/fonts', file))});font-weight:${weight};font-style:${style}}`;
  const box = (x: number, y: number, w: number, h: number) => `left:${x}mm;top:${y}mm;width:${w}mm;height:${h}mm`;
  const pagesHtml = certs
    .map((c) => {
      const svg = QRCode.toString(c.qr, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }) as unknown as string;
      return `<section class="p"><div class="panel"></div>
<div class="t" style="${box(40, 42, 217, 16)};font:700 40pt S;letter-spacing:.14em;color:#1b2a4a">SERTIFIKAT</div>
<div class="t" style="${box(40, 58, 217, 7)};font:11pt S">Nomor: ${esc(c.number)}</div>
<div class="t" style="${box(40, 70, 217, 7)};font:italic 13pt S">Diberikan kepada:</div>
<div class="t n" style="${box(30, 78, 237, 18)}">${esc(c.name)}</div>
<div class="t" style="${box(40, 96, 217, 7)};font:13pt S">${esc(c.regency)}</div>
<div class="t" style="${box(35, 106, 227, 26)};font:12.5pt/1.3 S">atas partisipasinya sebagai Peserta dalam kegiatan <b>${esc(EVENT.name)}</b> yang diselenggarakan oleh ${esc(EVENT.organiser)} pada tanggal ${EVENT.dates} di ${esc(EVENT.venue)}.</div>
<div class="t" style="${box(187, 134, 90, 6)};font:11pt S">${EVENT.city}, ${EVENT.signingDate}</div>
<div class="t" style="${box(187, 140, 90, 52)};font:11pt/1.3 S">${esc(EVENT.title)}<br><br><br><br><b><u>${esc(EVENT.signatory)}</u></b><br>${EVENT.rank}<br>NIP. ${EVENT.nip}</div>
<div class="q" style="${box(132.5, 150, 32, 32)}">${svg}</div>
<div class="t" style="${box(122.5, 182, 52, 4)};font:italic 8pt S;color:#4d4d52">Pindai untuk memeriksa keaslian</div></section>`;
    })
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
${fontFace('S', 'NotoSerif-Regular.ttf', '400', 'normal')}${fontFace('S', 'NotoSerif-Bold.ttf', '700', 'normal')}${fontFace('S', 'NotoSerif-Italic.ttf', '400', 'italic')}
@page{size:297mm 210mm;margin:0}
body{margin:0}
.p{position:relative;width:297mm;height:210mm;overflow:hidden;page-break-after:always;background:url(data:image/jpeg;base64,${b64(backgroundFile)}) center/cover}
.panel{position:absolute;left:13mm;top:13mm;right:13mm;bottom:13mm;background:#fff;border:1.2pt solid #b08d3c}
.t{position:absolute;display:flex;align-items:center;justify-content:center;text-align:center;color:#1e1e24}
.n{font:700 30pt S;color:#1b2a4a;white-space:nowrap}
.q svg{width:100%;height:100%;display:block}
</style></head><body>${pagesHtml}</body></html>`;
}

/** CPU time (user + system) used so far by a process and its descendants (Linux /proc), in ms. */
function cpuMs(root: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let sum = 0;
  for (const p of procTree(root)) sum += (p.utime + p.stime) * tick;
  return sum;
}

function procTree(root: number) {
  const procs = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return { pid: Number(pid), ppid: Number(f[1]), utime: Number(f[11]), stime: Number(f[12]), rssPages: Number(f[21]) };
      } catch {
        return null;
      }
    })
    .filter((p): p is NonNullable<typeof p> => p !== null);
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) if (tree.has(p.ppid) && !tree.has(p.pid)) (tree.add(p.pid), (grew = true));
  }
  return procs.filter((p) => tree.has(p.pid));
}

/** Sum of RSS over a process and its descendants (Linux /proc), in MB. */
function treeRssMb(root: number): number {
  return (procTree(root).reduce((s, p) => s + p.rssPages, 0) * 4096) / 1024 / 1024;
}

async function chromiumPdf(browser: Browser, content: string, out?: string): Promise<{ ms: number; bytes: number }> {
  const page = await browser.newPage();
  const s = performance.now();
  await page.setContent(content, { waitUntil: 'load' });
  const pdf = await page.pdf({ width: '297mm', height: '210mm', printBackground: true, preferCSSPageSize: true });
  const ms = performance.now() - s;
  await page.close();
  if (out) fs.writeFileSync(out, pdf);
  return { ms, bytes: pdf.byteLength };
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

/** One certificate as a desk asks for it: the operation, from the request to the PDF bytes. */
async function onDemand(background: string): Promise<{ lat: number[]; cpu: number[] }> {
  const ctx = openContext(fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-cert-')), 'cli', path.join(ROOT, 'resources'));
  const call = async <T>(name: Parameters<typeof dispatch>[1], input: unknown): Promise<T> => {
    const r = await dispatch(ctx, name, input as never);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as T;
  };
  const ev = await call<{ id: number; days: { id: number; date: string }[] }>('event.createDemo', {});
  const people = ctx.db.prepare('SELECT id, code FROM participant WHERE event_id = ?').all(ev.id) as {
    id: number;
    code: string;
  }[];
  let u = 0;
  for (const p of people)
    for (const d of ev.days)
      appendScan(ctx.db, { uuid: `b${u++}`, eventId: ev.id, station: 'b', participantId: p.id, eventDayId: d.id, scannedAt: `${d.date}T01:00:00Z`, verdict: 'ok', rawCode: p.code }); // prettier-ignore
  const scope = { eventId: ev.id, desk: 'Meja sertifikat' };
  await call('certificates.setAsset', { ...scope, kind: 'background', bytes: new Uint8Array(fs.readFileSync(background)) });
  const view = await call<{ settings: { rule: unknown; pattern: string; template: Record<string, unknown> } }>(
    'certificates.settings',
    {},
  );
  await call('certificates.saveSettings', {
    ...scope,
    ...view.settings,
    template: { ...view.settings.template, background: 'custom', panel: true },
  });
  const lat: number[] = [];
  const cpu: number[] = [];
  // Round 0 gives each of the 66 a number (and warms the caches), rounds 1 and 2 reprint, by badge code.
  for (const round of [0, 1, 2]) {
    for (const p of people) {
      const c = process.cpuUsage();
      const s = performance.now();
      const r = await call<{ file: { bytes: Uint8Array } }>('certificates.issue', { ...scope, scan: p.code });
      const used = process.cpuUsage(c);
      if (round > 0) (lat.push(performance.now() - s), cpu.push((used.user + used.system) / 1000));
      if (!r.file.bytes.byteLength) throw new Error('empty PDF');
    }
  }
  ctx.db.close();
  return { lat, cpu };
}

export async function benchCertificates(rows: Row[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-certs-'));
  const background = photo(dir);
  const certs = certificates();
  const dataFile = path.join(dir, 'certs.json');
  fs.writeFileSync(dataFile, JSON.stringify({ background, certs, event: EVENT }));

  const oursOut = path.join(dir, 'ours.pdf');
  const ours = child('ours', dataFile, oursOut);
  const kitOut = path.join(dir, 'pdfkit.pdf');
  const kit = child('pdfkit', dataFile, kitOut);

  // A marker switch (Chromium ignores it) finds this browser among others running on the machine.
  const marker = `--hadir-bench=${process.pid}-${Date.now()}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', marker],
  });
  const chromePid = Number(execFileSync('pgrep', ['-o', '-f', '--', marker], { encoding: 'utf8' }).trim());
  let chromePeak = 0;
  const sampler = setInterval(() => (chromePeak = Math.max(chromePeak, treeRssMb(chromePid))), 100);
  const chromeOut = path.join(dir, 'chromium.pdf');
  const sHtml = performance.now();
  const doc = html(certs, background);
  const htmlMs = performance.now() - sHtml;
  const cpuBefore = cpuMs(chromePid);
  const chrome = await chromiumPdf(browser, doc, chromeOut);
  const chromeCpuMs = cpuMs(chromePid) - cpuBefore;
  clearInterval(sampler);
  for (const [name, f] of [
    ['ours', oursOut],
    ['pdfkit', kitOut],
    ['chromium', chromeOut],
  ] as const) {
    if (pages(f) !== N) throw new Error(`${name}: ${pages(f)} pages, not ${N}`);
  }

  const one = html(certs.slice(0, 1), background);
  const chromeOne: number[] = [];
  const chromeCpu: number[] = [];
  for (let i = 0; i < 23; i++) {
    const before = cpuMs(chromePid);
    const t = (await chromiumPdf(browser, one)).ms;
    if (i >= 3) (chromeOne.push(t), chromeCpu.push(cpuMs(chromePid) - before));
  }
  await browser.close();
  const demand = await onDemand(background);

  const MB = 1024 * 1024;
  rows.push(
    { name: `certificates: 1,000 with a photo JPEG background, one PDF (ours)`, value: ours.ms, unit: 'ms', ref: `Chromium page.pdf() of the same HTML (+${htmlMs.toFixed(0)} ms building it)`, refValue: chrome.ms + htmlMs }, // prettier-ignore
    {
      name: 'certificates: same 1,000 (ours)',
      value: ours.ms,
      unit: 'ms',
      ref: 'PDFKit, every page drawn in full',
      refValue: kit.ms,
    },
    { name: 'certificates: CPU time of the 1,000 (ours, incl. loading libraries)', value: ours.cpuMs, unit: 'ms', ref: 'Chromium, all its processes, page.pdf() only', refValue: chromeCpuMs }, // prettier-ignore
    { name: 'certificates: peak RSS of the 1,000 batch (ours, own process)', value: ours.maxRssMb, unit: 'MB', ref: 'PDFKit, own process', refValue: kit.maxRssMb }, // prettier-ignore
    { name: 'certificates: peak RSS of the 1,000 batch (ours, own process)', value: ours.maxRssMb, unit: 'MB', ref: 'Chromium, all its processes', refValue: chromePeak }, // prettier-ignore
    {
      name: 'certificates: file size of the 1,000 (ours)',
      value: ours.bytes / MB,
      unit: 'MB',
      ref: 'Chromium page.pdf()',
      refValue: chrome.bytes / MB,
    },
    {
      name: 'certificates: file size of the 1,000 (ours)',
      value: ours.bytes / MB,
      unit: 'MB',
      ref: 'PDFKit',
      refValue: kit.bytes / MB,
    },
    { name: 'certificate on demand, badge scan to PDF bytes, p95 (target <= 40 ms)', value: p95(demand.lat), unit: 'ms', ref: 'Chromium page.pdf() of 1 page, warm, p95', refValue: p95(chromeOne) }, // prettier-ignore
    // Wall time on a shared machine includes waiting for a core; CPU time is the work itself.
    { name: 'certificate on demand, CPU time of the request, p95', value: p95(demand.cpu), unit: 'ms', ref: 'Chromium (all processes) CPU time for 1 page, p95', refValue: p95(chromeCpu) }, // prettier-ignore
  );
}
