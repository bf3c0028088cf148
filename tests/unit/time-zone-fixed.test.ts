// localDate and localTime compute Indonesia's fixed offsets arithmetically (shared/time-zone.ts:
// the first Intl formatter with a time zone loads ICU's zone data, a tenth of a CLI check-in).
// They must say exactly what Intl says, for every zone, around every midnight and at random.
import { describe, expect, it } from 'vitest';
import { localDate, localTime, TIME_ZONES } from '../../electron/shared/time-zone';

const formats = new Map<string, Intl.DateTimeFormat>();
/** Intl's answer, its formatters made once per zone (18,000 made afresh took 20 s). */
function intl(kind: 'date' | 'time', at: Date, zone: string): string {
  let f = formats.get(kind + zone);
  if (!f)
    formats.set(
      kind + zone,
      (f =
        kind === 'date'
          ? new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
          : new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })),
    );
  return f.format(at);
}
const intlDate = (at: Date, zone: string) => intl('date', at, zone);
const intlTime = (at: Date, zone: string) => intl('time', at, zone);

describe('event dates and times without Intl', () => {
  it('agree with Intl at random instants from 1970 to 2100 and a minute either side of each midnight', () => {
    let seed = 21;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const instants: Date[] = [];
    for (let i = 0; i < 3000; i++) instants.push(new Date(Date.UTC(1970, 0, 1) + Math.floor(rand() * 130 * 365.25 * 864e5)));
    for (const h of [14, 15, 16, 17]) for (const m of [-1, 0, 1]) instants.push(new Date(Date.UTC(2022, 8, 7, h, m, 59, 999)));
    instants.push(new Date(Date.UTC(2024, 1, 28, 16, 0)), new Date(Date.UTC(2024, 1, 29, 16, 0)), new Date(Date.UTC(2026, 11, 31, 15, 30)));
    for (const zone of TIME_ZONES)
      for (const at of instants) {
        expect(localDate(at, zone), `${at.toISOString()} ${zone}`).toBe(intlDate(at, zone));
        expect(localTime(at, zone), `${at.toISOString()} ${zone}`).toBe(intlTime(at, zone));
      }
  });

  it('before 1970 and for an invalid date they behave as Intl does', () => {
    const old = new Date(Date.UTC(1950, 5, 1, 20, 0));
    for (const zone of TIME_ZONES) expect(localDate(old, zone)).toBe(intlDate(old, zone));
    expect(() => localDate(new Date(NaN), 'Asia/Jakarta')).toThrow(RangeError);
  });
});
