/**
 * Indonesia's three time zones. An event's days are calendar dates where the event is held, so
 * "which day is today" is answered in the event's zone, not the laptop's: a laptop set to WIB
 * running a Makassar (WITA) event would otherwise switch days at 01:00 local time.
 */
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];
export const DEFAULT_TIME_ZONE: TimeZone = 'Asia/Jakarta';

/** The abbreviation Indonesians use (and the screen shows). */
export const ZONE_LABEL: Record<TimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const dateFmt = new Map<string, Intl.DateTimeFormat>();
const timeFmt = new Map<string, Intl.DateTimeFormat>();

/**
 * Hours east of UTC. Indonesia keeps no daylight saving time, and each zone's offset has been the
 * same since 1964 (tz database), so from FIXED_SINCE a date and a clock time are arithmetic. The
 * first Intl.DateTimeFormat with a time zone loads ICU's zone data: ~25 ms of a CLI check-in's
 * ≤ 250 ms (issue 21 item 5). Earlier instants, or a zone not in the table, go through Intl.
 * Tested against Intl: tests/unit/time-zone-fixed.test.ts.
 */
const UTC_OFFSET_HOURS: Record<TimeZone, number> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };
const FIXED_SINCE = Date.UTC(1970, 0, 1);

/** `at` shifted by the zone's offset, as ISO text (its UTC fields are the zone's wall clock), or null. */
function wallClock(at: Date, zone: TimeZone): string | null {
  const h = UTC_OFFSET_HOURS[zone];
  const t = at.getTime();
  if (h === undefined || !(t >= FIXED_SINCE)) return null;
  return new Date(t + h * 3_600_000).toISOString();
}

/** YYYY-MM-DD of `at` in `zone` (en-CA formats dates as ISO). */
export function localDate(at: Date, zone: TimeZone): string {
  const iso = wallClock(at, zone);
  if (iso !== null && iso.length === 24) return iso.slice(0, 10);
  let f = dateFmt.get(zone);
  if (!f)
    dateFmt.set(
      zone,
      (f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })),
    );
  return f.format(at);
}

/** HH:MM (24-hour) of `at` in `zone`. */
export function localTime(at: Date, zone: TimeZone): string {
  const iso = wallClock(at, zone);
  if (iso !== null && iso.length === 24) return iso.slice(11, 16);
  let f = timeFmt.get(zone);
  if (!f)
    timeFmt.set(
      zone,
      (f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })),
    );
  return f.format(at);
}

const dateTimeFmt = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment as the event's clock shows it, labelled with the zone: "23.56 WIB" in Indonesian,
 * "23:56 WIB" in English; with `date`, "6 Des 2026 23.56 WIB". The one way a time is written on
 * screen (issue 16, defect 5): the browser's own zone (a desk laptop set to UTC, a phone abroad)
 * never shows, so the Peserta list, the desk, the daftar hadir and the CLI agree.
 */
export function eventTime(at: string | Date, zone: TimeZone, lang: 'id' | 'en', opts: { date?: boolean } = {}): string {
  const when = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(when.getTime())) return '';
  const clock = localTime(when, zone);
  const time = `${lang === 'id' ? clock.replace(':', '.') : clock} ${ZONE_LABEL[zone]}`;
  if (!opts.date) return time;
  const key = `${zone}|${lang}`;
  let f = dateTimeFmt.get(key);
  if (!f)
    dateTimeFmt.set(
      key,
      (f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' })),
    );
  return `${f.format(when)} ${time}`;
}
