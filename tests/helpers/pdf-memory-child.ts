// One badge sheet or certificate batch rendered in a process of its own (tests/unit/pdf-memory.test.ts),
// run with --expose-gc. argv: kind (badges | certificates), count, output file. Prints one JSON
// line: { liveMb, rssMb, maxRssMb, bytes }.
//
// liveMb is the most the render kept alive: the V8 heap in use plus the memory outside it (Buffers,
// ArrayBuffers), taken after a full collection every tenth page and once the file's bytes are
// back, less the same taken just before the render (modules, fonts, people loaded). A renderer that
// holds the whole document until save() keeps every page's objects: this grows with the number of
// people. Taken after a collection it does not depend on when V8 chose to collect, so it is the
// same from run to run; the process's peak RSS is not (tsx compiling the sources at start-up
// alone varies by ±20 MB, and garbage awaiting collection by as much). rssMb is the resident
// memory at the same moments, for the record.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderBadgesPdf } from '../../electron/core/badges/render-pdf';
import { renderCertificates } from '../../electron/core/certificates/render/render';
import { loadBadgeFonts } from '../../electron/core/pdf/fonts';
import { defaultTemplate } from '../../electron/shared/cert-template-defaults';
import { generatedBadges } from './badge-people';
import { peakRssMb } from './peak-rss';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [kind, n, out] = [process.argv[2], Number(process.argv[3]), process.argv[4]!];
const font = (f: string) => new Uint8Array(fs.readFileSync(path.join(ROOT, 'resources/fonts', f)));
const EVENT = 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat (PSM) Provinsi Lampung';

const gc = (globalThis as { gc?: () => void }).gc!;
const MB = 1024 * 1024;
const live = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
let base = { live: 0, rss: 0 };
const peak = { live: 0, rss: 0 };
function measure(): void {
  gc();
  peak.live = Math.max(peak.live, live());
  peak.rss = Math.max(peak.rss, process.memoryUsage.rss());
}
const sample = (done: number, total: number) => void (done % 10 === 0 || done === total ? measure() : undefined);
/** Everything loaded and made before the render, collected: the baseline. */
function start(): void {
  gc();
  base = { live: live(), rss: process.memoryUsage.rss() };
}

async function badges(): Promise<Uint8Array> {
  const input = {
    layout: 'a4-10' as const,
    eventName: EVENT,
    logo: new Uint8Array(fs.readFileSync(path.join(ROOT, 'tests/fixtures/logo.png'))),
    fonts: loadBadgeFonts(path.join(ROOT, 'resources')),
    badges: generatedBadges(n),
    offset: { x: 0, y: 0 },
    onProgress: sample,
  };
  start();
  return renderBadgesPdf(input);
}

async function certificates(): Promise<Uint8Array> {
  // Names, numbers and QR texts of the lengths a batch has (a signed claim is ~150 characters).
  const people = generatedBadges(n);
  const input = {
    template: defaultTemplate(),
    fonts: { regular: font('NotoSerif-Regular.ttf'), bold: font('NotoSerif-Bold.ttf'), italic: font('NotoSerif-Italic.ttf') },
    background: null,
    logo: null,
    signature: null,
    signature2: null,
    event: {
      name: EVENT,
      organiser: 'Dinas Sosial Provinsi Lampung',
      venue: 'Hotel Horison Bandar Lampung',
      city: 'Bandar Lampung',
      dates: '7–8 September 2022',
      signingPlace: 'Bandar Lampung',
      signingDate: '8 September 2022',
      signatory: { name: 'Drs. Aswarodi, M.Si.', title: 'Kepala Dinas Sosial Provinsi Lampung', rank: 'Pembina Utama Muda (IV/c)', nip: '196501011990031012' },
      signatory2: null,
      programme: [],
    },
    certificates: people.map((p, i) => ({
      number: `${String(i + 1).padStart(4, '0')}/PSM/DINSOS/IX/2022`,
      name: p.name,
      role: p.role,
      regency: p.regency,
      qr: `HC1.${p.code}.${String(i).padStart(6, '0')}.${'x'.repeat(130)}`,
    })),
  };
  start();
  return renderCertificates(input, { onProgress: sample });
}

const pdf = kind === 'badges' ? await badges() : await certificates();
measure(); // the file's bytes are alive here, and whatever the renderer still holds
fs.writeFileSync(out, pdf);
console.log(
  JSON.stringify({
    liveMb: (peak.live - base.live) / MB,
    rssMb: (peak.rss - base.rss) / MB,
    maxRssMb: peakRssMb(),
    bytes: pdf.byteLength,
  }),
);
