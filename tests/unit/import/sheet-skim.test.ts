// The worksheet reader's skim (issue 21): the common shapes of rows and cells read straight from the
// sheet's text instead of tag by tag. It must keep exactly what the scanner alone keeps, for every
// shape a writer may use, wherever the inflated chunks happen to cut the text, and fail the same
// way on a damaged sheet. Each sheet here is read both ways and the results compared.
import { describe, expect, it } from 'vitest';
import { readSheet, type SheetContent } from '../../../electron/core/participants/import/xlsx/sheet';
import { readZipDirectory } from '../../../electron/core/participants/import/zip/directory';
import { SHEET_HEAD, workbookWith } from '../../helpers/hostile-files';
import { deflated, type RawEntry } from '../../helpers/zip-writer';

/** A small seeded generator: a failing sheet can be made again from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Far from XFD: a cell without a reference follows the one before it, and past XFD is damage (tested below).
const COLUMNS = ['A', 'B', 'C', 'D', 'H', 'Z', 'AA', 'KZ'];
const TEXTS = [
  'Siti Aminah',
  'Kota Metro',
  ' spasi ',
  'A&amp;B',
  '&#x41;&#66;',
  'x_x000D_y',
  '081234567890',
  '',
  'Ñandú',
  '漢字',
];

/** One cell in one of the shapes writers produce, common and rare. */
function cell(next: () => number, row: number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const ref = `${pick(COLUMNS)}${row}`;
  const text = pick(TEXTS);
  const shapes = [
    () => `<c r="${ref}"><v>${Math.floor(next() * 1e6)}</v></c>`,
    () => `<c r="${ref}" t="s"><v>${Math.floor(next() * 5)}</v></c>`,
    () => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`,
    () => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`,
    () => `<c r="${ref}" s="1"><v>45000.5</v></c>`,
    () => `<c r="${ref}" s="2"><v>0012</v></c>`,
    () => `<c><v>7</v></c>`,
    () => `<c r="${ref}"/>`,
    () => `<c r="${ref}" s="3"></c>`,
    () => `<c r="${ref}"><v></v></c>`,
    () => `<c r="${ref}" t="b"><v>1</v></c>`,
    () => `<c r="${ref}" t="e"><v>#N/A</v></c>`,
    () => `<c r="${ref}" t="str"><v>${text}</v></c>`,
    () => `<c r="${ref}"><f>A1+1</f><v>13</v></c>`,
    () => `<c r="${ref}" t="inlineStr"><is><r><t>Si</t></r><r><rPr/><t>ti</t></r></is></c>`,
    () => `<c r="${ref}" t="inlineStr"><is><t>漢</t><rPh sb="0" eb="1"><t>かん</t></rPh></is></c>`,
    () => `<c r="${ref}" t="inlineStr"><is><t><![CDATA[a</row>b]]></t></is></c>`,
    () => `<!-- <c r="${ref}"><v>9</v></c> -->`,
    () => `<c r="${ref}">\n  <v>3</v>\n</c>`,
    () => `<x:c r="${ref}"><x:v>4</x:v></x:c>`,
    () => `<c t='inlineStr'  r = '${ref}' foo="a>b"><is><t>${text}</t></is></c>`,
    () => `<c r="${ref}" t="inlineStr"><is><t/></is></c>`,
    () => `<c r="${ref}" t="d"><v>2026-12-07T00:00:00</v></c>`,
    () => `<c r="${ref}"><v>1.5E+3</v></c>`,
    () => ` \n`,
  ];
  return pick(shapes)();
}

function sheetXml(seed: number, rows: number): string {
  const next = random(seed);
  const out: string[] = [SHEET_HEAD];
  for (let r = 1; r <= rows; r++) {
    const n = Math.floor(next() * 12);
    const cells = Array.from({ length: n }, () => cell(next, r)).join('');
    const open = next() < 0.05 ? '<row>' : next() < 0.05 ? `<row r='${r}' spans="1:8" x14ac:dyDescent="0.25">` : `<row r="${r}">`;
    out.push(n === 0 && next() < 0.5 ? `<row r="${r}"/>` : `${open}${cells}</row>`);
    if (next() < 0.02) out.push('\n  ');
  }
  out.push(`</sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>`);
  return out.join('');
}

