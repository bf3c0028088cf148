import { getEvent } from '../../db/repositories/events';
import { checkinTimes, recapPeople, sheetRows } from '../../db/repositories/reports';
import { getLogo } from '../../db/repositories/events';
import { ZONE_LABEL, localTime } from '../../shared/time-zone';
import { loadBadgeFonts } from '../pdf/fonts';
import type { DaftarHadirInput } from './daftar-hadir';
import { spelledDate } from './dates';
import type { HadirEvent } from '../../shared/event';
import { HadirError } from '../../shared/errors';
import type { FileResult } from '../../shared/file';
import type { Ctx } from '../context';
import { readEventId } from '../event/desk-event';
import type { HandlerMap } from '../handler';
import { eventFileStem } from './file-names';
import { buildRecap } from './recap';
import { loadSettings } from '../certificates/settings';
import { toCertRow } from '../certificates/rows';
import { certParticipants } from '../../db/repositories/certificates';
import { recapCsv, recapPdfInput, recapXlsx } from './recap-files';
import { buildTimeline } from './timeline';
import { reconciliationCounts } from '../../db/repositories/reconciliation-counts';
import { loadPaymentConfig } from '../payments/settings';

/** The daftar hadir's "Mengetahui" block, when the event screen names one (issue 20). */
function mengetahuiOf(ctx: Ctx, eventId: number): DaftarHadirInput['mengetahui'] {
  const m = loadPaymentConfig(ctx.db, eventId).mengetahui;
  return m.name ? { caption: m.caption, title: m.title, name: m.name, rank: m.rank || undefined, nip: m.nip } : null;
}

export function reportEvent(ctx: Ctx, eventId: number | undefined): HadirEvent {
  const event = getEvent(ctx.db, readEventId(ctx, eventId));
  if (!event) throw new HadirError('no_event', 'No event has been set up yet. Create one first.');
  return event;
}

const recapOf = (ctx: Ctx, event: HadirEvent, rule = loadSettings(ctx.db, event.id).rule) =>
  buildRecap(event.days, recapPeople(ctx.db, event.id), rule);

export const reportHandlers: HandlerMap<'reports.recap' | 'reports.recapExport' | 'reports.timeline' | 'reports.daftarHadir'> = {
  'reports.recap': (ctx, { eventId }) => {
    const event = reportEvent(ctx, eventId);
    // The counts only (one statement): the dashboard reloads the recap every 750 ms per open
    // dashboard, on the thread that answers the desks; the list is for the Rekonsiliasi card and PDF.
    return { ...recapOf(ctx, event), reconciliation: reconciliationCounts(ctx.db, event.id) };
  },
  'reports.recapExport': async (ctx, input): Promise<FileResult> => {
    const event = reportEvent(ctx, input.eventId);
    const { rule } = loadSettings(ctx.db, event.id);
    const recap = recapOf(ctx, event, rule);
    // Who qualifies, one row per person: read only for the view that lists them.
    const people = () =>
      certParticipants(ctx.db, event.id)
        .filter((r) => !r.deleted)
        .map((r) => toCertRow(r, rule, event.days.length));
    const stem = `rekap-${eventFileStem(event)}`;
    if (input.format === 'pdf') {
      const data = recapPdfInput(recap, people, input.view, event, ctx.now(), loadBadgeFonts(ctx.resourcesDir));
      // A register of thousands of numbers takes a moment: in a worker, like the daftar hadir.
      const bytes = await ctx.jobs.run('reports.tablePdf', data);
      return { fileName: `${stem}-${input.view}.pdf`, mime: 'application/pdf', bytes };
    }
    return input.format === 'xlsx'
      ? {
          fileName: `${stem}.xlsx`,
          mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes: await recapXlsx(recap, people, event.name, event.timeZone),
        }
      : { fileName: `${stem}-${input.view}.csv`, mime: 'text/csv', bytes: recapCsv(recap, people, input.view, input.separator, event.timeZone) };
  },
  'reports.daftarHadir': async (ctx, input): Promise<FileResult> => {
    const event = reportEvent(ctx, input.eventId);
    const day = event.days.find((d) => d.dayNo === input.dayNo);
    if (!day) throw new HadirError('not_event_day', `Day ${input.dayNo} is not a day of this event.`, { day: input.dayNo });
    const rows = sheetRows(ctx.db, event.id, day.id, input.scope, input.order);
    const data: DaftarHadirInput = {
      eventName: event.name,
      organiser: event.organiser,
      venue: event.venue,
      city: event.city,
      dayNo: day.dayNo,
      dateText: spelledDate(day.date),
      zoneLabel: ZONE_LABEL[event.timeZone],
      rows: rows.map((r) => ({ ...r, time: r.firstAt ? localTime(new Date(r.firstAt), event.timeZone) : null })),
      signatory: {
        place: event.city,
        dateText: spelledDate(day.date, false),
        title: event.signatoryTitle,
        name: event.signatoryName,
        rank: event.signatoryRank || undefined,
        nip: event.signatoryNip,
      },
      logo: event.logo ? getLogo(ctx.db, event.id) : null,
      fonts: loadBadgeFonts(ctx.resourcesDir),
      mengetahui: mengetahuiOf(ctx, event.id),
    };
    // Rendering 600 rows takes a moment: in a worker, so the desks keep scanning meanwhile.
    const bytes = await ctx.jobs.run('reports.daftarHadir', data);
    const which = input.scope === 'all' ? 'semua' : 'hadir';
    return { fileName: `daftar-hadir-${eventFileStem(event)}-hari-${day.dayNo}-${which}.pdf`, mime: 'application/pdf', bytes };
  },
  'reports.timeline': (ctx, { eventId }) => {
    const event = reportEvent(ctx, eventId);
    return buildTimeline(event.days, checkinTimes(ctx.db, event.id), event.timeZone);
  },
};
