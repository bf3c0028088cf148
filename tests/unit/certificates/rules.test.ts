import { describe, expect, it } from 'vitest';
import { eligibility } from '../../../electron/core/certificates/eligibility';
import { formatNumber, roman } from '../../../electron/shared/cert-number';
import { numberPattern } from '../../../electron/shared/certificates';
import { idDate, idDateList } from '../../../electron/shared/id-dates';
import { decodeDays, encodeDays } from '../../../electron/shared/cert-claim';

const facts = (daysPresent: number[], extra: Partial<Parameters<typeof eligibility>[1]> = {}) => ({
  daysPresent,
  totalDays: 2,
  deleted: false,
  override: false,
  ...extra,
});

describe('eligibility rules (pure)', () => {
  it('"present on all days": both days qualify, one day does not and says which day is missing', () => {
    expect(eligibility({ kind: 'all_days' }, facts([1, 2]))).toEqual({ eligible: true, via: 'rule', reason: null });
    expect(eligibility({ kind: 'all_days' }, facts([2]))).toEqual({
      eligible: false,
      via: null,
      reason: { code: 'missing_days', present: [2], missing: [1], required: 2, total: 2 },
    });
  });

  it('"at least N of M days" counts distinct days; N above M means all days', () => {
    const r = { kind: 'min_days', min: 2 } as const;
    expect(eligibility(r, facts([1, 3], { totalDays: 3 })).eligible).toBe(true);
    expect(eligibility(r, facts([3, 3], { totalDays: 3 })).reason).toMatchObject({ present: [3], missing: [1, 2], required: 2 });
    expect(eligibility({ kind: 'min_days', min: 5 }, facts([1, 2])).eligible).toBe(true);
    expect(eligibility({ kind: 'min_days', min: 1 }, facts([])).eligible).toBe(false);
  });

  it('an override qualifies and keeps the reason it covers; a deleted participant never qualifies', () => {
    expect(eligibility({ kind: 'all_days' }, facts([1], { override: true }))).toMatchObject({
      eligible: true,
      via: 'override',
      reason: { code: 'missing_days', missing: [2] },
    });
    expect(eligibility({ kind: 'all_days' }, facts([1, 2], { deleted: true, override: true }))).toEqual({
      eligible: false,
      via: null,
      reason: { code: 'deleted' },
    });
  });

  it('lists the days present and missing in day order, counting no day outside the event', () => {
    // Scans of days 7, 2 and 10 of a 12-day event, read back in the order the log holds them.
    expect(eligibility({ kind: 'min_days', min: 4 }, facts([10, 2, 7, 2], { totalDays: 12 })).reason).toEqual({
      code: 'missing_days',
      present: [2, 7, 10],
      missing: [1, 3, 4, 5, 6, 8, 9, 11, 12],
      required: 4,
      total: 12,
    });
    // A day 0 or a day 3 of a 2-day event (a day since removed) is no attendance.
    expect(eligibility({ kind: 'all_days' }, facts([0, 1, 3]))).toEqual({
      eligible: false,
      via: null,
      reason: { code: 'missing_days', present: [1], missing: [2], required: 2, total: 2 },
    });
    expect(eligibility({ kind: 'min_days', min: 1 }, facts([0])).eligible).toBe(false);
    expect(eligibility({ kind: 'min_days', min: 1 }, facts([1])).eligible).toBe(true);
  });
});

describe('certificate numbers', () => {
  it('fills the pattern: sequence padded, month in Roman numerals, year', () => {
    expect(formatNumber('{seq:03}/PSM/DINSOS/{month:roman}/{year}', 1, '2022-09-08')).toBe('001/PSM/DINSOS/IX/2022');
    expect(formatNumber('{seq:03}/PSM/DINSOS/{month:roman}/{year}', 1234, '2022-12-01')).toBe('1234/PSM/DINSOS/XII/2022');
    expect(formatNumber('SERT-{year:2}{month:02}{day:02}-{seq}', 7, '2022-09-08')).toBe('SERT-220908-7');
    expect([1, 4, 9, 14, 40, 90, 400, 1994].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'XC', 'CD', 'MCMXCIV']);
  });

  it('refuses a pattern without exactly one {seq}, with an unknown token, or with the claim separator', () => {
    expect(numberPattern.safeParse('{seq:03}/PSM/{month:roman}/{year}').success).toBe(true);
    for (const bad of ['PSM/{year}', '{seq}/{seq}', '{seq}/{bulan}', '{seq}|PSM', '{seq:3}/X']) {
      expect(numberPattern.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('dates on certificates', () => {
  it('writes Indonesian dates and ranges', () => {
    expect(idDate('2022-09-08')).toBe('8 September 2022');
    expect(idDateList(['2022-09-08', '2022-09-07'])).toBe('7–8 September 2022');
    expect(idDateList(['2022-09-30', '2022-10-01'])).toBe('30 September – 1 Oktober 2022');
    expect(idDateList(['2022-12-31', '2023-01-01'])).toBe('31 Desember 2022 – 1 Januari 2023');
    expect(idDateList(['2022-09-07', '2022-09-09'])).toBe('7 dan 9 September 2022');
    expect(idDateList(['2022-09-28', '2022-10-03', '2022-10-05'])).toBe('28 September, 3 dan 5 Oktober 2022');
  });

  it('encodes attended days compactly in the claim and reads them back', () => {
    const days = ['2022-09-07', '2022-09-08', '2022-09-09', '2022-09-12'];
    expect(encodeDays(days)).toBe('20220907*3,20220912');
    expect(decodeDays(encodeDays(days))).toEqual(days);
    expect(encodeDays(['2022-12-31', '2023-01-01'])).toBe('20221231*2');
    expect(decodeDays('20220230')).toBeNull();
    expect(decodeDays('')).toEqual([]);
  });
});
