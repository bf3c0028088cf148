import zlib from 'node:zlib';
import { HadirError } from '../../../../shared/errors';
import { dataStart, type ZipEntry } from './directory';

/**
 * How many inflated bytes one import may still produce, across every entry it reads. Shared by
 * the entries of one workbook, so many small parts cannot add up to more than one big one.
 */
export interface InflateBudget {
  remaining: number;
  /** The whole budget, for the message. */
  readonly limit: number;
}

/** Compressed input is handed to zlib in slices: output is produced (and checked) as it goes. */
const SLICE = 256 * 1024;

/**
 * Inflates one entry, handing each piece of output to `onData` as soon as it exists, and stops
 * the moment the output passes what the entry declared or what the budget allows, whichever is
 * smaller. The directory's claim is never trusted: an entry that declares 1 MB and inflates to
 * gigabytes is stopped after about 1 MB, not measured after the fact. zlib works on libuv's
 * thread pool and each piece arrives in its own turn of the event loop, so other requests are
 * answered in between.
 *
 * Throws import_too_large past the budget, import_unreadable for a damaged entry (bad deflate
 * data, a CRC or size that does not match). An error thrown by `onData` stops inflating too.
 */
export async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  onData: (chunk: Buffer) => void,
): Promise<void> {
  if (entry.flags & 1) throw unreadable(entry, 'encrypted');
  if (entry.method !== 0 && entry.method !== 8) throw unreadable(entry, `compression method ${entry.method}`);
  if (entry.size > budget.remaining) throw tooLarge(budget);
  const start = dataStart(bytes, entry);
  const input = bytes.subarray(start, start + entry.compressedSize);

  let produced = 0;
  let crc = 0;
  const take = (chunk: Buffer) => {
    produced += chunk.length;
    if (produced > entry.size) throw unreadable(entry, 'larger than its directory entry says');
    budget.remaining -= chunk.length;
    crc = zlib.crc32(chunk, crc);
    onData(chunk);
  };

  if (entry.method === 0) {
    for (let at = 0; at < input.length; at += SLICE) {
      const slice = input.subarray(at, at + SLICE);
      take(Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength));
    }
  } else {
    await new Promise<void>((resolve, reject) => {
      const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        inflater.destroy();
        reject(e instanceof HadirError ? e : unreadable(entry, e instanceof Error ? e.message : String(e)));
      };
      inflater.on('data', (chunk: Buffer) => {
        if (failed) return;
        try {
          take(chunk);
        } catch (e) {
          fail(e);
        }
      });
      inflater.on('error', fail);
      inflater.on('end', () => !failed && resolve());
      // Slices, each written once zlib has taken the previous one: the input is never copied whole.
      let at = 0;
      const pump = () => {
        while (!failed && at < input.length) {
          const slice = input.subarray(at, at + SLICE);
          at += SLICE;
          if (!inflater.write(slice)) return void inflater.once('drain', pump);
        }
        if (!failed) inflater.end();
      };
      pump();
    });
  }
  if (produced !== entry.size) throw unreadable(entry, 'shorter than its directory entry says');
  if (crc !== entry.crc32) throw unreadable(entry, 'checksum mismatch');
}

/** The whole entry as text; for the small parts (workbook, relationships). */
export async function inflateText(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Promise<string> {
  const parts: Buffer[] = [];
  await inflateEntry(bytes, entry, budget, (c) => parts.push(c));
  return Buffer.concat(parts).toString('utf8');
}

function unreadable(entry: ZipEntry, why: string): HadirError {
  return new HadirError('import_unreadable', `The workbook part ${entry.name} cannot be read (${why}).`, {
    reason: `${entry.name}: ${why}`,
  });
}

export function tooLarge(budget: InflateBudget): HadirError {
  const max = budget.limit / 2 ** 20;
  return new HadirError('import_too_large', `The workbook unpacks to more than ${max} MB.`, { inflatedOverMb: max });
}
