import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBadgesPdf } from '../../electron/core/badges/render-pdf';
import { loadBadgeFonts } from '../../electron/core/pdf/fonts';
import { badgeOf } from '../helpers/badge-people';
import { tempDir } from '../helpers/ctx';

// The kiosk's job thread parses each font once and keeps it (core/pdf/fonts.ts), and fontkit keeps
// every glyph it has made, with the characters it was made for. Writing a subset makes the parts
// of a composite glyph (ć is c + acute) with no characters at all; when that came first, every
// later PDF of the process drew "c" with no text behind it: pdftotext, search and copy read
// "Wolfes hlegel" for the 61-character name, on badges, certificates and reports alike.
const RESOURCES = path.resolve(__dirname, '../../resources');
const EVENT = 'Temu Karya PSM 2022'; // no plain "c" anywhere on the first sheet

function text(bytes: Uint8Array): string {
  const file = path.join(tempDir('hadir-glyphs-'), 'tags.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

describe('text behind glyphs a composite made first', () => {
  it('a sheet with "ć" but no "c" leaves the next sheet\'s "c" readable', async () => {
    const fonts = loadBadgeFonts(RESOURCES); // new bytes: a font parsed for this test alone
    const render = (name: string) =>
      renderBadgesPdf({ layout: 'a6', eventName: EVENT, logo: null, fonts, offset: { x: 0, y: 0 }, badges: [badgeOf(name)] });
    expect(text(await render('Đorđe Petrović'))).toContain('Petrović');
    const name = 'Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft';
    expect(text(await render(name)).replace(/\s+/g, '')).toContain(name);
  });
});
