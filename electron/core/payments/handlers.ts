import { getEvent, listRoles } from '../../db/repositories/events';
import { getParticipant, allParticipants } from '../../db/repositories/participants';
import { replaceRates, savePaymentConfig, setPersonalRate } from '../../db/repositories/payments';
import { HadirError } from '../../shared/errors';
import type { FileResult } from '../../shared/file';
import type { PaymentKind, RateRow } from '../../shared/payments';
import { audited } from '../audited';
import type { Ctx } from '../context';
import type { HandlerMap } from '../handler';
import { loadBadgeFonts } from '../pdf/fonts';
import { readEventId } from '../event/desk-event';
import { reportEvent } from '../reports/handlers';
import { spelledDate } from '../reports/dates';
import { eventFileStem } from '../reports/file-names';
import type { DaftarPenerimaanInput } from '../reports/daftar-penerimaan';
import { receiptsXlsx } from '../reports/receipts-xlsx';
import { parseRatesFile } from './rates-file';
import { buildReceipt } from './receipts';
import { loadPaymentConfig, loadPaymentSettings } from './settings';
import { jpFiles } from './jp-record';
import { speakerSheetData } from './speakers';
import { parseProgrammeFile } from './programme-file';

/** Every rate's role must be one of the event's: a typo would silently pay nobody. */
function checkRoles(ctx: Ctx, eventId: number, rates: RateRow[]): RateRow[] {
  const roles = listRoles(ctx.db, eventId);
  return rates.map((r) => {
    const role = roles.find((x) => x.toLowerCase() === r.role.toLowerCase());
    if (!role) {
      const detail = `peran "${r.role}" tidak ada di acara ini / role "${r.role}" is not a role of this event`;
      throw new HadirError('invalid_input', detail, { detail });
    }
    return { ...r, role };
  });
}

/** "Hari ke-2, Kamis, 8 September 2022", or the event's span: "7 - 9 September 2022". */
function periodText(days: { dayNo: number; date: string }[], dayNo: number | undefined): string {
  if (dayNo) {
    const d = days.find((x) => x.dayNo === dayNo)!;
    return `Hari ke-${d.dayNo}, ${spelledDate(d.date)}`;
  }
  const first = days[0]!.date;
  const last = days[days.length - 1]!.date;
  return first === last ? spelledDate(first) : `${spelledDate(first, false)} s.d. ${spelledDate(last, false)}`;
}

const KIND_FILE: Record<PaymentKind, string> = { transport: 'transport', 'uang-saku': 'uang-saku', honor: 'honorarium' };

/** The rows and totals of one daftar penerimaan, and everything its PDF prints. */
export function receiptData(ctx: Ctx, eventId: number | undefined, kind: PaymentKind, dayNo?: number): Omit<DaftarPenerimaanInput, 'fonts'> {
  const event = reportEvent(ctx, eventId);
  if (dayNo !== undefined && !event.days.some((d) => d.dayNo === dayNo))
    throw new HadirError('not_event_day', `Day ${dayNo} is not a day of this event.`, { day: dayNo });
  if (dayNo !== undefined && kind === 'honor') {
    const detail = 'honorarium dihitung dari JP acara, bukan per hari / the honorarium follows the programme\'s JP, not a day: leave out --day';
    throw new HadirError('invalid_input', detail, { detail });
  }
  const settings = loadPaymentSettings(ctx.db, event.id);
  const people = allParticipants(ctx.db, event.id);
  const { rows, totals } = buildReceipt({
    kind,
    dayNos: dayNo ? [dayNo] : event.days.map((d) => d.dayNo),
    people,
    rates: settings.rates,
    programme: event.programme,
    personalRates: new Map(settings.personalRates.map((r) => [r.participantId, r.rateBp])),
    nonCivilRateBp: settings.config.nonCivilRateBp,
  });
  const lastDate = dayNo ? event.days.find((d) => d.dayNo === dayNo)!.date : event.days[event.days.length - 1]!.date;
  return {
    kind,
    eventName: event.name,
    organiser: event.organiser,
    venue: event.venue,
    city: event.city,
    periodText: periodText(event.days, dayNo),
    rows,
    totals,
    placeDate: `${event.city}, ${spelledDate(lastDate, false)}`,
    signatories: settings.config.signatories,
  };
}

