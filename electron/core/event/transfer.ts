// One event as one file, to move it to another laptop or keep it after the event: its days,
// roles, participants, scan log, replaced badges, audit rows and whatever later tables carry an
// event_id (db/repositories/transfer.ts discovers them), plus the logo and the event's secret.
// The secret travels because badges and signed certificates must stay valid on the new laptop:
// the file is as sensitive as the kiosk itself (it also holds NIK and phone numbers).
//
// Format: gzip of one JSON document. Rows keep their old ids, which the import renumbers and
// translates through the foreign keys.
import zlib from 'node:zlib';
import { z } from 'zod';
import {
  eventIdBySecret,
  eventTables,
  findBy,
  fromCell,
  insertRow,
  readRows,
  schemaVersion,
  updateRow,
  type Row,
  type TableInfo,
} from '../../db/repositories/transfer';
import type { Db } from '../../db/connection';
import { recordReplaced } from '../../db/repositories/badges';
import {
  assertNoRevivedCode,
  keepDeletion,
  KEPT_ON_REPLACE,
  matchCertificate,
  matchParticipant,
  NEVER_REPLACED,
  retiredInFile,
} from './transfer-identity';
import { HadirError } from '../../shared/errors';
import type { EventImportOutcome, ImportMode } from '../../shared/event-transfer';
import type { FileResult } from '../../shared/file';
import type { Ctx } from '../context';
import { audited } from '../audited';
import { eventFileStem } from '../reports/file-names';
import { getEvent } from '../../db/repositories/events';

const FORMAT = 'hadir-event';
/** Unpacked size refused beyond this: a 10,000-person congress with its scans is a few tens of MB of JSON. */
const MAX_UNPACKED = 300 * 1024 * 1024;

const cell = z.union([z.string(), z.number(), z.null(), z.object({ $b64: z.string() }).strict()]);
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  schema: z.number().int(),
  event: z.record(z.string(), cell),
  tables: z.record(z.string(), z.array(z.record(z.string(), cell))),
});

export function exportEvent(ctx: Ctx, eventId: number): FileResult {
  const event = getEvent(ctx.db, eventId);
  if (!event) throw new HadirError('not_found', `Event ${eventId} does not exist.`);
  const doc = audited(ctx, { action: 'event.export', eventId }, () => {
    const tables: Record<string, Row[]> = {};
    for (const t of eventTables(ctx.db)) tables[t.name] = readRows(ctx.db, t.name, 'event_id = ?', eventId);
    return {
      format: FORMAT,
      version: 1,
      schema: schemaVersion(ctx.db),
      event: readRows(ctx.db, 'event', 'id = ?', eventId)[0]!,
      tables,
    };
  });
  return {
    fileName: `acara-${eventFileStem(event)}.hadir`,
    mime: 'application/octet-stream',
    bytes: new Uint8Array(zlib.gzipSync(JSON.stringify(doc))),
  };
}

function readFile(bytes: Uint8Array): z.output<typeof fileSchema> {
  let json: unknown;
  try {
    json = JSON.parse(zlib.gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED }).toString('utf8'));
  } catch {
    throw new HadirError('event_file_invalid', 'This is not a Hadir event file (or it is damaged).', { detail: 'unreadable' });
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success)
    throw new HadirError('event_file_invalid', 'This is not a Hadir event file (or it is damaged).', { detail: 'format' });
  return parsed.data;
}

/**
 * `new`: the event is added beside the kiosk's others (refused if this very event, known by its
 * secret, is already here: two copies would share badge codes). `merge`: the file is added into
 * the same event already here: participants by badge code, scans by their uuid (the append-only
 * log merges cleanly), other rows by their unique keys; what the kiosk has is never changed.
 * `replace`: a merge in which every row both have takes the file's values (the office fixed names
 * and settings on another laptop); rows only this kiosk has stay, and the scan log only grows.
 */
