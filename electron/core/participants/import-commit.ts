import { blankFields, FIELDS, participantInput, type Field, type ParticipantInput } from '../../shared/participant';
import type { ImportOutcome, ImportPreview, ImportProblem } from '../../shared/import';
import { listRoles } from '../../db/repositories/events';
import { allParticipants, insertParticipant, matchRows, updateParticipant, codeExists } from '../../db/repositories/participants';
import { audited } from '../audited';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import { requireEventId } from '../event/require-event';
import { readTable, type Table } from './import/read-table';
import { guessMapping } from './import/guess-mapping';
import { validateRows, isWarning } from './import/validate-rows';
import { Matcher, nameKeyOf } from './matcher';
import { newBadgeCode } from './code';
import { maskPersonal } from './mask';

interface Prepared {
  table: Table;
  mapping: (Field | null)[];
  rows: { line: number; values: ParticipantInput; valid: boolean }[];
  problems: ImportProblem[];
}

/** Read, map and validate a file; touches nothing in the database. */
async function prepare(
  ctx: Ctx,
  eventId: number,
  bytes: Uint8Array,
  fileName: string,
  mapping?: (Field | null)[],
): Promise<Prepared> {
  const table = await readTable(bytes, fileName);
  const map = mapping ?? guessMapping(table.headers);
  if (map.length !== table.headers.length) {
    throw new HadirError('invalid_input', `The mapping has ${map.length} columns but the file has ${table.headers.length}.`, {
      mapping: map.length,
      columns: table.headers.length,
    });
  }
  if (!map.includes('name')) {
    throw new HadirError('import_invalid', 'No column is mapped to the name. Choose which column holds the names.');
  }
  const checked = validateRows(table, map, listRoles(ctx.db, eventId));
  const problems: ImportProblem[] = checked.problems.map((p) => ({ ...p, warning: isWarning(p.code) }));
  const rows = checked.rows.map((r) => {
    const parsed = participantInput.safeParse(r.values);
    return parsed.success
      ? { line: r.line, values: parsed.data, valid: r.valid }
      : { line: r.line, values: blank(r.values.name ?? ''), valid: false };
  });
  return { table, mapping: map, rows, problems };
}

const blank = (name: string): ParticipantInput => ({ ...blankFields(), name, role: '' });

export async function previewImport(
  ctx: Ctx,
  input: { fileName: string; bytes: Uint8Array; mapping?: (Field | null)[] },
): Promise<ImportPreview> {
  const eventId = requireEventId(ctx);
  const p = await prepare(ctx, eventId, input.bytes, input.fileName, input.mapping);
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
): Promise<ImportOutcome> {
  const eventId = requireEventId(ctx);
  const p = await prepare(ctx, eventId, input.bytes, input.fileName, input.mapping);
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
