import { describe, expect, it } from 'vitest';
import { chooseDay } from '../../../electron/core/checkin/day';
import { decide, type Lookups } from '../../../electron/core/checkin/verdict';
import { parseBadgeText } from '../../../electron/shared/badge-payload';

const DAYS = [
  { id: 11, dayNo: 1, date: '2022-09-07' },
  { id: 12, dayNo: 2, date: '2022-09-08' },
];
const SITI = { id: 5, code: 'ABCDEFGH', name: 'Siti', regency: null, institution: null, role: 'Peserta', deleted: false };

/** The verdict rules over plain lookups; scan.test.ts runs the same rules over SQLite. */
const lookups = (over: Partial<Lookups> = {}): Lookups => ({
  ownTag: 'TAG1',
  otherEvent: () => null,
  holder: (c) => (c === SITI.code ? SITI : null),
  replaced: () => null,
  standing: () => null,
  ...over,
});

describe('verdict rules', () => {
  it('says "badge replaced" for a replaced code, with the date, and never checks it in', () => {
    const d = decide(
      parseBadgeText('HDTAG1XYZC0DE1'),
      DAYS[0]!,
      lookups({ replaced: (c) => (c === 'XYZC0DE1' ? { replacedAt: '2022-09-06T08:00:00Z' } : null) }),
    );
    expect(d).toMatchObject({
      colour: 'red',
      reason: 'badge_replaced',
      logged: 'replaced',
      replaced: { replacedAt: '2022-09-06T08:00:00Z' },
    });
  });

  it('checks a badge of another tag only against other events, never against its own list', () => {
    // The code exists here, but the badge was printed for another event: not registered here.
    expect(decide(parseBadgeText('HDZZZZABCDEFGH'), DAYS[0]!, lookups())).toMatchObject({
      reason: 'not_registered',
      logParticipant: false,
    });
  });

  it('is amber with the standing check-in, green otherwise, and red without a day', () => {
    const standing = { scannedAt: '2022-09-07T01:00:00Z', station: 'Meja 2' };
    expect(decide(parseBadgeText('abcdefgh'), DAYS[0]!, lookups({ standing: () => standing }))).toMatchObject({
      colour: 'amber',
      previous: standing,
    });
    expect(decide(parseBadgeText('HDTAG1ABCDEFGH'), DAYS[1]!, lookups())).toMatchObject({ colour: 'green', holder: SITI });
    expect(decide(parseBadgeText('ABCDEFGH'), null, lookups())).toMatchObject({
      colour: 'red',
      reason: 'not_event_day',
      holder: SITI,
    });
    expect(decide(parseBadgeText(''), null, lookups())).toMatchObject({ colour: 'not_a_badge', logged: 'not_a_badge' });
  });
});

describe('verdict rules: a badge of this event with a code it does not hold', () => {
  it('is "not registered", even when another event on the kiosk holds that code', () => {
    // Codes are random per event, so two events can share one; the tag says whose badge it is.
    const other = { id: 2, name: 'Rakor Dinas Sosial' };
    const look = lookups({ otherEvent: (_tag, c) => (c === 'XYZC0DE1' ? other : null) });
    expect(decide(parseBadgeText('HDTAG1XYZC0DE1'), DAYS[0]!, look)).toEqual({
      colour: 'red',
      reason: 'not_registered',
      logged: 'unknown',
      holder: null,
      logParticipant: false,
    });
    // Typed by hand, the same code has no tag: the other event is named.
    expect(decide(parseBadgeText('XYZC0DE1'), DAYS[0]!, look)).toMatchObject({ reason: 'other_event', otherEvent: other });
  });
});

describe('day choice', () => {
  it("takes today's date, the operator's day over it, and refuses a day the event does not have", () => {
    expect(chooseDay(DAYS, '2022-09-08')).toEqual({ day: DAYS[1], source: 'auto' });
    expect(chooseDay(DAYS, '2022-09-08', 1)).toEqual({ day: DAYS[0], source: 'operator' });
    expect(chooseDay(DAYS, '2022-09-09')).toEqual({ day: null, source: 'auto' });
    expect(chooseDay(DAYS, '2022-09-09', 3)).toBe('unknown_day');
  });
});
