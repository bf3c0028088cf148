import { HadirError } from '../../../../shared/errors';

/**
 * The central directory of a ZIP file (an .xlsx is one), read by hand so that every size is read
 * as the format defines it. jszip reads zip64's 64-bit sizes with 32-bit arithmetic: a sheet that
 * honestly declares 4.15 GB looked like 154 MB to the zip-bomb check and then exhausted the heap.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else is refused when the entry is read. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  /** As declared. Inflating never trusts it: see inflate.ts. */
  size: number;
  localOffset: number;
}

/** A workbook has a few dozen parts; thousands of entries is not a spreadsheet. */
const MAX_ENTRIES = 10_000;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

const damaged = (why: string) =>
  new HadirError('import_unreadable', `The file is not a readable Excel workbook (${why}).`, { reason: why });

/** Entries of the ZIP, in directory order. Throws import_unreadable for anything malformed. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // A 64-bit size beyond 2^53 loses precision as a Number, but it is refused as too large anyway.
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  const inside = (at: number, length: number) => at >= 0 && length >= 0 && at + length <= bytes.length;

  const eocd = findEndRecord(view);
  if (eocd < 0) throw damaged('no ZIP directory');
  let count = u16(eocd + 10);
  let dirSize = u32(eocd + 12);
  let dirOffset = u32(eocd + 16);

  // zip64: the 16/32-bit fields hold all ones and the real values sit in the zip64 end record,
  // found through the locator just before the classic end record.
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (!inside(locator, 20) || u32(locator) !== ZIP64_LOCATOR) throw damaged('zip64 locator missing');
    const record = u64(locator + 8);
    if (!inside(record, 56) || u32(record) !== ZIP64_EOCD) throw damaged('zip64 end record missing');
    count = u64(record + 32);
    dirSize = u64(record + 40);
    dirOffset = u64(record + 48);
  }
  if (count > MAX_ENTRIES) throw damaged(`${count} entries`);
  if (!inside(dirOffset, dirSize)) throw damaged('directory outside the file');

  const entries: ZipEntry[] = [];
  // Two entries of one name: which copy a reader takes differs between programs (Excel, this
  // one), so the file could show one list and import another (issue 18, defect 17). Part names
  // compare without case, as Office's package format says.
  const names = new Set<string>();
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (!inside(at, 46) || u32(at) !== CENTRAL) throw damaged('directory entry');
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (!inside(at + 46, nameLength + extraLength + commentLength)) throw damaged('directory entry');
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    let localOffset = u32(at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));

    // zip64 extended information (tag 1): only the fields that are all ones, in this order.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      const extra = findExtra(view, at + 46 + nameLength, extraLength, 0x0001);
      if (!extra) throw damaged(`zip64 sizes missing for ${name}`);
      let p = extra.start;
      const next = () => {
        if (p + 8 > extra.end) throw damaged(`zip64 sizes cut short for ${name}`);
        const v = u64(p);
        p += 8;
        return v;
      };
      if (size === 0xffffffff) size = next();
      if (compressedSize === 0xffffffff) compressedSize = next();
      if (localOffset === 0xffffffff) localOffset = next();
    }
    if (names.has(name.toLowerCase())) throw damaged(`two entries named ${name}`);
    names.add(name.toLowerCase());
    entries.push({ name, method: u16(at + 10), flags: u16(at + 8), crc32: u32(at + 16), compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Offset of the end-of-central-directory record: the last 22 bytes, or earlier by a comment. */
function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD && at + 22 + view.getUint16(at + 20, true) <= view.byteLength) return at;
  }
  return -1;
}

function findExtra(view: DataView, start: number, length: number, tag: number): { start: number; end: number } | null {
  let at = start;
  while (at + 4 <= start + length) {
    const size = view.getUint16(at + 2, true);
    if (view.getUint16(at, true) === tag) return { start: at + 4, end: Math.min(at + 4 + size, start + length) };
    at += 4 + size;
  }
  return null;
}

/** Where an entry's compressed bytes start: after its local header, name and extra field. */
export function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damaged(`local header of ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damaged(`${entry.name} is cut off`);
  return start;
}