/** The sheet read with the skim and with the scanner alone: both results, or both errors. */
async function bothWays(xml: string, stored = false): Promise<[unknown, unknown]> {
  const entry: Omit<RawEntry, 'name'> = stored
    ? (() => {
        const raw = Buffer.from(xml, 'utf8');
        const d = deflated('', raw);
        return { data: raw, method: 0 as const, crc: d.crc, size: raw.length };
      })()
    : deflated('', xml);
  const bytes = new Uint8Array(workbookWith(entry));
  const sheet = readZipDirectory(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  const read = async (skim: boolean): Promise<SheetContent | string> => {
    const budget = { remaining: 1 << 30, limit: 1 << 30 };
    try {
      return await readSheet(bytes, sheet, budget, [false, true, false, false], false, skim);
    } catch (e) {
      return `error: ${(e as Error).message}`;
    }
  };
  return [await read(true), await read(false)];
}

describe('the worksheet skim', () => {
  it('keeps exactly what the scanner keeps, for every cell shape, wherever the chunks cut the text', async () => {
    // ~0.5-1.5 MB of XML per sheet: the inflater's 64 KB pieces cut it at many different places.
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const xml = sheetXml(seed, 4_000);
      const [skimmed, scanned] = await bothWays(xml);
      expect(typeof skimmed, `seed ${seed}: ${String(skimmed)}`).toBe('object');
      expect(skimmed, `seed ${seed}`).toEqual(scanned);
    }
    // Stored (not deflated): the text comes in 256 KB slices instead.
    const [skimmed, scanned] = await bothWays(sheetXml(7, 4_000), true);
    expect(skimmed).toEqual(scanned);
  });

  it('reads the rows it skims as the organiser typed them', async () => {
    const xml =
      `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>Nama</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1"/></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> Siti &amp; Ani </t></is></c><c r="C2"><v>081234567890</v></c></row>` +
      `</sheetData></worksheet>`;
    const [skimmed] = await bothWays(xml);
    expect(skimmed).toEqual({
      rows: [
        { row: 1, cols: [0, 1], values: ['Nama', 0], numeric: [false, false] },
        { row: 2, cols: [0, 2], values: [' Siti & Ani ', 81234567890], numeric: [false, true] },
      ],
      cells: 4,
      merges: [],
    });
  });

  it('fails the same way on a damaged sheet', async () => {
    const bad = [
      `<row r="1"><c r="XFE1"><v>1</v></c></row>`, // past Excel's last column
      `<row r="1"><c r="1A"><v>1</v></c></row>`, // not a reference
      `<row r="0"><c r="A1"><v>1</v></c></row>`, // no row 0
      `<row r="2"><c r="A2"><v>1</v></c></row><row r="x">`,
      `<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>`, // the cell after XFD
    ];
    for (const rows of bad) {
      const [skimmed, scanned] = await bothWays(`${SHEET_HEAD}${rows}</sheetData></worksheet>`);
      expect(String(skimmed), rows).toMatch(/^error: /);
      expect(skimmed, rows).toEqual(scanned);
    }
    // Not refused by either (the reader does not check nesting), but read alike.
    for (const rows of [
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v>`,
      `<row r="1"><c r="A1"><c r="B1"><v>2</v></c></c></row>`,
    ]) {
      const [skimmed, scanned] = await bothWays(`${SHEET_HEAD}${rows}</sheetData></worksheet>`);
      expect(skimmed, rows).toEqual(scanned);
    }
  });

  it('stops at a phonetic guide left open and leaves the rest to the scanner', async () => {
    // An unclosed <rPh> keeps the scanner from reading text in later cells; the skim must not read it either.
    const rows =
      `<row r="1"><c r="A1" t="inlineStr"><is><rPh><t>x</t></is></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>Siti</t></is></c><c r="B2"><v>5</v></c></row>`;
    const [skimmed, scanned] = await bothWays(`${SHEET_HEAD}${rows}</sheetData></worksheet>`);
    expect(skimmed).toEqual(scanned);
  });
});
