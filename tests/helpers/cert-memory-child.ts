// One certificate batch rendered in a process of its own (tests/unit/pdf-batch-memory.test.ts):
// argv number of certificates, resources folder (the child runs bundled, away from the sources).
// Prints one JSON line: the process's peak RSS and the PDF's size.
import fs from 'node:fs';
import path from 'node:path';
import { renderCertificates } from '../../electron/core/certificates/render/render';
import { defaultTemplate } from '../../electron/shared/cert-template-defaults';

const [n, resources] = [Number(process.argv[2]), process.argv[3]!];
const font = (f: string) => new Uint8Array(fs.readFileSync(path.join(resources, 'fonts', f)));
const FIRST = ['Ni Luh', 'Made', 'Siti', 'Ahmad', 'Dewi', 'Budi', 'Wayan', 'Putu', 'Agus', 'Sri'];
const LAST = ['Pratama', 'Lestari', 'Saputra', 'Wulandari', 'Hidayat', 'Kusuma', 'Santoso', 'Rahayu'];
const pdf = await renderCertificates({
  template: defaultTemplate(),
  fonts: { regular: font('NotoSerif-Regular.ttf'), bold: font('NotoSerif-Bold.ttf'), italic: font('NotoSerif-Italic.ttf') },
  background: null,
  logo: null,
  signature: null,
  signature2: null,
  event: {
    name: 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat (PSM) Provinsi Lampung',
    organiser: 'Dinas Sosial Provinsi Lampung',
    venue: 'Hotel Horison Bandar Lampung',
    city: 'Bandar Lampung',
    dates: '7–8 September 2022',
    signingPlace: 'Bandar Lampung',
    signingDate: '8 September 2022',
    signatory: { name: 'Drs. Aswarodi, M.Si.', title: 'Kepala Dinas Sosial Provinsi Lampung', rank: 'Pembina Utama Muda (IV/c)', nip: '19650101 199003 1 012' },
    signatory2: null,
    programme: [],
  },
  certificates: Array.from({ length: n }, (_, i) => {
    const number = `${String(i + 1).padStart(4, '0')}/PSM/DINSOS/IX/2022`;
    return {
      number,
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 3) % LAST.length]} ${i}`,
      role: 'Peserta',
      regency: 'Kabupaten Lampung Selatan',
      // As long as a signed claim (about 200 characters), different for everyone.
      qr: `https://hadir.example/v#${number}.${(i * 7919).toString(36).padStart(8, '0').repeat(22)}`,
    };
  }),
});
console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: pdf.byteLength }));
