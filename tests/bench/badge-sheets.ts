// Badge sheets and certificate batches as whole processes (issue 21), start-up included:
// `hadir badges` through the compiled CLI (out/main/cli.js: reads the database, renders in its
// job worker, writes the file) on 1,000 imported participants per layout, against, in the same run,
// Chromium's page.pdf() of the same tags (the badges bench's reference, a warm browser) and a
// whole `chromium --headless --print-to-pdf` of a plain HTML sheet of the same tags. Peak RSS of
// the CLI (GNU time's maximum resident set) for 1,000, 5,000 and 20,000 A4-10 tags; certificates
// (tests/bench/cert-child.ts) for 1,000 and 5,000. Needs `npm run build`, /usr/bin/chromium and
// /usr/bin/time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { fontMeasures, layoutPages } from '../../electron/core/badges/render-pdf';
import { SHEETS } from '../../electron/core/badges/sheets';
import { loadBadgeFonts } from '../../electron/core/pdf/fonts';
import { BADGE_LAYOUTS } from '../../electron/shared/badges';
import { generatedBadges } from '../helpers/badge-people';
import { badgesHtml, plainSheetHtml } from './badges-html';
import { certificates, child as certChild, EVENT as CERT_EVENT, photo } from './certificates';
import type { Row } from './run';

const EVENT = 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat 2022';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A command's wall time (ms) and peak resident set (MB) as GNU time reports it. */
export function measured(cmd: string, args: string[]): { ms: number; rssMb: number } {
  const s = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'HADIR_MAXRSS %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - s;
  const m = /HADIR_MAXRSS (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return { ms, rssMb: Number(m[1]) / 1024 };
}

/** A data folder with one event, its logo and `n` generated participants, through the CLI. */
export function kiosk(cli: string, root: string, n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hadir-bench-sheets-${n}-`));
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args, '--data-dir', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`hadir ${args.join(' ')}: ${r.stderr}`);
  };
  run('event', 'create', '--name', EVENT, '--day', '2022-09-20', '--organiser', 'Dinas Sosial Provinsi Lampung', '--venue', 'Hotel Emersia', '--city', 'Bandar Lampung', '--signatory-name', 'Drs. Aswarodi, M.Si.', '--signatory-title', 'Kepala Dinas Sosial Provinsi Lampung');
  run('event', 'logo', path.join(root, 'tests/fixtures/logo.png'));
  const q = (s: string | null) => `"${(s ?? '').replace(/"/g, '""')}"`;
  const csv = ['Nama Lengkap,Kabupaten/Kota,Instansi,Peran'];
  for (const b of distinctPeople(n)) csv.push([b.name, b.regency, b.institution, b.role].map(q).join(','));
  const file = path.join(dir, 'peserta.csv');
  fs.writeFileSync(file, csv.join('\r\n') + '\r\n');
  run('participants', 'import', file);
  return dir;
}

