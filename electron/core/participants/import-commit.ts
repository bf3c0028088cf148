import {
  FIELDS,
  PERSONAL_FIELDS,
  participantInput,
  type Field,
  type Participant,
  type ParticipantInput,
} from '../../shared/participant';
import {
  MAX_LISTED,
  type ImportChange,
  type ImportOutcome,
  type ImportPreview,
  type ImportWarning,
  type KeptDeleted,
} from '../../shared/import';
import { listRoles } from '../../db/repositories/events';
import {
  countParticipants,
  getParticipant,
  insertParticipants,
  INSERT_BATCH,
  type NewParticipant,
  setEditedFields,
  storedPage,
  takenCodes,
  updateParticipant,
} from '../../db/repositories/participants';
import { deferSearchIndex } from '../../db/repositories/participant-fts';
import { auditedLong } from '../audited';
import { slicer } from '../slices';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import type { DeskScope } from '../../shared/desk';
import { deskEventId } from '../event/desk-event';
import type { JobControl } from '../jobs/jobs';
import type { PreparedRow } from './import/prepare';
import type { ImportHead, ImportPart, ImportSummary } from './import/read-import-kind';
import { emptyPlan, RowsSeen, reportOf, type Plan } from './import-report';
import { PartQueue } from '../jobs/part-queue';
import { Matcher, nameKeyOf } from './matcher';
import { newBadgeCode, redrawTaken } from './code';

/** A file read in the worker: its head, its rows still coming part by part, then its summary. */
interface Streamed extends ImportHead {
  /** The rows in file order, each part taken when the reader asks for it (PartQueue). */
  parts: AsyncIterable<PreparedRow[]>;
  /** The summary (problems, invalid rows): settles when the worker has sent every part and ended. */
  finished: Promise<ImportSummary>;
  /** Stop reading: the rest of the parts are thrown away as the worker sends them. */
  abandon(): Promise<void>;
}

/**
 * Read, map and validate a file in a job's worker thread: parsing a 50,000-row file takes
 * hundreds of milliseconds, which on this thread would stall every other desk. The head comes
 * first; the rows follow in parts as the worker checks them, each copied in its own turn of the
 * event loop and only as fast as the walk (applyRows) takes them, so this thread never holds the
 * whole file's rows, and the walk writes one part while the worker checks the next.
 */
async function readInWorker(
  ctx: Ctx,
  eventId: number,
  bytes: Uint8Array,
  fileName: string,
  mapping: (Field | null)[] | undefined,
  choices: ImportChoices,
  read: { keepForCommit: boolean; glanceOnly?: boolean },
  job?: JobControl,
): Promise<Streamed> {
  const queue = new PartQueue<PreparedRow[]>();
  let headed: (h: ImportHead) => void = () => undefined;
  const headArrived = new Promise<ImportHead>((resolve) => (headed = resolve));
  const onPart = (chunk: unknown) => {
    const part = chunk as ImportPart;
    if ('head' in part) return headed(part.head);
    if ('rows' in part) return queue.push(part.rows);
    return undefined; // the summary: the job's result repeats it
  };
  const input = {
    bytes,
    fileName,
    mapping,
    roles: listRoles(ctx.db, eventId),
    allowFormulas: choices.allowFormulas,
    ...read,
  };
  const finished = (
    job
      ? job.inWorker('read', 'participants.readImport', input, { onPart })
      : ctx.jobs.run('participants.readImport', input, { onPart })
  ).then(
    (out) => {
      queue.end();
      return out;
    },
    (e: unknown) => {
      queue.fail(e);
      throw e;
    },
  );
  // Read before the head arrives when the file is refused (too large, unreadable).
  finished.catch(() => undefined);
  const head = await Promise.race([headArrived, finished]);
  return {
    ...head,
    parts: queue,
    finished,
    abandon: async () => {
      queue.drop();
      await finished.catch(() => undefined);
    },
  };
}

export async function previewImport(
  ctx: Ctx,
  eventId: number,
  input: { fileName: string; bytes: Uint8Array; mapping?: (Field | null)[] } & Partial<ImportChoices>,
): Promise<ImportPreview> {
  const choices = withDefaults(input);
  // An event with no one in it, deleted people included, has nothing a row could match: the
  // worker glances at the rows itself and sends none over (ImportGlance).
  const stored = countParticipants(ctx.db, eventId);
  const glanceOnly = stored.active + stored.deleted === 0;
  // The worker keeps what it read for the commit that usually follows (last-read.ts).
  const p = await readInWorker(ctx, eventId, input.bytes, input.fileName, input.mapping, choices, {
    keepForCommit: true,
    glanceOnly,
  });
  const seen = new RowsSeen(ctx.resourcesDir);
  let plan: Plan;
  if (glanceOnly) {
    const s = await p.finished;
    if (s.glance) seen.glance(s.glance);
    // Against an event with no one stored, every valid row is new.
    plan = { ...emptyPlan(), inserted: s.rowCount - s.invalidRows };
  } else {
    // The same walk as the commit, writing nothing: the counts shown are the counts that will land.
    plan = await applyRows(ctx, eventId, p, choices, null, undefined, seen.row);
  }
  return reportOf(await p.finished, plan, seen, countParticipants(ctx.db, eventId).active);
}

