// Event dates as an organiser reads them ("Rabu, 7 September 2022", "7–8 September 2022"), never
// as 09/07/2022, which Indonesians and Americans read differently. Dates are calendar days
// (YYYY-MM-DD), so they are formatted in UTC: no time zone may move them.
import type { Lang } from '../../../electron/shared/contract';

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

function utc(iso: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Rabu, 7 September 2022"; '' for a date not (yet) complete. */
export function longDate(iso: string, lang: Lang): string {
  const date = utc(iso);
  if (!date) return '';
  return new Intl.DateTimeFormat(LOCALE[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** "7–8 September 2022", "30 September – 1 Oktober 2022", or one date when first = last. */
export function dateRange(first: string, last: string, lang: Lang): string {
  const a = utc(first);
  const b = utc(last);
  if (!a || !b) return '';
  const fmt = new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return first === last ? fmt.format(a) : fmt.formatRange(a, b);
}

/** "Rab, 7 Sep": a day of the event where space is short (filters, the attendance column). */
export function shortDate(iso: string, lang: Lang): string {
  const date = utc(iso);
  if (!date) return '';
  return new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    date,
  );
}
