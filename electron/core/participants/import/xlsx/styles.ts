import { attr, XmlScanner } from '../xml-scan';
import type { ZipEntry } from '../zip/directory';
import { inflateEntry, type InflateBudget } from '../zip/inflate';

/** Excel allows about 64,000 cell formats; styles past this are read as not being dates. */
const MAX_STYLES = 65_536;

/**
 * Built-in number formats that show a date or time (ECMA-376 18.8.30), as exceljs knew them:
 * a number stored with one of these is a date to the organiser, not a number.
 */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** exceljs's rule for a custom format: date letters left after removing [colour] and "literal" parts. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style index (the `s` of a cell), whether its number format is a date. */
export async function dateStyles(bytes: Uint8Array, entry: ZipEntry | undefined, budget: InflateBudget): Promise<boolean[]> {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  const scanner = new XmlScanner(
    {
      open(name, tag) {
        if (name === 'numFmt') {
          const id = Number(attr(tag, 'numFmtId'));
          if (custom.size < MAX_STYLES) custom.set(id, attr(tag, 'formatCode') ?? '');
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs && formats.length < MAX_STYLES) formats.push(Number(attr(tag, 'numFmtId') ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text() {},
    },
    entry.name,
  );
  await inflateEntry(bytes, entry, budget, (c) => scanner.write(c));
  scanner.end();
  return formats.map((id) => {
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id);
  });
}