type ImportChoices = { appEdits: 'keep' | 'file'; allowFormulas: boolean };
const withDefaults = (c: Partial<ImportChoices>): ImportChoices => ({
  appEdits: c.appEdits ?? 'keep',
  allowFormulas: c.allowFormulas ?? false,
});

/**
 * Imports a file in ONE transaction: either every accepted row lands or none does.
 * Rows already stored (same match key) are updated, and only in the columns the file maps,
 * so a file without e-mails does not wipe the e-mails typed at the desk; a field corrected in
 * the app keeps the kiosk's value unless the organiser chose the file's (appEdits).
 *
 * The rows are written as the worker checks them. Whether a row has an error is known for sure
 * only at the end of a fresh read (a kept one knows it at once): with `skipInvalid` off, the
 * transaction is then rolled back and nothing was imported. `report` also returns the preview's
 * report of the same walk (the CLI prints it): a file read once, not once per step.
 */
export async function importFile(
  ctx: Ctx,
  scope: DeskScope,
  input: { fileName: string; bytes: Uint8Array; mapping?: (Field | null)[]; skipInvalid: boolean; report?: boolean } & Partial<ImportChoices>,
  job?: JobControl,
): Promise<ImportOutcome> {
  // Asked first so a desk on a removed or archived event hears that, not "unknown role" per row;
  // asked again inside the transaction (audited.ts).
  const eventId = deskEventId(ctx, scope);
  const choices = withDefaults(input);
  const p = await readInWorker(ctx, eventId, input.bytes, input.fileName, input.mapping, choices, { keepForCommit: false }, job);
  const refuse = (bad: number) =>
    new HadirError('import_invalid', `${bad} row(s) have errors. Fix the file, or choose to skip those rows. Nothing was imported.`, {
      rows: bad,
    });
  if (p.knownInvalid && !input.skipInvalid) {
    await p.abandon();
    throw refuse(p.knownInvalid);
  }
  const seen = input.report ? new RowsSeen(ctx.resourcesDir) : null;
  // Before anything is written: the report's "mostly new" compares with the list as it was.
  const existing = input.report ? countParticipants(ctx.db, eventId).active : 0;
  // The walk matches rows against the stored list and then writes: inside ONE IMMEDIATE
  // transaction, so a desk adding someone meanwhile is seen, not duplicated. It is written in
  // slices (auditedLong): check-ins on other desks go on meanwhile, other writes wait for it.
  return auditedLong(
    ctx,
    {
      action: 'participants.import',
      eventId,
      detail: (out: ImportOutcome) => ({
        fileName: input.fileName,
        ...choices,
        inserted: out.inserted,
        updated: out.updated,
        unchanged: out.unchanged,
        skipped: out.skipped,
        keptDeleted: out.keptDeleted,
        appEditsKept: out.appEditsKept,
      }),
      scope,
    },
    async (at): Promise<ImportOutcome> => {
      const plan = await applyRows(ctx, eventId, p, choices, at, job, seen?.row);
      const s = await p.finished;
      // Thrown inside the write: the transaction rolls back, nothing was imported.
      if (s.invalidRows && !input.skipInvalid) throw refuse(s.invalidRows);
      return {
        inserted: plan.inserted,
        updated: plan.updated,
        unchanged: plan.unchanged,
        keptDeleted: plan.keptDeleted,
        keptDeletedPeople: plan.keptDeletedPeople.slice(0, MAX_LISTED),
        appEditsKept: plan.appEditsKept,
        skipped: s.invalidRows,
        ...(seen ? { report: reportOf(s, plan, seen, existing) } : {}),
      };
    },
  );
}

/**
 * Walks the valid rows against the stored list: new people are inserted, known ones updated in the
 * columns the file maps (and left alone when nothing changes, so a re-import of the same file
 * writes nothing), deleted ones stay deleted. With `at` null nothing is written: the preview.
 * Every valid row lands in exactly one of inserted, updated, unchanged and keptDeleted, so the
 * counts add up to the valid rows. A row whose only differences are fields edited in the app,
 * kept by the organiser's choice, is unchanged: nothing is written for it.
 */
async function applyRows(
  ctx: Ctx,
  eventId: number,
  p: Streamed,
  choices: ImportChoices,
  at: string | null,
  job?: JobControl,
  seen?: (row: PreparedRow) => void,
): Promise<Plan> {
  try {
    return await walkRows(ctx, eventId, p, choices, at, job, seen);
  } catch (e) {
    // Cancelled or failed mid-walk: let the worker finish sending into nothing, then fail.
    await p.abandon();
    throw e;
  }
}

