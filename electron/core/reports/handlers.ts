import { getEvent } from '../../db/repositories/events';
import { checkinTimes, recapPeople } from '../../db/repositories/reports';
import type { HadirEvent } from '../../shared/event';
import { HadirError } from '../../shared/errors';
import type { FileResult } from '../../shared/file';
import type { Ctx } from '../context';
import { readEventId } from '../event/desk-event';
import type { HandlerMap } from '../handler';
import { eventFileStem } from './file-names';
import { buildRecap } from './recap';
import { recapCsv, recapXlsx } from './recap-files';
import { buildTimeline } from './timeline';

export function reportEvent(ctx: Ctx, eventId: number | undefined): HadirEvent {
  const event = getEvent(ctx.db, readEventId(ctx, eventId));
  if (!event) throw new HadirError('no_event', 'No event has been set up yet. Create one first.');
  return event;
}

const recapOf = (ctx: Ctx, event: HadirEvent) => buildRecap(event.days, recapPeople(ctx.db, event.id));

export const reportHandlers: HandlerMap<'reports.recap' | 'reports.recapExport' | 'reports.timeline'> = {
  'reports.recap': (ctx, { eventId }) => recapOf(ctx, reportEvent(ctx, eventId)),
  'reports.recapExport': async (ctx, input): Promise<FileResult> => {
    const event = reportEvent(ctx, input.eventId);
    const recap = recapOf(ctx, event);
    const stem = `rekap-${eventFileStem(event)}`;
    return input.format === 'xlsx'
      ? { fileName: `${stem}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await recapXlsx(recap, event.name) }
      : { fileName: `${stem}-${input.view}.csv`, mime: 'text/csv', bytes: recapCsv(recap, input.view, input.separator) };
  },
  'reports.timeline': (ctx, { eventId }) => {
    const event = reportEvent(ctx, eventId);
    return buildTimeline(event.days, checkinTimes(ctx.db, event.id), event.timeZone);
  },
};
