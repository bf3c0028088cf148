import type { AttendanceRow, CheckinStats, Colour, CountRow, Reason, RecentScan } from '../../shared/checkin';
import { localDate, localTime } from '../../shared/time-zone';
import { listDays } from '../../db/repositories/events';
import { attendanceRows, dayCounts, recentScans, type GroupCount, type Verdict } from '../../db/repositories/scans';
import type { Ctx } from '../context';
import { readEvent } from './event-of';
import { dayRef, resolveDay } from './scan';

/** The log's verdict as the desk's colour and reason (the inverse of verdict.ts's `logged`). */
export const SHOWN: Record<Verdict, { verdict: Colour | 'undo'; reason: Reason | 'undo' }> = {
  ok: { verdict: 'green', reason: 'checked_in' },
  duplicate: { verdict: 'amber', reason: 'already_checked_in' },
  unknown: { verdict: 'red', reason: 'not_registered' },
  replaced: { verdict: 'red', reason: 'badge_replaced' },
  other_event: { verdict: 'red', reason: 'other_event' },
  wrong_day: { verdict: 'red', reason: 'not_event_day' },
  not_a_badge: { verdict: 'not_a_badge', reason: 'not_a_badge' },
  undo: { verdict: 'undo', reason: 'undo' },
};

/** Sums the (regency, role) counts by one of the two; largest groups first, then by name. */
function sumBy(rows: GroupCount[], key: 'regency' | 'role'): CountRow[] {
  const m = new Map<string, CountRow>();
  for (const r of rows) {
    const name = r[key] ?? '';
    const c = m.get(name) ?? { name, expected: 0, present: 0 };
    c.expected += r.expected;
    c.present += r.present;
    m.set(name, c);
  }
  return [...m.values()].sort((a, b) => b.expected - a.expected || a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }));
}

/** The desk's live counters: present of expected on the day, per regency and role, and the last scans. */
export function stats(ctx: Ctx, args: { eventId?: number; day?: number | null; recent: number }): CheckinStats {
  const event = readEvent(ctx, args.eventId);
  const today = localDate(ctx.now(), event.timeZone);
  const days = listDays(ctx.db, event.id);
  const choice = resolveDay(ctx, event, args.day);
  const dayId = choice.day?.id ?? null;
  const counts = dayCounts(ctx.db, event.id, dayId);
  const byRegency = sumBy(counts, 'regency');
  const byRole = sumBy(counts, 'role');
  const recent: RecentScan[] = recentScans(ctx.db, event.id, args.recent).map((r) => ({
    uuid: r.uuid,
    at: r.scannedAt,
    time: localTime(new Date(r.scannedAt), event.timeZone),
    desk: r.station,
    ...SHOWN[r.verdict],
    name: r.name,
    rawCode: r.rawCode,
    dayNo: r.dayNo,
  }));
  return {
    timeZone: event.timeZone,
    today,
    todayDay: days.find((d) => d.date === today)?.dayNo ?? null,
    day: dayRef(choice.day),
    days: days.map((d) => dayRef(d)!),
    expected: byRole.reduce((n, r) => n + r.expected, 0),
    present: byRole.reduce((n, r) => n + r.present, 0),
    byRegency,
    byRole,
    recent,
  };
}

/** Who was present, per day (all days unless one is given). */
export function attendance(ctx: Ctx, args: { eventId?: number; day?: number | null }): AttendanceRow[] {
  const event = readEvent(ctx, args.eventId);
  const dayId = args.day == null ? null : resolveDay(ctx, event, args.day).day!.id;
  return attendanceRows(ctx.db, event.id, dayId).map((r) => ({ ...r, time: localTime(new Date(r.firstAt), event.timeZone) }));
}