export function importEvent(ctx: Ctx, bytes: Uint8Array, mode: ImportMode): EventImportOutcome {
  const file = readFile(bytes);
  if (file.schema > schemaVersion(ctx.db)) {
    throw new HadirError('event_file_invalid', 'This event file was made by a newer version of Hadir. Update the app first.', {
      detail: 'newer',
    });
  }
  const detail = (o: EventImportOutcome) => ({
    mode: o.created ? 'new' : mode,
    eventId: o.eventId,
    added: o.added,
    updated: o.updated,
  });
  return audited(ctx, { action: 'event.import', detail }, (): EventImportOutcome => {
    const maps = new Map<string, Map<number, number>>();
    const mapOf = (t: string) => maps.get(t) ?? maps.set(t, new Map()).get(t)!;
    const secret = fromCell(file.event.secret ?? null);
    if (!(secret instanceof Uint8Array))
      throw new HadirError('event_file_invalid', 'The event file has no event key.', { detail: 'secret' });
    const existing = eventIdBySecret(ctx.db, secret);
    if (mode === 'new' && existing !== null) {
      throw new HadirError('conflict', 'This event is already on this kiosk. Import it as an update of that event instead.', {
        event: existing,
      });
    }
    const merge = mode !== 'new' && existing !== null;
    const replace = merge && mode === 'replace';
    const updated: Record<string, number> = { event: 0 };
    const { id: _old, ...eventRow } = decode(file.event);
    let eventId: number;
    if (merge) {
      eventId = existing!;
      if (replace && updateRow(ctx.db, { name: 'event', rowid: 'id' }, eventId, eventRow)) updated.event = 1;
    } else eventId = insertRow(ctx.db, 'event', eventRow, false).id;
    mapOf('event').set(Number(file.event.id), eventId);

    const added: Record<string, number> = {};
    const fileRetired = retiredInFile((file.tables.badge_replaced ?? []).map(decode));
    for (const t of eventTables(ctx.db)) {
      added[t.name] = 0;
      updated[t.name] = 0;
      for (const raw of file.tables[t.name] ?? []) {
        const row = decode(raw);
        for (const k of Object.keys(row)) if (!t.columns.includes(k)) delete row[k]; // an older table layout
        for (const [col, ref] of Object.entries(t.fks)) {
          if (row[col] === null || row[col] === undefined) continue;
          const to = mapOf(ref).get(Number(row[col]));
          if (to === undefined)
            throw new HadirError('event_file_invalid', 'The event file is inconsistent.', { detail: `${t.name}.${col}` });
          row[col] = to;
        }
        row.event_id = eventId;
        const oldId = t.rowid ? Number(row[t.rowid]) : null;
        if (t.rowid) delete row[t.rowid];
        let id: number | null = null;
        if (merge) id = mergeRow(ctx.db, t, row, { eventId, replace, oldId, fileRetired, updated });
        if (id === null) {
          id = insertRow(ctx.db, t.name, row, false).id;
          added[t.name]!++;
        }
        if (t.rowid && oldId !== null) mapOf(t.name).set(oldId, id);
      }
    }
    assertNoRevivedCode(ctx.db, eventId);
    return { eventId, created: !merge, added, updated };
  });
}

interface MergeState {
  eventId: number;
  replace: boolean;
  /** The row's id in the file (participants: how the file's retired codes name them). */
  oldId: number | null;
  fileRetired: Map<number, string[]>;
  updated: Record<string, number>;
}

/**
 * The id of the kiosk's row that the file's row is (null: a new row), updated with the file's
 * values on a replace, except what must survive any import (transfer-identity.ts).
 */
function mergeRow(db: Db, t: TableInfo, row: Record<string, unknown>, s: MergeState): number | null {
  let id: number | null;
  if (t.name === 'participant') {
    const m = matchParticipant(db, s.eventId, String(row.code), s.fileRetired.get(s.oldId ?? -1) ?? []);
    id = m.id;
    row.code = m.code;
    if (id === null) return null;
    // The file's reissue is newer: its code becomes the live one (the file's badge_replaced row,
    // imported next, retires the kiosk's). Both reissued: the file's new code is retired here.
    const before = (db.prepare('SELECT code FROM participant WHERE id = ?').get(id) as { code: string }).code;
    if (m.code !== before && updateRow(db, t, id, { code: m.code })) s.updated[t.name]!++;
    if (m.retire !== null) recordReplaced(db, s.eventId, id, m.retire, new Date().toISOString(), 'event import');
    keepDeletion(db, id, row);
  } else if (t.name === 'certificate') {
    id = matchCertificate(db, s.eventId, row);
  } else {
    // A row the kiosk already has: by a unique key, or (no key: audit) an identical row.
    const keys = t.uniques.find((u) => u.every((c) => c in row)) ?? Object.keys(row);
    id = findBy(db, t, row, keys);
  }
  if (id === null || !s.replace || t.appendOnly || NEVER_REPLACED.has(t.name)) return id;
  const kept = KEPT_ON_REPLACE[t.name] ?? [];
  const values = Object.fromEntries(Object.entries(row).filter(([k]) => !kept.includes(k)));
  if (updateRow(db, t, id, values)) s.updated[t.name]!++;
  return id;
}

function decode(r: Row): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fromCell(v)]));
}
