// Names in many scripts (issue 18, defect 9): what the bundled fonts cannot draw is named, per
// person, at import and by participants.undrawable (the badge and certificate screens' warning);
// a name with nothing visible is refused; everything the fonts have prints and reads back.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, scope, tempDir } from '../helpers/ctx';
import { psmEvent, scan } from './certificates/helpers';

function pdfText(bytes: Uint8Array): string {
  const file = path.join(tempDir(), 'doc.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

/** Drawn by Noto Sans and Noto Serif: Latin with marks, Vietnamese, Greek, Cyrillic, combining marks. */
const DRAWABLE = [
  'Ngô Bảo Châu',
  'Ayşe Şahin Öztürk',
  'Γιώργος Παπαδόπουλος',
  'Дмитрий Иванов',
  'Za\u0337b Santoso',
  'Jose\u0301 Ibáñez', // e + combining acute
  'محمد علي', // Arabic script: the bundled Noto Naskh Arabic fallback (core/pdf/arabic-names.ts)
];
/** Scripts the bundled fonts lack, each with the characters the warning must name. */
const UNDRAWABLE: [string, string][] = [
  ['Ahmad محمد', 'م'], // Arabic mixed with Latin letters: not set in the fallback
  ['דוד כהן', 'ד'],
  ['王小明', '王'],
  ['さくら 田中', 'さ'],
  ['김민준', '김'],
  ['ꦱꦸꦏꦂꦤꦺꦴ', 'ꦱ'],
  ['ᬓᬢᬸᬢ᭄', 'ᬓ'],
  ['राम शर्मा', 'र'],
  ['สมชาย ใจดี', 'ส'],
  ['Budi 😀 Santoso', '😀'],
  ['𝐒𝐢𝐭𝐢 Rahayu', '𝐒'],
];

describe('names in many scripts', () => {
  it('names each person whose name the fonts cannot draw, prints the rest readably', async () => {
    const { ctx, event } = await psmEvent();
    const made = new Map<string, number>();
    for (const name of [...DRAWABLE, ...UNDRAWABLE.map(([n]) => n)]) {
      const p = await ok(ctx, 'participants.create', { ...scope(ctx), name, role: 'Peserta' });
      made.set(name, p.id);
      for (const d of [1, 2]) scan(ctx, event, p.id, d);
    }
    const warned = await ok(ctx, 'participants.undrawable', {});
    // The fixture's 66 names are all drawable; exactly the eleven above are not.
    expect(warned.map((w) => w.name).sort()).toEqual(UNDRAWABLE.map(([n]) => n).sort());
    for (const [name, ch] of UNDRAWABLE) {
      const w = warned.find((x) => x.name === name)!;
      expect(w.id).toBe(made.get(name));
      expect(w.missing).toContain(ch);
      // Spaces and the Latin part of a mixed name are never reported.
      expect(w.missing).not.toContain(' ');
      expect(w.missing.join('')).not.toMatch(/[A-Za-z]/);
    }

    // Every document still prints for everyone; what the fonts have reads back.
    const ids = [...made.values()];
    const badges = pdfText((await ok(ctx, 'badges.render', { layout: 'a6', whom: { kind: 'ids', ids } })).bytes);
    const certs = pdfText((await ok(ctx, 'certificates.batch', { ...scope(ctx), participantIds: ids })).file.bytes);
    const dh = pdfText((await ok(ctx, 'reports.daftarHadir', { dayNo: 1, scope: 'present', order: 'name' })).bytes);
    for (const text of [badges, certs, dh]) {
      for (const n of DRAWABLE) for (const word of n.normalize('NFC').split(' ')) expect(text).toContain(word);
      expect(text).toContain('Santoso');
    }
    ctx.db.close();
  }, 180_000);

  it('refuses a name with no visible character, in the form and at import; warns at import about undrawable names', async () => {
    const { ctx } = await psmEvent();
    for (const name of ['\u200b', '\u3164', '\u200b\u3164\u200d', '\u2800']) {
      await expect(ok(ctx, 'participants.create', { ...scope(ctx), name, role: 'Peserta' })).rejects.toThrow(/invalid_input/);
    }
    const csv = ['Nama,Peran', '"\u200b\u200b",Peserta', '\u3164,Peserta', 'Ahmad محمد,Peserta', 'Budi Santoso,Peserta'].join('\n');
    const preview = await ok(ctx, 'participants.importPreview', { fileName: 'x.csv', bytes: new Uint8Array(Buffer.from(csv)) });
    const invisible = preview.problems.filter((p) => p.code === 'invisible_name');
    expect(invisible.map((p) => [p.line, p.value])).toEqual([
      [2, 'U+200B U+200B'],
      [3, 'U+3164'],
    ]);
    const w = preview.warnings.find((x) => x.code === 'undrawable_names')!;
    expect(w.count).toBe(1);
    expect(w.examples[0]).toMatch(/^4: Ahmad محمد \(/);
    ctx.db.close();
  }, 120_000);
});
