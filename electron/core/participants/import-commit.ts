import { FIELDS, participantInput, type Field, type ParticipantInput } from '../../shared/participant';
import type { ImportOutcome, ImportPreview } from '../../shared/import';
import { listRoles } from '../../db/repositories/events';
import { allParticipants, insertParticipant, matchRows, updateParticipant, codeExists } from '../../db/repositories/participants';
import { audited } from '../audited';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import { requireEventId } from '../event/require-event';
import type { JobControl } from '../jobs/jobs';
import type { Prepared, PreparedRow } from './import/prepare';
import { Matcher, nameKeyOf } from './matcher';
import { newBadgeCode } from './code';
import { maskPersonal } from './mask';

/**
 * Read, map and validate a file in a job's worker thread: parsing a 50,000-row file takes
 * hundreds of milliseconds, which on this thread would stall every other desk. The rows come
 * back in parts, each copied in its own turn of the event loop.
 */
async function prepareInWorker(
  ctx: Ctx,
  eventId: number,
  bytes: Uint8Array,
  fileName: string,
  mapping: (Field | null)[] | undefined,
  job?: JobControl,
): Promise<Prepared> {
  const rows: PreparedRow[] = [];
  const onPart = (chunk: unknown) => {
    for (const r of chunk as PreparedRow[]) rows.push(r);
  };
  const input = { bytes, fileName, mapping, roles: listRoles(ctx.db, eventId) };
  const rest = job
    ? await job.inWorker('read', 'participants.readImport', input, { onPart })
    : await ctx.jobs.run('participants.readImport', input, { onPart });
  if (rows.length !== rest.rowCount) throw new Error(`import worker sent ${rows.length} of ${rest.rowCount} rows`);
  return { table: rest.table, mapping: rest.mapping, problems: rest.problems, rows };
}


export async function previewImport(
  ctx: Ctx,
  input: { fileName: string; bytes: Uint8Array; mapping?: (Field | null)[] },
): Promise<ImportPreview> {
  const eventId = requireEventId(ctx);
  const p = await prepareInWorker(ctx, eventId, input.bytes, input.fileName, input.mapping);
  const valid = p.rows.filter((r) => r.valid);
  // The same walk as the commit, writing nothing: the counts shown are the counts that will land.
  const plan = applyRows(ctx, eventId, p, null);
  return {
    format: p.table.format,
    encoding: p.table.encoding,
    delimiter: p.table.delimiter,
    headers: p.table.headers,
    mapping: p.mapping,
    sample: p.rows.slice(0, 10).map((r) => ({ line: r.line, valid: r.valid, values: maskedValues(r.values) })),
    totalRows: p.rows.length,
    validRows: valid.length,
    problems: p.problems,
    wouldInsert: plan.inserted,
    wouldUpdate: plan.updated,
    unchanged: plan.unchanged,
    keptDeleted: plan.keptDeleted,
  };
}

function maskedValues(v: ParticipantInput): Record<Field, string | null> {
  return maskPersonal(Object.fromEntries(FIELDS.map((f) => [f, v[f]])) as Record<Field, string | null>);
}

/**
 * Imports a file in ONE transaction: either every accepted row lands or none does.
 * Rows already stored (same match key) are updated, and only in the columns the file maps,
 * so a file without e-mails does not wipe the e-mails typed at the desk.
 */
export async function importFile(
  ctx: Ctx,
  input: { fileName: string; bytes: Uint8Array; mapping?: (Field | null)[]; skipInvalid: boolean },
  job?: JobControl,
): Promise<ImportOutcome> {
  const eventId = requireEventId(ctx);
  const p = await prepareInWorker(ctx, eventId, input.bytes, input.fileName, input.mapping, job);
  const bad = p.rows.filter((r) => !r.valid).length;
  if (bad && !input.skipInvalid) {
    throw new HadirError(
      'import_invalid',
      `${bad} row(s) have errors. Fix the file, or choose to skip those rows. Nothing was imported.`,
      { rows: bad },
    );
  }
  // The walk matches rows against the stored list and then writes: inside the IMMEDIATE
  // transaction, so a desk adding someone meanwhile is seen, not duplicated.
  return audited(
    ctx,
    { action: 'participants.import', detail: (out: ImportOutcome) => ({ fileName: input.fileName, ...out }) },
    (at): ImportOutcome => ({ ...applyRows(ctx, eventId, p, at), skipped: bad }),
  );
}

/**
 * Walks the valid rows against the stored list: new people are inserted, known ones updated in the
 * columns the file maps (and left alone when nothing changes, so a re-import of the same file
 * writes nothing), deleted ones stay deleted. With `at` null nothing is written: the preview.
 */
function applyRows(ctx: Ctx, eventId: number, p: Prepared, at: string | null): Omit<ImportOutcome, 'skipped'> {
  const mapped = new Set(p.mapping.filter((f): f is Field => f !== null));
  const matcher = new Matcher(matchRows(ctx.db, eventId));
  // Stored records in one query, not one per matched row (a re-import matches them all).
  const stored = new Map<number, ParticipantInput>(allParticipants(ctx.db, eventId).map((s) => [s.id, s]));
  const out = { inserted: 0, updated: 0, unchanged: 0, keptDeleted: 0 };
  let provisional = 0; // ids of rows the preview would insert
  for (const row of p.rows) {
    if (!row.valid) continue;
    const hit = matcher.find(row.values);
    if (hit?.deleted) {
      out.keptDeleted++;
    } else if (hit) {
      const current = stored.get(hit.id)!;
      const merged = participantInput.parse({ ...current, ...pick(row.values, mapped) });
      if (FIELDS.every((f) => merged[f] === current[f])) {
        out.unchanged++;
        continue;
      }
      if (at) updateParticipant(ctx.db, hit.id, nameKeyOf(merged), merged, at);
      stored.set(hit.id, merged);
      out.updated++;
    } else {
      const nameKey = nameKeyOf(row.values);
      const id = at
        ? insertParticipant(
            ctx.db,
            eventId,
            newBadgeCode((c) => codeExists(ctx.db, eventId, c)),
            nameKey,
            row.values,
            at,
          )
        : --provisional;
      // Validation already refused duplicates within the file; this keeps the walk exact anyway.
      matcher.add({ id, externalId: row.values.externalId, nik: row.values.nik, nameKey, deleted: false });
      stored.set(id, row.values);
      out.inserted++;
    }
  }
  return out;
}

function pick(v: ParticipantInput, fields: Set<Field>): Partial<ParticipantInput> {
  return Object.fromEntries(FIELDS.filter((f) => fields.has(f)).map((f) => [f, v[f]]));
}
