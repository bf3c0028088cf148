import fs from 'node:fs';
import path from 'node:path';
import { eventTag } from '../../electron/core/qr/event-tag';
import { readTable } from '../../electron/core/participants/import/read-table';
import type { BadgeData } from '../../electron/core/badges/tag-layout';
import { badgePayload, CODE_ALPHABET } from '../../electron/shared/badge-payload';
import { SHARED } from './ctx';

export const ROLES = ['Peserta', 'Narasumber', 'Panitia'];
export const TAG = eventTag(Buffer.from('badge tests'));

/** A small deterministic generator (mulberry32): the same 1,000 people on every run. */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function codes(n: number, rand: () => number): string[] {
  const seen = new Set<string>();
  while (seen.size < n) seen.add(Array.from({ length: 8 }, () => CODE_ALPHABET[Math.floor(rand() * 32)]).join(''));
  return [...seen];
}

const badge = (p: Omit<BadgeData, 'roleIndex' | 'payload'>): BadgeData => ({
  ...p,
  roleIndex: Math.max(0, ROLES.indexOf(p.role)),
  payload: badgePayload(TAG, p.code),
});

/** The 66 people of peserta-psm-2022.csv, with random codes as the import would give them. */
export async function fixtureBadges(): Promise<BadgeData[]> {
  const file = path.join(SHARED, 'fixtures/peserta-psm-2022.csv');
  const t = await readTable(fs.readFileSync(file), 'peserta-psm-2022.csv');
  const c = codes(t.rows.length, rng(66));
  return t.rows.map((r, i) => badge({ name: r[1]!, regency: r[3] || null, institution: null, role: r[6]!, code: c[i]! }));
}

/** Names the fixture lacks: letters beyond ASCII, and the longest shapes a tag must hold. */
export const HARD_NAMES: Omit<BadgeData, 'roleIndex' | 'payload' | 'code'>[] = [
  { name: 'José Ibáñez Muñoz', regency: 'Kota Bandar Lampung', institution: 'Universitas Lampung', role: 'Narasumber' },
  { name: 'Ayşe Şahin Öztürk, Ph.D.', regency: 'Kabupaten Lampung Selatan', institution: null, role: 'Narasumber' },
  { name: 'Ngô Bảo Châu', regency: 'Jakarta', institution: 'Institut Teknologi Bandung', role: 'Peserta' },
  {
    name: 'Raden Ajeng Siti Nurhasanah Kusumawardhani, S.Sos., M.Kesos.',
    regency: 'Kabupaten Tulang Bawang Barat',
    institution: 'Lembaga Kesejahteraan Sosial Anak Nusantara Jaya Makmur Sentosa',
    role: 'Peserta',
  },
  { name: 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft', regency: null, institution: null, role: 'Panitia' },
  { name: 'Ni', regency: 'Kabupaten Pesisir Barat', institution: null, role: 'Tamu Kehormatan Undangan Khusus' },
];

/** An unbroken 61-letter word (tests/unit/pdf-glyph-text.test.ts) and a role that was 5 pt on one line. */
export const WORD_61 = 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft';
export const LONG_ROLE = 'Tamu Kehormatan Undangan Khusus';

/**
 * Names a single space cannot save: the 61-letter word, an e-mail address pasted as a name, a
 * name of several long words (Balinese, Batak, Javanese), each with the long role.
 */
export const HOSTILE_TAGS: { key: string; badge: BadgeData }[] = [
  { key: 'word-61', name: WORD_61, regency: 'Kabupaten Tulang Bawang Barat' },
  {
    key: 'email',
    name: 'nurhasanah.kusumawardhani.lampungselatan@dinsos.lampungprov.go.id',
    regency: 'Kabupaten Lampung Selatan',
  },
  {
    key: 'long-words',
    name: 'Ida Bagus Ngurah Wiswakarmawijayakusuma Hutagalungsimanjuntakpangaribuan Prawirodiningratkusumo',
    regency: 'Kabupaten Humbang Hasundutan',
  },
  { key: 'long-role', name: 'Ni Luh Putu Ayu', regency: 'Kota Denpasar' },
].map(({ key, name, regency }) => ({
  key,
  badge: { ...badge({ name, regency, institution: null, role: LONG_ROLE, code: 'K7M2Q9XR' }), roleIndex: 3 },
}));

/** One participant with just a name (a Peserta with a fixed code), for a test about one tag. */
export function badgeOf(name: string): BadgeData {
  return badge({ name, regency: null, institution: null, role: 'Peserta', code: 'K7M2Q9XR' });
}

export function hardBadges(): BadgeData[] {
  const c = codes(HARD_NAMES.length, rng(7));
  return HARD_NAMES.map((p, i) => badge({ ...p, code: c[i]! }));
}

const FIRST = [
  'Agus',
  'Siti',
  'Made',
  'Nyoman',
  'Dewi',
  'Rahmat',
  'Muhammad',
  'Nur',
  'Ikhsan',
  'Putu',
  'Yohanes',
  'Maria',
  'Fransiska',
  'Andi',
  'Teuku',
  'Cut',
  'Raden',
  'Ayu',
  'Bambang',
  'Sri',
  'Ngô',
  'Şükrü',
  'Begoña',
  'Zoë',
];
const LAST = [
  'Saputra',
  'Wulandari',
  'Hidayat',
  'Kusumawardhani',
  'Simanjuntak',
  'Nainggolan',
  'Pratama',
  'Lestari',
  'Setiawan',
  'Rahmawati',
  'Sihombing',
  'Wibowo',
  'Handayani',
  'Nugroho',
  'Ibáñez',
  'Çelik',
  'Ñañez',
  'Šimić',
];
const TITLE = ['', '', '', ', S.Pd.', ', S.H.', ', A.Md.', ', S.Sos., M.Si.', ', S.Kep., Ns.', ', Dr. H.'];
const REGENCY = [
  'Kabupaten Lampung Barat',
  'Kota Metro',
  'Kabupaten Tulang Bawang Barat',
  'Kota Bandar Lampung',
  'Kabupaten Pesisir Barat',
  null,
];
const INSTITUTION = [
  null,
  null,
  'Dinas Sosial',
  'Puskesmas Kecamatan Gedong Tataan',
  'Lembaga Kesejahteraan Sosial Anak Harapan Bangsa Nusantara',
];

/** `n` made-up participants: 1 to 5 names, titles, diacritics, every role; deterministic. */
export function generatedBadges(n: number, seed = 1000): BadgeData[] {
  const rand = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)]!;
  const c = codes(n, rand);
  return c.map((code) => {
    const parts = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(FIRST));
    return badge({
      name: `${parts.join(' ')} ${pick(LAST)}${pick(TITLE)}`,
      regency: pick(REGENCY),
      institution: pick(INSTITUTION),
      role: rand() < 0.85 ? 'Peserta' : pick(ROLES),
      code,
    });
  });
}
