import { FIELDS, participantInput, type Field, type Participant, type ParticipantInput } from '../../shared/participant';
import { addRole, getEvent, listDays, listRoles } from '../../db/repositories/events';
import {
  allParticipants,
  codeExists,
  countParticipants,
  distinctRegencies,
  getParticipant,
  insertParticipant,
  listParticipants,
  setDeleted,
  setEditedFields,
  updateParticipant,
} from '../../db/repositories/participants';
import { ownBytes } from '../../shared/file';
import { audited } from '../audited';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { readEventId } from '../event/desk-event';
import { newBadgeCode } from './code';
import { maskParticipant } from './mask';
import { toMatchQuery } from './search';
import { nameKeyOf } from './matcher';
import { previewImport, importFile } from './import-commit';
import { checkNotDuplicate, checkRole } from './form-checks';
import { toCsv, toXlsx } from './export';
import { eventFileStem } from '../reports/file-names';
import { nameCoverage, undrawableNames } from '../pdf/cmap-coverage';

function mustGet(ctx: Ctx, eventId: number, id: number): Participant {
  const p = getParticipant(ctx.db, eventId, id);
  if (!p) throw new HadirError('not_found', `Participant ${id} was not found.`, { id });
  return p;
}

export { checkNotDuplicate, checkRole };

export const participantHandlers: HandlerMap<
  | 'participants.list'
  | 'participants.facets'
  | 'participants.undrawable'
  | 'participants.get'
  | 'participants.create'
  | 'participants.update'
  | 'participants.delete'
  | 'participants.restore'
  | 'participants.importPreview'
  | 'participants.importCommit'
  | 'participants.export'
  | 'roles.add'
> = {
  'participants.list': (ctx, input) => {
    const eventId = readEventId(ctx, input.eventId);
    const dayId = input.day ? listDays(ctx.db, eventId).find((d) => d.dayNo === input.day)?.id : null;
    if (input.day && !dayId)
      throw new HadirError('not_found', `Day ${input.day} is not a day of this event.`, { day: input.day });
    const res = listParticipants(ctx.db, eventId, { ...input, match: toMatchQuery(input.query), dayId });
    const counts = countParticipants(ctx.db, eventId);
    // Lists show personal data masked (UU PDP); the edit form fetches one record in full.
    return { total: res.total, all: counts.active, deleted: counts.deleted, rows: res.rows.map(maskParticipant) };
  },
  'participants.facets': (ctx, { eventId: asked }) => {
    const eventId = readEventId(ctx, asked);
    return { regencies: distinctRegencies(ctx.db, eventId), roles: listRoles(ctx.db, eventId) };
  },
  'participants.undrawable': (ctx, { eventId: asked }) => {
    const people = allParticipants(ctx.db, readEventId(ctx, asked)).map((p) => ({ id: p.id, name: p.name }));
    return undrawableNames(people, nameCoverage(ctx.resourcesDir));
  },
  'participants.get': (ctx, { id, eventId }) => mustGet(ctx, readEventId(ctx, eventId), id),
  // The checks run inside the write's transaction: another desk adding the same person between
  // the check and the insert would otherwise slip through (audited.ts: IMMEDIATE).
  'participants.create': (ctx, { eventId, desk, ...input }) => {
    const scope = { eventId, desk };
    const id = audited(ctx, { action: 'participants.create', detail: { name: input.name }, scope }, (at) => {
      checkRole(ctx, eventId, input.role);
      checkNotDuplicate(ctx, eventId, input);
      const code = newBadgeCode((c) => codeExists(ctx.db, eventId, c));
      return insertParticipant(ctx.db, eventId, code, nameKeyOf(input), input, at);
    });
    return mustGet(ctx, eventId, id);
  },
  'participants.update': (ctx, { id, data, eventId, desk }) => {
    const scope = { eventId, desk };
    audited(ctx, { action: 'participants.update', detail: (changed: Field[]) => ({ id, fields: changed }), scope }, (at) => {
      const before = mustGet(ctx, eventId, id);
      checkRole(ctx, eventId, data.role);
      checkNotDuplicate(ctx, eventId, data, id);
      updateParticipant(ctx.db, id, nameKeyOf(data), data, at);
      // Remember what the organiser corrected here, so a re-import of the old file does not undo it.
      const changed = FIELDS.filter((f) => before[f] !== data[f]);
      setEditedFields(ctx.db, id, [...before.editedFields, ...changed]);
      return changed;
    });
    return mustGet(ctx, eventId, id);
  },
  // Soft delete: the row and its scans stay, so "undo" is a restore and reports stay auditable.
  'participants.delete': (ctx, { id, eventId, desk }) => {
    audited(ctx, { action: 'participants.delete', detail: { id }, scope: { eventId, desk } }, (at) => {
      mustGet(ctx, eventId, id);
      setDeleted(ctx.db, id, at);
    });
    return mustGet(ctx, eventId, id);
  },
  'participants.restore': (ctx, { id, eventId, desk }) => {
    audited(ctx, { action: 'participants.restore', detail: { id }, scope: { eventId, desk } }, () => {
      checkNotDuplicate(ctx, eventId, participantInput.parse(mustGet(ctx, eventId, id)), id);
      setDeleted(ctx.db, id, null);
    });
    return mustGet(ctx, eventId, id);
  },
  'participants.importPreview': (ctx, { eventId, ...input }) => previewImport(ctx, readEventId(ctx, eventId), input),
  'participants.importCommit': (ctx, { eventId, desk, ...input }) => importFile(ctx, { eventId, desk }, input),
  'participants.export': async (ctx, { format, includePersonal, separator, eventId: asked, desk }) => {
    const eventId = readEventId(ctx, asked);
    const event = getEvent(ctx.db, eventId)!;
    const people = allParticipants(ctx.db, eventId);
    const opts = { includePersonal, separator };
    const data = format === 'csv' ? toCsv(event, people, opts) : await toXlsx(event, people, opts);
    // An export writes nothing but its audit row: who took the list out, and with which data.
    const detail = { format, includePersonal, rows: people.length };
    // Not a desk scope: an archived event may still be exported; the row just names the desk.
    audited(ctx, { action: 'participants.export', detail, eventId, desk }, () => undefined);
    return {
      // Named after the event and what it holds: "peserta-PSM-2022-09-07-dengan-data-pribadi.xlsx",
      // so a file with personal data says so wherever it is copied.
      fileName: `peserta-${eventFileStem(event)}${includePersonal ? '-dengan-data-pribadi' : ''}.${format}`,
      mime: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: ownBytes(data),
      rows: people.length,
    };
  },
  'roles.add': (ctx, { name, eventId, desk }) => {
    audited(ctx, { action: 'roles.add', detail: { name }, scope: { eventId, desk } }, () => addRole(ctx.db, eventId, name));
    return listRoles(ctx.db, eventId);
  },
};