export const paymentHandlers: HandlerMap<
  | 'payments.settings'
  | 'payments.setRates'
  | 'payments.ratesFile'
  | 'payments.saveConfig'
  | 'payments.setTaxRate'
  | 'reports.receipts'
  | 'reports.jp'
  | 'reports.speakers'
  | 'payments.programmeFile'
> = {
  'payments.settings': (ctx, { eventId }) => loadPaymentSettings(ctx.db, readEventId(ctx, eventId)),
  'payments.setRates': (ctx, { eventId, desk, rates }) => {
    audited(ctx, { action: 'payments.setRates', detail: { rates: rates.length }, scope: { eventId, desk } }, () =>
      replaceRates(ctx.db, eventId, checkRoles(ctx, eventId, rates)),
    );
    return loadPaymentSettings(ctx.db, eventId);
  },
  'payments.ratesFile': (ctx, { eventId, desk, bytes }) => {
    // Parsed in full before anything is written: a bad line leaves the stored rates as they were.
    const rates = parseRatesFile(bytes, listRoles(ctx.db, eventId));
    audited(ctx, { action: 'payments.ratesFile', detail: { rates: rates.length }, scope: { eventId, desk } }, () =>
      replaceRates(ctx.db, eventId, rates),
    );
    return loadPaymentSettings(ctx.db, eventId);
  },
  'payments.saveConfig': (ctx, { eventId, desk, ...config }) => {
    audited(ctx, { action: 'payments.saveConfig', detail: {}, scope: { eventId, desk } }, (at) =>
      savePaymentConfig(ctx.db, eventId, JSON.stringify(config), at),
    );
    return loadPaymentSettings(ctx.db, eventId);
  },
  'payments.setTaxRate': (ctx, { eventId, desk, participantId, rateBp }) => {
    audited(ctx, { action: 'payments.setTaxRate', detail: { participantId, rateBp }, scope: { eventId, desk } }, () => {
      if (!getParticipant(ctx.db, eventId, participantId))
        throw new HadirError('not_found', `Participant ${participantId} was not found.`, { id: participantId });
      setPersonalRate(ctx.db, eventId, participantId, rateBp);
    });
    return loadPaymentSettings(ctx.db, eventId);
  },
  'reports.receipts': async (ctx, { eventId, kind, dayNo, format }): Promise<FileResult> => {
    const data = receiptData(ctx, eventId, kind, dayNo);
    const event = getEvent(ctx.db, readEventId(ctx, eventId))!;
    const stem = `daftar-penerimaan-${KIND_FILE[kind]}-${eventFileStem(event)}${dayNo ? `-hari-${dayNo}` : ''}`;
    if (format === 'xlsx')
      return { fileName: `${stem}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await receiptsXlsx(data) };
    // 600 rows take a moment: in the worker, as the daftar hadir.
    const bytes = await ctx.jobs.run('reports.daftarPenerimaan', { ...data, fonts: loadBadgeFonts(ctx.resourcesDir) });
    return { fileName: `${stem}.pdf`, mime: 'application/pdf', bytes };
  },
  'reports.jp': async (ctx, { eventId, by }): Promise<FileResult> => jpFiles(ctx, reportEvent(ctx, eventId), by),
  // Read only: the event form fills its rows from it and the organiser saves (the CLI saves at once).
  'payments.programmeFile': (_ctx, { bytes }) => parseProgrammeFile(bytes),
  'reports.speakers': async (ctx, { eventId }): Promise<FileResult> => {
    const event = reportEvent(ctx, eventId);
    const m = loadPaymentConfig(ctx.db, event.id).mengetahui;
    const data = speakerSheetData(event, allParticipants(ctx.db, event.id), {
      signatory: {
        caption: `${event.city}, ${spelledDate(event.days[event.days.length - 1]!.date, false)}`,
        title: event.signatoryTitle,
        name: event.signatoryName,
        rank: event.signatoryRank || undefined,
        nip: event.signatoryNip,
      },
      mengetahui: m.name ? { caption: m.caption || 'Mengetahui', title: m.title, name: m.name, rank: m.rank || undefined, nip: m.nip } : null,
    });
    const bytes = await ctx.jobs.run('reports.speakers', { ...data, fonts: loadBadgeFonts(ctx.resourcesDir) });
    return { fileName: `daftar-hadir-narasumber-${eventFileStem(event)}.pdf`, mime: 'application/pdf', bytes };
  },
};
