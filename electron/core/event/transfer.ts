// One event as one file, to move it to another laptop or keep it after the event: its days,
// roles, participants, scan log, replaced badges, audit rows and whatever later tables carry an
// event_id (db/repositories/transfer.ts discovers them), plus the logo and the event's secret.
// The secret travels because badges and signed certificates must stay valid on the new laptop:
// the file is as sensitive as the kiosk itself (it also holds NIK and phone numbers).
//
// Format: gzip of one JSON document. Rows keep their old ids, which the import renumbers and
// translates through the foreign keys.
import zlib from 'node:zlib';
import {
  eventIdBySecret,
  eventTables,
  findBy,
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
import { audited, auditedLong } from '../audited';
import { slicer } from '../slices';
import { JobCancelled } from '../jobs/run-kind';
import type { EventFilePart } from './read-file-kind';
import { EVENT_FILE_FORMAT as FORMAT } from './read-file-kind';
import { eventFileStem } from '../reports/file-names';
import { activeEventId, getEvent, setActiveEvent } from '../../db/repositories/events';
import { reconcile } from '../checkin/reconcile';

/** Reading a file is refused past this (the worker is stopped): an ordinary congress file reads in seconds. */
const READ_BUDGET_MS = 120_000;

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

interface EventFile {
  schema: number;
  event: Record<string, unknown>;
  tables: Record<string, Record<string, unknown>[]>;
}

/**
 * Inflates, parses and checks the file in a job worker (read-file-kind.ts), within a time budget
 * and the worker's heap cap: a hostile file fails there, never on the thread answering the desks.
 */
async function readFile(ctx: Ctx, bytes: Uint8Array): Promise<EventFile> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  const onPart = (chunk: unknown) => {
    const { table, rows } = chunk as EventFilePart;
    const into = (tables[table] ??= []);
    for (const r of rows) into.push(r);
  };
  const signal = AbortSignal.timeout(READ_BUDGET_MS);
  try {
    const out = await ctx.jobs.run('event.readFile', { bytes }, { onPart, signal });
    return { schema: out.schema, event: out.event, tables };
  } catch (e) {
    if (e instanceof JobCancelled)
      throw new HadirError(
        'event_file_invalid',
        `The event file could not be read within ${READ_BUDGET_MS / 1000} s; nothing was imported.`,
        {
          tooSlow: READ_BUDGET_MS / 1000,
        },
      );
    if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
      throw new HadirError(
        'event_file_invalid',
        'The event file needs more memory to read than the kiosk allows; nothing was imported.',
        {
          tooBig: 1,
        },
      );
    throw e;
  }
}

/**
 * `new`: the event is added beside the kiosk's others (refused if this very event, known by its
 * secret, is already here: two copies would share badge codes). `merge`: the file is added into
 * the same event already here: participants by badge code, scans by their uuid (the append-only
 * log merges cleanly), other rows by their unique keys; what the kiosk has is never changed.
 * `replace`: a merge in which every row both have takes the file's values (the office fixed names
 * and settings on another laptop); rows only this kiosk has stay, and the scan log only grows.
 */
export async function importEvent(ctx: Ctx, bytes: Uint8Array, mode: ImportMode): Promise<EventImportOutcome> {
  const file = await readFile(ctx, bytes);
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
  // One transaction, written in slices (auditedLong): check-ins at other desks are answered meanwhile.
  const pause = slicer();
  // The scans this file brought: a merge shows the reconciliation of what they made (item 6).
  const brought = new Set<string>();
  const outcome = await auditedLong(ctx, { action: 'event.import', detail }, async (): Promise<EventImportOutcome> => {
    const maps = new Map<string, Map<number, number>>();
    const mapOf = (t: string) => maps.get(t) ?? maps.set(t, new Map()).get(t)!;
    const secret = file.event.secret;
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
    const { id: _old, ...eventRow } = file.event;
    let eventId: number;
    if (merge) {
      eventId = existing!;
      if (replace && updateRow(ctx.db, { name: 'event', rowid: 'id' }, eventId, eventRow)) updated.event = 1;
    } else {
      eventId = insertRow(ctx.db, 'event', eventRow, false).id;
      // The first event on an empty kiosk is the one it works on, as one created here would be.
      const active = activeEventId(ctx.db);
      if (active === null || !getEvent(ctx.db, active)) setActiveEvent(ctx.db, eventId);
    }
    mapOf('event').set(Number(file.event.id), eventId);

    const added: Record<string, number> = {};
    const fileRetired = retiredInFile(file.tables.badge_replaced ?? []);
    for (const t of eventTables(ctx.db)) {
      added[t.name] = 0;
      updated[t.name] = 0;
      for (const raw of file.tables[t.name] ?? []) {
        const wait = pause();
        if (wait) await wait;
        const row = { ...raw };
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
          if (t.name === 'scan') brought.add(String(row.uuid));
        }
        if (t.rowid && oldId !== null) mapOf(t.name).set(oldId, id);
      }
    }
    assertNoRevivedCode(ctx.db, eventId);
    return { eventId, created: !merge, added, updated };
  });
  if (outcome.created || brought.size === 0) return outcome;
  // People checked in on both laptops, and what else the merged check-ins need the committee for.
  const zone = getEvent(ctx.db, outcome.eventId)?.timeZone ?? 'Asia/Jakarta';
  return { ...outcome, reconciliation: reconcile(ctx.db, outcome.eventId, zone, brought).cases };
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
