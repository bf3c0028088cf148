import { blankFields, FIELDS, participantInput, type Field, type ParticipantInput } from '../../shared/participant';
import type { ImportOutcome, ImportPreview, ImportProblem } from '../../shared/import';
import { listRoles } from '../../db/repositories/events';
import { allParticipants, insertParticipant, matchRows, updateParticipant, codeExists } from '../../db/repositories/participants';
import { appendAudit } from '../../db/repositories/audit';
import { nowIso, type Ctx } from '../context';
import { HadirError } from '../errors';
import { requireEventId } from '../event/require-event';
import { readTable, type Table } from './import/read-table';
import { guessMapping } from './import/guess-mapping';
import { validateRows, isWarning } from './import/validate-rows';
import { Matcher, nameKeyOf } from './matcher';
import { newBadgeCode } from './code';
import { maskDigits, maskEmail } from './mask';

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

const fromBase64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

export async function previewImport(
  ctx: Ctx,
  input: { fileName: string; dataBase64: string; mapping?: (Field | null)[] },
): Promise<ImportPreview> {
  const eventId = requireEventId(ctx);
  const p = await prepare(ctx, eventId, fromBase64(input.dataBase64), input.fileName, input.mapping);
  const matcher = new Matcher(matchRows(ctx.db, eventId));
  const valid = p.rows.filter((r) => r.valid);
  const wouldUpdate = valid.filter((r) => matcher.find(r.values)).length;
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
    wouldInsert: valid.length - wouldUpdate,
    wouldUpdate,
  };
}

function maskedValues(v: ParticipantInput): Record<Field, string | null> {
  const out = Object.fromEntries(FIELDS.map((f) => [f, v[f]])) as Record<Field, string | null>;
  return { ...out, nik: maskDigits(v.nik), phone: maskDigits(v.phone), email: maskEmail(v.email) };
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
  const mapped = new Set(p.mapping.filter((f): f is Field => f !== null));
  const at = nowIso(ctx);
  return ctx.db.transaction((): ImportOutcome => {
    const matcher = new Matcher(matchRows(ctx.db, eventId));
    // Stored records in one query, not one per updated row (a re-import updates them all).
    const stored = new Map(allParticipants(ctx.db, eventId).map((p) => [p.id, p]));
    const out: ImportOutcome = { inserted: 0, updated: 0, skipped: bad, keptDeleted: 0 };
    for (const row of p.rows) {
      if (!row.valid) continue;
      const hit = matcher.find(row.values);
      if (hit?.deleted) {
        out.keptDeleted++;
      } else if (hit) {
        const current = stored.get(hit.id)!;
        const merged = participantInput.parse({ ...current, ...pick(row.values, mapped) });
        updateParticipant(ctx.db, hit.id, nameKeyOf(merged), merged, at);
        out.updated++;
      } else {
        const code = newBadgeCode((c) => codeExists(ctx.db, eventId, c));
        const nameKey = nameKeyOf(row.values);
        const id = insertParticipant(ctx.db, eventId, code, nameKey, row.values, at);
        matcher.add({ id, externalId: row.values.externalId, nik: row.values.nik, nameKey, deleted: false });
        out.inserted++;
      }
    }
    appendAudit(ctx.db, at, ctx.actor, 'participants.import', { fileName: input.fileName, ...out });
    return out;
  })();
}

function pick(v: ParticipantInput, fields: Set<Field>): Partial<ParticipantInput> {
  return Object.fromEntries(FIELDS.filter((f) => fields.has(f)).map((f) => [f, v[f]]));
}
