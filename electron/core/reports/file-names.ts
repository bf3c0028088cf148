import type { HadirEvent } from '../../shared/event';

/**
 * A file-name stem for the event: its short name if the title has one in brackets ("… (PSM) …"),
 * else its acronyms ("Peningkatan Kemampuan Potensi PSM" -> "PSM"), else its first words, plus the
 * first day: "PSM-2022-09-07". Safe on Windows, macOS and USB sticks.
 */
export function eventFileStem(event: Pick<HadirEvent, 'name' | 'days'>): string {
  const acronyms = event.name.split(/\s+/).filter((w) => /^[A-Z]{2,8}$/.test(w));
  const short =
    /\(([^)]{2,20})\)/.exec(event.name)?.[1] ??
    (acronyms.length ? acronyms.join(' ') : event.name.split(/\s+/).slice(0, 3).join(' '));
  const safe = short
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const first = [...event.days].sort((a, b) => a.date.localeCompare(b.date))[0]?.date;
  return [safe || 'acara', first].filter(Boolean).join('-');
}