export async function benchBadgeSheets(rows: Row[], root: string): Promise<void> {
  const cli = path.join(root, 'out', 'main', 'cli.js');
  if (!fs.existsSync(cli)) {
    console.log('badge-sheets: skipped, out/main/cli.js missing (run `npm run build` first)');
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hadir-bench-sheets-'));
  const hadir = (dir: string, layout: string) =>
    measured(process.execPath, [cli, 'badges', '--layout', layout, '--out', path.join(tmp, `${layout}.pdf`), '--data-dir', dir]);

  // The references, on the same 1,000 generated people.
  const fonts = loadBadgeFonts(path.join(root, 'resources'));
  const logo = new Uint8Array(fs.readFileSync(path.join(root, 'tests/fixtures/logo.png')));
  const people = generatedBadges(1000);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  // A loaded machine takes longer than Playwright's 30 s default for 1,000 tags: wait as long as it takes.
  page.setDefaultTimeout(0);
  const pagePdf = async (layout: (typeof BADGE_LAYOUTS)[number]) => {
    const sheet = SHEETS[layout];
    const s = performance.now();
    const html = badgesHtml(sheet, layoutPages(sheet, fontMeasures(fonts), EVENT, 1, people), fonts, logo);
    await page.setContent(html, { waitUntil: 'load', timeout: 0 });
    await page.evaluate(() => document.fonts.ready);
    await page.pdf({ width: `${sheet.page.w}mm`, height: `${sheet.page.h}mm`, printBackground: true, preferCSSPageSize: true });
    return performance.now() - s;
  };
  const plain = (layout: (typeof BADGE_LAYOUTS)[number]) => {
    const file = path.join(tmp, `plain-${layout}.html`);
    fs.writeFileSync(file, plainSheetHtml(SHEETS[layout], people));
    // prettier-ignore
    return measured(CHROMIUM, [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      `--user-data-dir=${path.join(tmp, 'profile')}`, '--no-pdf-header-footer',
      `--print-to-pdf=${path.join(tmp, `plain-${layout}.pdf`)}`, `file://${file}`,
    ]);
  };

  const k1000 = kiosk(cli, root, 1000);
  hadir(k1000, 'a4-8'); // warm the disk cache once
  const per1000 = new Map<string, number>();
  for (const layout of BADGE_LAYOUTS) {
    const mine: { ms: number; rssMb: number }[] = [];
    const ref: number[] = [];
    const plainMs: number[] = [];
    // Three rounds, interleaved, medians: a loaded machine slows each side in turn.
    for (let i = 0; i < 3; i++) {
      mine.push(hadir(k1000, layout));
      ref.push(await pagePdf(layout));
      plainMs.push(plain(layout).ms);
    }
    const ms = median(mine.map((m) => m.ms));
    per1000.set(layout, ms / 1000);
    const name = `badge sheet ${layout}: 1,000 tags, hadir badges (compiled CLI, whole process)`;
    rows.push({ name: `${name}, time`, value: ms, unit: 'ms', ref: 'Chromium page.pdf() of the same tags (warm browser)', refValue: median(ref) }); // prettier-ignore
    rows.push({ name: `${name}, time`, value: ms, unit: 'ms', ref: 'chromium --headless --print-to-pdf, plain HTML sheet, whole process', refValue: median(plainMs) }); // prettier-ignore
    rows.push({ name: `${name}, peak RSS`, value: Math.max(...mine.map((m) => m.rssMb)), unit: 'MB', ref: 'bound', refValue: 250 }); // prettier-ignore
  }
  await browser.close();

  for (const n of [5000, 20000]) {
    const k = kiosk(cli, root, n);
    const m = hadir(k, 'a4-10');
    rows.push({ name: `badge sheet a4-10: ${n.toLocaleString('en')} tags, peak RSS`, value: m.rssMb, unit: 'MB', ref: 'bound', refValue: 300 }); // prettier-ignore
    rows.push({ name: `badge sheet a4-10: ${n.toLocaleString('en')} tags, time per tag`, value: m.ms / n, unit: 'ms', ref: '1,000 tags, same run', refValue: per1000.get('a4-10')! }); // prettier-ignore
    fs.rmSync(k, { recursive: true, force: true });
  }
  fs.rmSync(k1000, { recursive: true, force: true });

  // Certificates on a photo background, each batch in its own process (cert-child.ts).
  const certRuns = new Map<number, ReturnType<typeof certChild>>();
  const background = photo(tmp);
  for (const n of [1000, 5000]) {
    const dataFile = path.join(tmp, `certs-${n}.json`);
    fs.writeFileSync(dataFile, JSON.stringify({ background, certs: certificates(n), event: CERT_EVENT }));
    certRuns.set(n, certChild('ours', dataFile, path.join(tmp, `certs-${n}.pdf`)));
  }
  const c1 = certRuns.get(1000)!;
  const c5 = certRuns.get(5000)!;
  rows.push({ name: 'certificates: 5,000 on a photo background, peak RSS (own process)', value: c5.maxRssMb, unit: 'MB', ref: '1,000, same run', refValue: c1.maxRssMb }); // prettier-ignore
  rows.push({ name: 'certificates: 5,000 on a photo background, time per page', value: c5.ms / 5000, unit: 'ms', ref: '1,000, same run', refValue: c1.ms / 1000 }); // prettier-ignore
  fs.rmSync(tmp, { recursive: true, force: true });
}


/** n generated people with distinct names (the import refuses a name twice in one file). */
function distinctPeople(n: number) {
  const seen = new Set<string>();
  return generatedBadges(Math.ceil(n * 1.2))
    .filter((b) => !seen.has(b.name) && seen.add(b.name))
    .slice(0, n);
}
