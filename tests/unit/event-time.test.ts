import { describe, expect, it } from 'vitest';
import { eventTime } from '../../electron/shared/time-zone';

describe('eventTime: the one way a time is written on screen', () => {
  it("writes the event's clock with its zone, whatever the process's zone", () => {
    const at = '2022-09-07T16:56:00.000Z';
    expect(eventTime(at, 'Asia/Jakarta', 'id')).toBe('23.56 WIB');
    expect(eventTime(at, 'Asia/Jakarta', 'en')).toBe('23:56 WIB');
    expect(eventTime(at, 'Asia/Makassar', 'id')).toBe('00.56 WITA');
    expect(eventTime(new Date(at), 'Asia/Jayapura', 'en')).toBe('01:56 WIT');
    expect(eventTime(at, 'Asia/Jakarta', 'id', { date: true })).toBe('7 Sep 2022 23.56 WIB');
    expect(eventTime(at, 'Asia/Jayapura', 'en', { date: true })).toBe('8 Sept 2022 01:56 WIT');
    expect(eventTime('not a time', 'Asia/Jakarta', 'id')).toBe('');
  });
});