async function walkRows(
  ctx: Ctx,
  eventId: number,
  p: Streamed,
  choices: ImportChoices,
  at: string | null,
  job?: JobControl,
  seen?: (row: PreparedRow) => void,
): Promise<Plan> {
  const mapped = new Set(p.mapping.filter((f): f is Field => f !== null));
  // Slices of ~8 ms: a 50,000-row walk takes seconds, and the other desks are answered between
  // slices. Cancelling between slices rolls the whole import back (auditedLong).
  const pause = slicer();
  const phase = at ? 'write' : 'check';
  // The stored list, page by page with pauses between (a 55,000-row event takes ~250 ms to read),
  // not one query per matched row (a re-import matches them all).
  const matcher = new Matcher([]);
  const stored = new Map<number, Participant>();
  let after = 0;
  for (;;) {
    const page = storedPage(ctx.db, eventId, after, 1_000);
    if (!page.length) break;
    for (const { keys, participant } of page) {
      matcher.add(keys);
      if (!keys.deleted) stored.set(keys.id, participant);
    }
    after = page[page.length - 1]!.keys.id;
    await pause();
    job?.checkCancelled();
  }
  const out = emptyPlan();
  // The rows this walk inserts are not added to the matcher: a valid row never matches another row
  // of the same file (validation refuses the later one as duplicate_row, by this same Matcher
  // rule, validate-rows.ts), so they could never be found. Adding them held 50,000 more keys
  // (~7 MB) and grew the matcher's maps during the write, a 10–20 ms copy on the desks' thread
  // each time a map doubled (issue 21). So every hit is a stored participant.
  const total = p.rowCount;
  // New people are written INSERT_BATCH at a time (insertParticipants), the last few at the end;
  // those waiting meanwhile (fewer than INSERT_BATCH) are in the same transaction either way.
  // Their codes are drawn against the ones drawn in this walk (`waiting`), then against the
  // stored ones, a batch per query (redrawTaken).
  const fresh: NewParticipant[] = [];
  const waiting = new Set<string>();
  // The search index is written per batch, not by a trigger per row (participant-fts.ts).
  const searchIndex = at ? deferSearchIndex(ctx.db) : null;
  const flush = () => {
    if (!at || !fresh.length) return;
    redrawTaken(fresh, waiting, (codes) => takenCodes(ctx.db, eventId, codes));
    insertParticipants(ctx.db, eventId, fresh, at);
    searchIndex?.catchUp();
    fresh.length = 0;
    waiting.clear();
  };
  let i = 0;
  for await (const part of p.parts)
    for (const row of part) {
      const yielded = pause();
      if (yielded) {
        job?.progress(phase, i, total);
        await yielded;
        job?.checkCancelled();
      }
      i++;
      seen?.(row);
      if (!row.valid) continue;
      const nameKey = nameKeyOf(row.values);
      const hit = matcher.find(row.values, nameKey);
      if (hit?.deleted) {
        out.keptDeleted++;
        if (out.keptDeletedPeople.length < MAX_LISTED) {
          const gone = getParticipant(ctx.db, eventId, hit.id);
          if (gone) out.keptDeletedPeople.push({ line: row.line, participantId: gone.id, name: gone.name, code: gone.code });
        }
      } else if (hit) {
        const current = stored.get(hit.id)!;
        const proposed = participantInput.parse({ ...current, ...pick(row.values, mapped) });
        const differ = FIELDS.filter((f) => proposed[f] !== current[f]);
        const keep = (f: Field) => choices.appEdits === 'keep' && current.editedFields.includes(f);
        for (const f of differ) {
          out.changes.push({
            line: row.line,
            participantId: current.id,
            name: current.name,
            field: f,
            old: current[f],
            new: proposed[f],
            editedInApp: current.editedFields.includes(f),
            applied: !keep(f),
          });
        }
        const applied = differ.filter((f) => !keep(f));
        out.appEditsKept += differ.length - applied.length;
        if (!applied.length) {
          out.unchanged++;
          continue;
        }
        const merged = participantInput.parse({ ...current, ...Object.fromEntries(applied.map((f) => [f, proposed[f]])) });
        if (at) {
          updateParticipant(ctx.db, hit.id, nameKeyOf(merged), merged, at);
          // A field now holds the file's value again: a later re-import may update it as usual.
          const stillEdited = current.editedFields.filter((f) => !applied.includes(f));
          if (stillEdited.length !== current.editedFields.length) setEditedFields(ctx.db, hit.id, stillEdited);
        }
        stored.set(hit.id, { ...current, ...merged });
        out.updated++;
      } else {
        if (at) {
          // Asked against the stored codes a batch at a time, in flush().
          const code = newBadgeCode((c) => waiting.has(c));
          waiting.add(code);
          fresh.push({ code, nameKey, p: row.values });
          if (fresh.length === INSERT_BATCH) flush();
        }
        out.inserted++;
      }
    }
  flush();
  searchIndex?.end();
  // Every row the worker read was walked, or nothing is written (this throws inside the write).
  const sent = await p.finished;
  if (i !== sent.rowCount) throw new Error(`import worker sent ${i} of ${sent.rowCount} rows`);
  job?.progress(phase, total, total);
  return out;
}

function pick(v: ParticipantInput, fields: Set<Field>): Partial<ParticipantInput> {
  return Object.fromEntries(FIELDS.filter((f) => fields.has(f)).map((f) => [f, v[f]]));
}
