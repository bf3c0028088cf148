import type { TimelineDay } from '../../shared/reports';
import { localTime, type TimeZone } from '../../shared/time-zone';

/** Check-ins per 10 minutes of each day, in the event's time zone: where the queue peaked. */
export function buildTimeline(
  days: { id: number; dayNo: number; date: string }[],
  times: { eventDayId: number; firstAt: string }[],
  zone: TimeZone,
): TimelineDay[] {
  return days.map((d) => {
    const bins = new Map<number, number>();
    for (const t of times) {
      if (t.eventDayId !== d.id) continue;
      const [h, m] = localTime(new Date(t.firstAt), zone).split(':').map(Number);
      const bin = h! * 60 + Math.floor(m! / 10) * 10;
      bins.set(bin, (bins.get(bin) ?? 0) + 1);
    }
    return { dayNo: d.dayNo, date: d.date, bins: [...bins.entries()].sort((a, b) => a[0] - b[0]) };
  });
}
