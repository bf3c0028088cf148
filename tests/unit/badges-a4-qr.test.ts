import { describe, expect, it } from 'vitest';
import { fontMeasures, layoutPages } from '../../electron/core/badges/render-pdf';
import { SHEETS } from '../../electron/core/badges/sheets';
import type { Element } from '../../electron/core/badges/tag-layout';
import { loadBadgeFonts } from '../../electron/core/pdf/fonts';
import { QR_MODULES } from '../../electron/core/qr/qr-modules';
import { fixtureBadges } from '../helpers/badge-people';

// Issue 21 item 2: the A4 cards' QR must read like the A6 tag's on a webcam (0.45 mm per pixel):
// its modules at least 1.9 mm (4.2 px there; the 35 mm symbol gave 3.7 px and zxing-cpp read
// 0-69 % of such frames), with a quiet zone of at least 2.5 modules, beside a name column that
// still sets the fixture's longest name (60 characters) at 10 pt or more.
describe('A4 badge cards: a QR a webcam reads', async () => {
  const measures = fontMeasures(loadBadgeFonts('resources'));
  const people = await fixtureBadges();
  const longest = people.reduce((a, b) => (b.name.length > a.name.length ? b : a));
  for (const id of ['a4-8', 'a4-10'] as const) {
    it(`${id}: modules of 1.9 mm or more, a quiet zone of 2.5 modules or more, the 60-character name at 10 pt or more`, () => {
      expect(longest.name).toHaveLength(60);
      const els = layoutPages(SHEETS[id], measures, 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat 2022', 1.2, [longest])[0]![0]!.elements;
      const qr = els.find((e) => e.kind === 'qr') as Extract<Element, { kind: 'qr' }>;
      const module = qr.rect.w / QR_MODULES;
      expect(module).toBeGreaterThanOrEqual(1.9);
      expect((qr.rect.x - qr.quiet.x) / module).toBeGreaterThanOrEqual(2.5 - 1e-9);
      const name = els.find((e) => e.kind === 'text' && e.part === 'name') as Extract<Element, { kind: 'text' }>;
      expect(name.size).toBeGreaterThanOrEqual(10);
      expect(name.lines.map((l) => l.text).join(' ')).toBe(longest.name);
    });
  }
});
