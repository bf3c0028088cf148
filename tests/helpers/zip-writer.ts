// A ZIP writer for tests that need files no library would write: sizes that lie, zip64 records,
// deflate streams of gigabytes built from one compressed piece repeated. Nothing here is used by
// the app; it exists so hostile workbooks are generated in the test, never committed.
import zlib from 'node:zlib';

export interface RawEntry {
  name: string;
  /** The bytes as stored in the ZIP: raw deflate for method 8, the content itself for method 0. */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** The uncompressed size the headers declare (true or not). */
  size: number;
  /** Write the sizes in a zip64 extra field, as writers must past 4 GB. */
  zip64?: boolean;
}

/** A part compressed normally, with true size and CRC. */
export function deflated(name: string, text: string | Buffer): RawEntry {
  const raw = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  return { name, data: zlib.deflateRawSync(raw), method: 8, crc: zlib.crc32(raw), size: raw.length };
}

/**
 * A raw deflate stream of `head`, then `unit` repeated `times` times, then `tail`, without ever
 * holding the inflated whole: `unit` is compressed once and its blocks are repeated (a full flush
 * makes each copy independent and byte-aligned). Returns the stream and the true inflated size.
 * A megabyte of one repeated character compresses to about a kilobyte.
 */
export function repeatedDeflate(head: string, unit: string, times: number, tail: string): { data: Buffer; size: number } {
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const h = zlib.deflateRawSync(Buffer.from(head), flush);
  const u = zlib.deflateRawSync(Buffer.from(unit), flush);
  const t = zlib.deflateRawSync(Buffer.from(tail), { level: 9 }); // ends with the final block
  const data = Buffer.concat([h, ...Array<Buffer>(times).fill(u), t]);
  return { data, size: Buffer.byteLength(head) + Buffer.byteLength(unit) * times + Buffer.byteLength(tail) };
}

/** The CRC-32 of the same repeated content (seconds for gigabytes: only where it is needed). */
export function repeatedCrc(head: string, unit: string, times: number, tail: string): number {
  let crc = zlib.crc32(head);
  const u = Buffer.from(unit);
  for (let i = 0; i < times; i++) crc = zlib.crc32(u, crc);
  return zlib.crc32(tail, crc);
}

export function writeZip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const anyZip64 = entries.some((e) => e.zip64);
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const sizes = (at: Buffer, pos: number) => {
      at.writeUInt32LE(e.zip64 ? 0xffffffff : e.data.length, pos);
      at.writeUInt32LE(e.zip64 ? 0xffffffff : e.size, pos + 4);
    };
    const extra = e.zip64 ? zip64Extra(e.size, e.data.length) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(e.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    sizes(local, 18);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    parts.push(local, name, extra, e.data);

    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(e.zip64 ? 45 : 20, 4);
    dir.writeUInt16LE(e.zip64 ? 45 : 20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    sizes(dir, 20);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt16LE(extra.length, 30);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name, extra);
    offset += 30 + name.length + extra.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end: Buffer[] = [];
  if (anyZip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(dirBytes.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + dirBytes.length), 8);
    locator.writeUInt32LE(1, 16);
    end.push(record, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(anyZip64 ? 0xffff : entries.length, 8);
  eocd.writeUInt16LE(anyZip64 ? 0xffff : entries.length, 10);
  eocd.writeUInt32LE(anyZip64 ? 0xffffffff : dirBytes.length, 12);
  eocd.writeUInt32LE(anyZip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...parts, dirBytes, ...end, eocd]);
}

function zip64Extra(size: number, compressed: number): Buffer {
  const b = Buffer.alloc(20);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(16, 2);
  b.writeBigUInt64LE(BigInt(size), 4);
  b.writeBigUInt64LE(BigInt(compressed), 12);
  return b;
}
