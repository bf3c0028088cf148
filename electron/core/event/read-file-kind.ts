// Reading an event file, in the job worker: a 102 KB file that inflates to 100 MB of JSON once
// blocked every desk for a minute and then killed the host (issue 18, defect 3). Here the size
// is counted while inflating and the file refused as soon as it passes the budget; the JSON is
// parsed and every value checked (event-file-rules.ts) off the desks' thread; the rows go back to
// the main thread in parts, each copied in its own turn of the event loop.
import zlib from 'node:zlib';
import { z } from 'zod';
import type { Kind } from '../jobs/kind';
import { checkDistinct, checkImages, checkKeyPair, checkRow, MAX_ROWS, refuse, TABLE_RULES } from './event-file-rules';

export const EVENT_FILE_FORMAT = 'hadir-event';
/**
 * Unpacked JSON refused beyond this. A 10,000-person congress with three days of scans is about
 * 10 MB; the budget is six times that, and bounds what the parse may allocate (~10x the text).
 */
export const MAX_UNPACKED = 64 * 1024 * 1024;
/** Objects ("{") in the text refused beyond this, before parsing: a million tiny rows would take a GB to hold. */
export const MAX_OBJECTS = 2_000_000;
const ROWS_PER_PART = 2_000;

export interface ReadEventFileInput {
  bytes: Uint8Array;
}
export interface ReadEventFileOutput {
  schema: number;
  event: Record<string, unknown>;
  /** Rows per table, sent before as parts ({ table, rows }). */
  counts: Record<string, number>;
}
export interface EventFilePart {
  table: string;
  rows: Record<string, unknown>[];
}

const cell = z.union([z.string(), z.number(), z.null(), z.object({ $b64: z.string().max(30_000_000) }).strict()]);
const fileSchema = z
  .object({
    format: z.literal(EVENT_FILE_FORMAT),
    version: z.literal(1),
    schema: z.number().int().min(1).max(1_000_000),
    event: z.record(z.string(), cell),
    tables: z.record(z.string(), z.array(z.record(z.string(), cell))),
  })
  .strict();

const unreadable = () => refuse('This is not a Hadir event file (or it is damaged).', { detail: 'unreadable' });

/** Inflates, counting: the file is refused at the first chunk past the budget, not after. */
export function inflateCounted(bytes: Uint8Array, max = MAX_UNPACKED): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const gunzip = zlib.createGunzip({ chunkSize: 64 * 1024 });
    gunzip.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        gunzip.destroy();
        try {
          refuse(
            `The event file unpacks to more than ${max / 1024 / 1024} MB: it is not an event this kiosk would have written.`,
            {
              unpackedMax: max / 1024 / 1024,
            },
          );
        } catch (e) {
          reject(e);
        }
        return;
      }
      chunks.push(c);
    });
    gunzip.on('error', () => {
      try {
        unreadable();
      } catch (e) {
        reject(e);
      }
    });
    gunzip.on('end', () => resolve(Buffer.concat(chunks, size)));
    gunzip.end(bytes);
  });
}

const fromCell = (v: unknown): unknown =>
  v !== null && typeof v === 'object' ? new Uint8Array(Buffer.from((v as { $b64: string }).$b64, 'base64')) : v;
const decode = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fromCell(v)]));

export const readEventFileKind: Kind<ReadEventFileInput, ReadEventFileOutput> = async ({ bytes }, io) => {
  const text = await inflateCounted(bytes);
  let objects = 0;
  for (let i = 0; i < text.length; i++)
    if (text[i] === 0x7b && ++objects > MAX_OBJECTS)
      refuse(
        `The event file holds more than ${MAX_OBJECTS.toLocaleString('en')} rows: it is not an event this kiosk would have written.`,
        {
          rowsMax: MAX_OBJECTS,
        },
      );
  let json: unknown;
  try {
    json = JSON.parse(text.toString('utf8'));
  } catch {
    unreadable();
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) refuse('This is not a Hadir event file (or it is damaged).', { detail: 'format' });
  const file = parsed.data;
  json = undefined;

  const event = decode(file.event);
  checkRow('event', null, event);
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const [name, raw] of Object.entries(file.tables)) {
    if (!TABLE_RULES[name])
      refuse(`The event file holds an unknown table "${name.slice(0, 40)}".`, { unknownTable: name.slice(0, 40) });
    const max = MAX_ROWS[name] ?? 0;
    if (raw.length > max)
      refuse(`The event file holds ${raw.length} ${name} rows; at most ${max} are accepted.`, { tooManyRows: name, max });
    tables[name] = raw.map((r, i) => {
      const row = decode(r);
      checkRow(name, i, row);
      return row;
    });
    io.progress(Object.keys(tables).length, Object.keys(file.tables).length + 1);
  }
  const live = new Set((tables.participant ?? []).map((p) => String(p.code)));
  for (const [name, rows] of Object.entries(tables)) checkDistinct(name, rows, live);
  await checkImages(event, tables.cert_asset ?? []);
  for (const key of tables.cert_key ?? []) checkKeyPair(key);

  const counts: Record<string, number> = {};
  for (const [table, rows] of Object.entries(tables)) {
    counts[table] = rows.length;
    for (let i = 0; i < rows.length; i += ROWS_PER_PART)
      await io.part({ table, rows: rows.slice(i, i + ROWS_PER_PART) } satisfies EventFilePart);
  }
  return { schema: file.schema, event, counts };
};
