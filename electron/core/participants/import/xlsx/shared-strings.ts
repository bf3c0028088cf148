import { decodeXml, XmlScanner } from '../xml-scan';
import type { ZipEntry } from '../zip/directory';
import { inflateEntry, type InflateBudget } from '../zip/inflate';
import { cut, MAX_RAW, unescapeOoxml } from './sheet';

/**
 * The workbook's shared strings, but only those the sheet uses: the table is read after the
 * sheet, so a workbook whose string table is huge (other sheets, or a hostile file) costs
 * inflating it, never holding it. Rich text runs are joined; phonetic guides (`rPh`) are not text.
 */
export async function sharedStrings(
  bytes: Uint8Array,
  entry: ZipEntry | undefined,
  budget: InflateBudget,
  wanted: Set<number>,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (!entry || wanted.size === 0) return found;
  let index = -1;
  let keep = false;
  let inText = false;
  let inPhonetic = false;
  let raw = '';
  const scanner = new XmlScanner(
    {
      open(name) {
        if (name === 'si') {
          index++;
          keep = wanted.has(index);
          raw = '';
        } else if (name === 'rPh') inPhonetic = true;
        else if (name === 't') inText = keep && !inPhonetic;
      },
      close(name) {
        if (name === 'si' && keep) found.set(index, cut(unescapeOoxml(decodeXml(raw))));
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 't') inText = false;
      },
      text(buf, start, end) {
        // Capped like a cell: the text is cut to MAX_CELL_CHARS anyway.
        if (inText && raw.length < MAX_RAW) raw += buf.slice(start, end);
      },
    },
    entry.name,
  );
  await inflateEntry(bytes, entry, budget, (c) => scanner.write(c));
  scanner.end();
  return found;
}
