import { stmt, type Db } from '../connection';

/** Every registered participant with the day numbers they are present on (attendance view). */
export function recapPeople(
  db: Db,
  eventId: number,
): { regency: string | null; role: string; daysPresent: number[]; override: boolean }[] {
  const rows = stmt(
    db,
    `SELECT p.regency, p.role, group_concat(d.day_no) AS days,
       EXISTS (SELECT 1 FROM cert_override o WHERE o.event_id = p.event_id AND o.participant_id = p.id) AS override
     FROM participant p
     LEFT JOIN attendance a ON a.participant_id = p.id
     LEFT JOIN event_day d ON d.id = a.event_day_id
     WHERE p.event_id = ? AND p.deleted_at IS NULL
     GROUP BY p.id`,
  ).all(eventId) as { regency: string | null; role: string; days: string | null; override: number }[];
  return rows.map((r) => ({
    regency: r.regency,
    role: r.role,
    daysPresent: r.days ? r.days.split(',').map(Number) : [],
    override: r.override === 1,
  }));
}

export interface SheetRow {
  name: string;
  regency: string | null;
  institution: string | null;
  role: string;
  firstAt: string | null;
}

/**
 * The daftar hadir's rows for one day: present people only, or everyone (absent ones with no
 * time), in check-in order (absent last, by name) or by name.
 */
export function sheetRows(db: Db, eventId: number, eventDayId: number, scope: 'present' | 'all', order: 'time' | 'name'): SheetRow[] {
  const join = scope === 'present' ? 'JOIN' : 'LEFT JOIN';
  const by = order === 'time' ? 'a.first_at IS NULL, a.first_at, p.name COLLATE NOCASE' : 'p.name COLLATE NOCASE, a.first_at';
  return stmt(
    db,
    `SELECT p.name, p.regency, p.institution, p.role, a.first_at AS firstAt
     FROM participant p
     ${join} attendance a ON a.participant_id = p.id AND a.event_day_id = ?
     WHERE p.event_id = ? AND p.deleted_at IS NULL
     ORDER BY ${by}, p.id`,
  ).all(eventDayId, eventId) as SheetRow[];
}

/** First check-in time of every person present, per event day, for the dashboard's timeline. */
export function checkinTimes(db: Db, eventId: number): { eventDayId: number; firstAt: string }[] {
  return stmt(
    db,
    `SELECT a.event_day_id AS eventDayId, a.first_at AS firstAt
     FROM attendance a JOIN participant p ON p.id = a.participant_id
     WHERE p.event_id = ? AND p.deleted_at IS NULL`,
  ).all(eventId) as { eventDayId: number; firstAt: string }[];
}
