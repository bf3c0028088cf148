import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_ROLES } from '../../shared/participant';
import { eventInput, logoMime, type EventInput, type HadirEvent } from '../../shared/event';
import { ownBytes } from '../../shared/file';
import {
  activeEventId,
  dayHasScans,
  eventStatus,
  getEvent,
  getLogo,
  insertEvent,
  listDays,
  listEvents,
  markDemo,
  setActiveEvent,
  setArchived,
  setLogo,
  updateEvent,
} from '../../db/repositories/events';
import { inspectLogo } from './logo';
import { audited } from '../audited';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { readEventId } from './desk-event';

/** A new event becomes the kiosk's default (the CLI works on it next); each desk switches to it itself. */
function createEvent(ctx: Ctx, input: EventInput, action: string, desk: string | undefined): HadirEvent {
  const id = audited(ctx, { action, detail: (id) => ({ id, name: input.name }), desk }, (at: string) =>
    insertEvent(ctx.db, input, crypto.randomBytes(32), at, DEFAULT_ROLES),
  );
  return getEvent(ctx.db, id)!;
}

/** The demo is the 2022 PSM training in Bandar Lampung, shipped in resources/demo (never read from ../shared). */
async function createDemo(ctx: Ctx, desk: string | undefined): Promise<HadirEvent> {
  const dir = path.join(ctx.resourcesDir, 'demo');
  const input = eventInput.parse(JSON.parse(fs.readFileSync(path.join(dir, 'event.json'), 'utf8')));
  const event = createEvent(ctx, input, 'event.createDemo', desk);
  markDemo(ctx.db, event.id);
  const file = path.join(dir, 'peserta.csv');
  const scope = { eventId: event.id, desk: desk ?? ctx.actor };
  // The import is loaded for the demo only: event.get (every CLI command's first call) needs none of it.
  const { importFile } = await import('../participants/import-commit');
  await importFile(ctx, scope, { fileName: 'peserta.csv', bytes: fs.readFileSync(file), skipInvalid: false });
  return getEvent(ctx.db, event.id)!;
}

export const eventHandlers: HandlerMap<
  | 'event.get'
  | 'event.create'
  | 'event.update'
  | 'event.createDemo'
  | 'event.list'
  | 'event.activate'
  | 'event.archive'
  | 'event.setLogo'
  | 'event.logo'
> = {
  // Null only when the desk names no event and the kiosk has none yet: the setup screen.
  'event.get': (ctx, { eventId }) => {
    if (eventId === undefined && activeEventId(ctx.db) === null) return null;
    return getEvent(ctx.db, readEventId(ctx, eventId));
  },
  'event.create': (ctx, { desk, ...input }) => createEvent(ctx, input, 'event.create', desk),
  'event.createDemo': (ctx, { desk }) => createDemo(ctx, desk),
  'event.list': (ctx) => listEvents(ctx.db),
  // A kiosk keeps every event it has run. Each desk chooses its own; this sets the kiosk's
  // default, where the CLI works and where a desk opened for the first time starts.
  'event.activate': (ctx, { id }) => {
    audited(ctx, { action: 'event.activate', detail: { id }, eventId: id }, () => {
      if (eventStatus(ctx.db, id) === null) throw new HadirError('not_found', `Event ${id} was not found.`, { id });
      setActiveEvent(ctx.db, id);
    });
    return getEvent(ctx.db, id)!;
  },
  // Archived: still listed and readable (reports, exports), refused by every recording operation.
  'event.archive': (ctx, { id, archived }) => {
    audited(ctx, { action: archived ? 'event.archive' : 'event.unarchive', detail: { id }, eventId: id }, (at) => {
      if (eventStatus(ctx.db, id) === null) throw new HadirError('not_found', `Event ${id} was not found.`, { id });
      setArchived(ctx.db, id, archived ? at : null);
    });
    return getEvent(ctx.db, id)!;
  },
  'event.setLogo': (ctx, { bytes, eventId, desk }) => {
    const info = bytes ? inspectLogo(bytes) : null;
    const detail = info ? { id: eventId, ...info, bytes: bytes!.byteLength } : { id: eventId };
    audited(ctx, { action: 'event.setLogo', detail, scope: { eventId, desk } }, () => setLogo(ctx.db, eventId, bytes));
    return getEvent(ctx.db, eventId)!;
  },
  'event.logo': (ctx, { eventId }) => {
    const logo = getLogo(ctx.db, readEventId(ctx, eventId));
    if (!logo) return null;
    const mime = logoMime(logo) ?? 'image/png';
    return { fileName: mime === 'image/png' ? 'logo.png' : 'logo.jpg', mime, bytes: ownBytes(logo) };
  },
  'event.update': (ctx, { eventId: id, desk, ...input }) => {
    audited(ctx, { action: 'event.update', detail: { id }, scope: { eventId: id, desk } }, () => {
      // Asked before the write, not read back from a failed foreign key: the message can then
      // say which day, and no other constraint failure is mistaken for this one.
      const used = listDays(ctx.db, id).find((d) => !input.days.includes(d.date) && dayHasScans(ctx.db, d.id));
      if (used) {
        throw new HadirError('conflict', `Day ${used.dayNo} (${used.date}) already has check-ins and cannot be removed.`, {
          day: used.date,
        });
      }
      updateEvent(ctx.db, id, input);
    });
    return getEvent(ctx.db, id)!;
  },
};
