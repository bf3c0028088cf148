import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../renderer/src/features/event/day-text';

describe('event days typed day first (issue 9.4)', () => {
  it('reads "07/09/2022" as 7 September, the Indonesian way, whatever the browser locale', () => {
    expect(parseDay('07/09/2022')).toEqual({ iso: '2022-09-07' });
    expect(parseDay('7/9/2022')).toEqual({ iso: '2022-09-07' });
    expect(parseDay(' 7-9-2022 ')).toEqual({ iso: '2022-09-07' });
    expect(parseDay('07.09.22')).toEqual({ iso: '2022-09-07' });
    expect(parseDay('2022-09-07')).toEqual({ iso: '2022-09-07' }); // pasted ISO
  });

  it('refuses an empty day, an unreadable one and one not on the calendar, each with its reason', () => {
    expect(parseDay('')).toEqual({ error: 'empty' });
    expect(parseDay('   ')).toEqual({ error: 'empty' });
    expect(parseDay('7 Sept 2022')).toEqual({ error: 'format' });
    expect(parseDay('07/09')).toEqual({ error: 'format' });
    expect(parseDay('31/02/2022')).toEqual({ error: 'calendar' });
    expect(parseDay('07/13/2022')).toEqual({ error: 'calendar' }); // mm/dd typed by habit: no 13th month
    expect(parseDay('29/02/2024')).toEqual({ iso: '2024-02-29' });
  });

  it('shows a stored day for editing as dd/mm/yyyy', () => {
    expect(formatDay('2022-09-07')).toBe('07/09/2022');
    expect(parseDay(formatDay('2026-12-31'))).toEqual({ iso: '2026-12-31' });
  });
});
