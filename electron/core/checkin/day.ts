import type { EventDay } from '../../shared/event';

export type DayChoice =
  | { day: EventDay; source: 'auto' | 'operator' }
  /** Today is not one of the event's dates and the operator chose none. */
  | { day: null; source: 'auto' };

/**
 * The event day a scan counts for. The operator's choice wins (a desk opened the evening before,
 * a make-up session); otherwise the day whose date is today in the event's time zone.
 * `override` must be a day number of the event: the caller refuses anything else.
 */
export function chooseDay(days: readonly EventDay[], today: string, override?: number | null): DayChoice | 'unknown_day' {
  if (override != null) {
    const d = days.find((x) => x.dayNo === override);
    return d ? { day: d, source: 'operator' } : 'unknown_day';
  }
  const d = days.find((x) => x.date === today);
  return d ? { day: d, source: 'auto' } : { day: null, source: 'auto' };
}
