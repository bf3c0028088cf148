import { attr, XmlScanner, type XmlHandler } from '../xml-scan';
import type { ZipEntry } from '../zip/directory';
import { inflateText, type InflateBudget } from '../zip/inflate';

/** Where a workbook keeps the parts an import reads. */
export interface WorkbookParts {
  /** Worksheets in tab order (the order the organiser sees). */
  sheets: ZipEntry[];
  sharedStrings?: ZipEntry;
  styles?: ZipEntry;
  /** Dates count from 1904 (old Mac Excel) instead of 1900. */
  date1904: boolean;
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

/**
 * Finds the parts through the package's relationships, as Excel does; when those are missing or
 * broken, falls back to the usual file names (worksheets in name order), as exceljs did.
 */
export async function workbookParts(bytes: Uint8Array, entries: ZipEntry[], budget: InflateBudget): Promise<WorkbookParts> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = async (name: string) => {
    const e = byName.get(name);
    return e ? inflateText(bytes, e, budget) : undefined;
  };
  const rootRels = relationships(await text('_rels/.rels'), '');
  const workbookPath = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const workbook = await text(workbookPath);
  const rels = relationships(await text(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`), dir);
  const relTarget = (type: string) => byName.get(rels.find((r) => r.type === REL + type)?.target ?? '');

  const listed: ZipEntry[] = [];
  let date1904 = false;
  if (workbook) {
    scanAll(workbook, workbookPath, {
      open(name, tag) {
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(tag, 'date1904') ?? '');
        if (name === 'sheet') {
          const id = attr(tag, '*:id');
          const entry = byName.get(rels.find((r) => r.id === id)?.target ?? '');
          if (entry) listed.push(entry);
        }
      },
      close() {},
      text() {},
    });
  }
  const sheets =
    listed.length > 0
      ? listed
      : entries
          .filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))
          .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  return {
    sheets,
    sharedStrings: relTarget('sharedStrings') ?? byName.get(`${dir}sharedStrings.xml`),
    styles: relTarget('styles') ?? byName.get(`${dir}styles.xml`),
    date1904,
  };
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** Relationships of a part, targets resolved to ZIP entry names. */
function relationships(xml: string | undefined, baseDir: string): Relationship[] {
  const out: Relationship[] = [];
  if (!xml) return out;
  scanAll(xml, 'relationships', {
    open(name, tag) {
      if (name !== 'Relationship' || attr(tag, 'TargetMode') === 'External') return;
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      if (id && target) out.push({ id, type: attr(tag, 'Type') ?? '', target: resolve(baseDir, target) });
    },
    close() {},
    text() {},
  });
  return out;
}

/** "worksheets/sheet1.xml" from "xl/" is "xl/worksheets/sheet1.xml"; "/xl/…" is absolute. */
function resolve(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function scanAll(xml: string, part: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler, part);
  scanner.write(xml);
  scanner.end();
}
