import JSZip from 'jszip';
import { checkInflatedSize } from './limits';

/**
 * Cheap row counts taken BEFORE a file is parsed, so that a file far over the row limit is refused
 * without building 100,000 row objects first (exceljs needs seconds and hundreds of MB for that).
 * They must never count MORE rows than the parsers will find, or a file within the limit could be
 * refused; counting fewer is harmless, since read-table repeats the exact check on parsed rows.
 */

/**
 * Non-blank CSV records, quote-aware (a quoted newline does not end a record). A record counts
 * only if it holds a character that survives trimming and is not a delimiter or a quote, so
 * ";;;;", '"",""' and a quoted newline alone are blank here, as they are after parsing.
 */
export function countCsvRecords(text: string): number {
  let records = 0;
  let content = false;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A plain toggle is enough: a doubled quote toggles twice. A stray quote inside a value
      // may make this miss line ends, which only lowers the count.
      quoted = !quoted;
    } else if (!quoted && (c === 0x0a || c === 0x0d)) {
      if (content) records++;
      content = false;
    } else if (!content && c > 0x20 && c !== 0x2c && c !== 0x3b && !(c >= 0x80 && /\s/.test(text[i]!))) {
      content = true; // \s is what String.trim() removes
    }
  }
  return content ? records + 1 : records;
}

/**
 * Rows holding at least one value in the worksheet exceljs will read: the first one, in workbook
 * order, that has any. Counted on the raw sheet XML (inflating is cheap, building objects is not).
 * Returns 0 when the ZIP is not a workbook we can read this way; exceljs then reports it.
 * The one way it can count more than read-table keeps: a row whose only values are blank text,
 * which the 10-row allowance in checkRowCountBeforeParse absorbs unless there are many of them.
 * Throws import_too_large, before inflating anything, for a workbook that would unpack too big.
 */
export async function countXlsxRows(bytes: Uint8Array): Promise<number> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes); // reads the ZIP directory only
  } catch {
    return 0;
  }
  checkInflatedSize(Object.values(zip.files).reduce((sum, f) => sum + declaredSize(f), 0));
  try {
    for (const path of await sheetPaths(zip)) {
      const xml = await zip.file(path)?.async('string');
      const rows = xml ? countValueRows(xml) : 0;
      if (rows > 0) return rows;
    }
  } catch {
    // A damaged entry (bad CRC, wrong size): exceljs meets the same damage and reports it.
  }
  return 0;
}

/** The uncompressed size the ZIP directory declares (jszip keeps it on a field it does not type). */
function declaredSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' ? size : 0;
}

/** Worksheet paths in the order the workbook lists its sheets; file-name order if that fails. */
async function sheetPaths(zip: JSZip): Promise<string[]> {
  const byName = Object.keys(zip.files)
    .filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbook || !rels) return byName;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const ordered = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => targets.get(attr(m[0], 'r:id') ?? ''))
    .filter((p): p is string => p !== undefined && zip.file(p) !== null);
  return ordered.length > 0 ? ordered : byName;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** `<row>` elements of sheetData that contain a value (`<v>` or an inline string `<is>`). */
export function countValueRows(xml: string): number {
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>', start);
  if (start < 0 || end < 0) return 0;
  let rows = 0;
  let at = start;
  for (;;) {
    at = xml.indexOf('<row', at);
    if (at < 0 || at > end) break;
    const next = xml[at + 4];
    const tagEnd = xml.indexOf('>', at);
    if ((next !== ' ' && next !== '>') || tagEnd < 0) {
      at += 4;
      continue;
    }
    if (xml[tagEnd - 1] === '/') {
      at = tagEnd; // <row r="7" s="2"/>: formatted but empty
      continue;
    }
    const close = xml.indexOf('</row>', tagEnd);
    const body = xml.slice(tagEnd, close < 0 ? end : close);
    if (body.includes('<v>') || body.includes('<v ') || body.includes('<is>')) rows++;
    at = close < 0 ? end : close;
  }
  return rows;
}
