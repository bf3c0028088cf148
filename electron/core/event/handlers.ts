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
  setActiveEvent,
  setLogo,
  updateEvent,
} from '../../db/repositories/events';
import { inspectLogo } from './logo';
import { audited } from '../audited';
import type { Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { importFile } from '../participants/import-commit';
import { requireEventId } from './require-event';

function createEvent(ctx: Ctx, input: EventInput, action: string): HadirEvent {
  const id = audited(ctx, { action, detail: (id) => ({ id, name: input.name }) }, (at: string) =>
    insertEvent(ctx.db, input, crypto.randomBytes(32), at, DEFAULT_ROLES),
  );
  return getEvent(ctx.db, id)!;
}

/** The demo is the 2022 PSM training in Bandar Lampung, shipped in resources/demo (never read from ../shared). */
async function createDemo(ctx: Ctx): Promise<HadirEvent> {
  const dir = path.join(ctx.resourcesDir, 'demo');
  const input = eventInput.parse(JSON.parse(fs.readFileSync(path.join(dir, 'event.json'), 'utf8')));
  const event = createEvent(ctx, input, 'event.createDemo');
  const file = path.join(dir, 'peserta.csv');
  await importFile(ctx, { fileName: 'peserta.csv', bytes: fs.readFileSync(file), skipInvalid: false });
  return getEvent(ctx.db, event.id)!;
}

export const eventHandlers: HandlerMap<
  | 'event.get'
  | 'event.create'
  | 'event.update'
  | 'event.createDemo'
  | 'event.list'
  | 'event.activate'
  | 'event.setLogo'
  | 'event.logo'
> = {
  'event.get': (ctx) => {
    const id = activeEventId(ctx.db);
    return id === null ? null : getEvent(ctx.db, id);
  },
  'event.create': (ctx, input) => createEvent(ctx, input, 'event.create'),
  'event.createDemo': (ctx) => createDemo(ctx),
  'event.list': (ctx) => listEvents(ctx.db),
  // A kiosk keeps every event it has run; the desk works on the active one.
  'event.activate': (ctx, { id }) => {
    audited(ctx, { action: 'event.activate', detail: { id }, eventId: id }, () => {
      if (eventStatus(ctx.db, id) === null) throw new HadirError('not_found', `Event ${id} was not found.`, { id });
      setActiveEvent(ctx.db, id);
    });
    return getEvent(ctx.db, id)!;
  },
  'event.setLogo': (ctx, { bytes }) => {
    const id = requireEventId(ctx);
    const info = bytes ? inspectLogo(bytes) : null;
    const detail = info ? { id, ...info, bytes: bytes!.byteLength } : { id };
    audited(ctx, { action: 'event.setLogo', detail, eventId: id }, () => setLogo(ctx.db, id, bytes));
    return getEvent(ctx.db, id)!;
  },
  'event.logo': (ctx) => {
    const logo = getLogo(ctx.db, requireEventId(ctx));
    if (!logo) return null;
    const mime = logoMime(logo) ?? 'image/png';
    return { fileName: mime === 'image/png' ? 'logo.png' : 'logo.jpg', mime, bytes: ownBytes(logo) };
  },
  'event.update': (ctx, input) => {
    const id = requireEventId(ctx);
    audited(ctx, { action: 'event.update', detail: { id }, eventId: id }, () => {
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
