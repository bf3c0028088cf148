import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_ROLES } from '../../shared/participant';
import { eventInput, logoMime, type EventInput, type HadirEvent } from '../../shared/event';
import { ownBytes } from '../../shared/file';
import {
  activeEventId,
  getEvent,
  getLogo,
  insertEvent,
  listEvents,
  setActiveEvent,
  setLogo,
  updateEvent,
} from '../../db/repositories/events';
import { inspectLogo } from './logo';
import { appendAudit } from '../../db/repositories/audit';
import { nowIso, type Ctx } from '../context';
import { HadirError } from '../../shared/errors';
import type { HandlerMap } from '../handler';
import { importFile } from '../participants/import-commit';
import { requireEventId } from './require-event';

function createEvent(ctx: Ctx, input: EventInput, action: string): HadirEvent {
  const id = ctx.db.transaction(() => {
    const id = insertEvent(ctx.db, input, crypto.randomBytes(32), nowIso(ctx), DEFAULT_ROLES);
    appendAudit(ctx.db, nowIso(ctx), ctx.actor, action, { id, name: input.name });
    return id;
  })();
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
    if (!getEvent(ctx.db, id)) throw new HadirError('not_found', `Event ${id} was not found.`, { id });
    ctx.db.transaction(() => {
      setActiveEvent(ctx.db, id);
      appendAudit(ctx.db, nowIso(ctx), ctx.actor, 'event.activate', { id });
    })();
    return getEvent(ctx.db, id)!;
  },
  'event.setLogo': (ctx, { bytes }) => {
    const id = requireEventId(ctx);
    const info = bytes ? inspectLogo(bytes) : null;
    ctx.db.transaction(() => {
      setLogo(ctx.db, id, bytes);
      appendAudit(ctx.db, nowIso(ctx), ctx.actor, 'event.setLogo', info ? { id, ...info, bytes: bytes!.byteLength } : { id });
    })();
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
    try {
      ctx.db.transaction(() => {
        updateEvent(ctx.db, id, input);
        appendAudit(ctx.db, nowIso(ctx), ctx.actor, 'event.update', { id });
      })();
    } catch (e) {
      if (e instanceof Error && /FOREIGN KEY/.test(e.message)) {
        throw new HadirError('conflict', 'A day that already has check-ins cannot be removed.');
      }
      throw e;
    }
    return getEvent(ctx.db, id)!;
  },
};
