import { stmt, type Db } from '../connection';
import { logoMime, type EventDay, type EventInput, type EventSummary, type HadirEvent } from '../../shared/event';
import { getSetting, setSetting } from './settings';
import { DEFAULT_TIME_ZONE, type TimeZone } from '../../shared/time-zone';
import { listProgramme, replaceProgramme } from './programme';

const ACTIVE = 'active_event_id';
/** The demo event is marked by a setting, not a column: no migration, and the key dies with the
 * event's id only if someone deletes the row by hand (events are never deleted by the app). */
const DEMO_PREFIX = 'demo_event:';

export function markDemo(db: Db, id: number): void {
  setSetting(db, DEMO_PREFIX + id, '1');
}

function isDemo(db: Db, id: number): boolean {
  return getSetting(db, DEMO_PREFIX + id) === '1';
}

interface EventRow {
  id: number;
  name: string;
  organiser: string;
  venue: string;
  city: string;
  signatory_name: string;
  signatory_title: string;
  signatory_nip: string;
  time_zone: TimeZone;
  signatory_rank: string;
  created_at: string;
  archived_at: string | null;
  logo_head: Buffer | null;
  logo_bytes: number | null;
}

export function activeEventId(db: Db): number | null {
  const v = getSetting(db, ACTIVE);
  return v ? Number(v) : null;
}

export function setActiveEvent(db: Db, id: number): void {
  setSetting(db, ACTIVE, String(id));
}

export function listEvents(db: Db): EventSummary[] {
  const active = activeEventId(db);
  const rows = stmt(
    db,
    `SELECT e.id, e.name, e.city,
       (SELECT MIN(date) FROM event_day d WHERE d.event_id = e.id) AS firstDay,
       (SELECT MAX(date) FROM event_day d WHERE d.event_id = e.id) AS lastDay,
       (SELECT COUNT(*) FROM participant p WHERE p.event_id = e.id AND p.deleted_at IS NULL) AS participantCount,
       e.archived_at IS NOT NULL AS archived,
       EXISTS (SELECT 1 FROM setting s WHERE s.key = '${DEMO_PREFIX}' || e.id AND s.value = '1') AS demo
     FROM event e ORDER BY firstDay DESC, e.id DESC`,
  ).all() as (Omit<EventSummary, 'active' | 'archived' | 'demo'> & { archived: number; demo: number })[];
  return rows.map((r) => ({ ...r, archived: r.archived === 1, demo: r.demo === 1, active: r.id === active }));
}

export function insertEvent(db: Db, e: EventInput, secret: Buffer, at: string, roles: readonly string[]): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO event(name, organiser, venue, city, signatory_name, signatory_title, signatory_nip, time_zone, signatory_rank, secret, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.name,
      e.organiser,
      e.venue,
      e.city,
      e.signatoryName,
      e.signatoryTitle,
      e.signatoryNip,
      e.timeZone ?? DEFAULT_TIME_ZONE,
      e.signatoryRank ?? '',
      secret,
      at,
    ).lastInsertRowid,
  );
  replaceDays(db, id, e.days);
  if (e.programme) replaceProgramme(db, id, e.programme);
  const addRole = stmt(db, 'INSERT INTO role(event_id, name, position) VALUES (?, ?, ?)');
  roles.forEach((r, i) => addRole.run(id, r, i));
  setActiveEvent(db, id);
  return id;
}

export function updateEvent(db: Db, id: number, e: EventInput): void {
  stmt(
    db,
    `UPDATE event SET name = ?, organiser = ?, venue = ?, city = ?, signatory_name = ?, signatory_title = ?, signatory_nip = ?,
       time_zone = COALESCE(?, time_zone)
     WHERE id = ?`,
  ).run(e.name, e.organiser, e.venue, e.city, e.signatoryName, e.signatoryTitle, e.signatoryNip, e.timeZone ?? null, id);
  if (e.signatoryRank !== undefined) stmt(db, 'UPDATE event SET signatory_rank = ? WHERE id = ?').run(e.signatoryRank, id);
  if (e.programme) replaceProgramme(db, id, e.programme);
  replaceDays(db, id, e.days);
}

/**
 * Days keep their row (and so their scans) when their date stays; a removed day that already
 * has scans is refused by the scan table's foreign key, which the caller reports.
 */
function replaceDays(db: Db, eventId: number, dates: string[]): void {
  const keep = new Set(dates);
  const existing = listDays(db, eventId);
  const del = stmt(db, 'DELETE FROM event_day WHERE id = ?');
  for (const d of existing) if (!keep.has(d.date)) del.run(d.id);
  // Renumber in two steps so UNIQUE(event_id, day_no) never collides midway.
  stmt(db, 'UPDATE event_day SET day_no = day_no + 1000 WHERE event_id = ?').run(eventId);
  const upsert = stmt(
    db,
    `INSERT INTO event_day(event_id, day_no, date) VALUES (?, ?, ?)
     ON CONFLICT(event_id, date) DO UPDATE SET day_no = excluded.day_no`,
  );
  dates.forEach((date, i) => upsert.run(eventId, i + 1, date));
}

/** Whether any scan (of any verdict) points at this day: such a day cannot be removed. Index scan_day. */
export function dayHasScans(db: Db, dayId: number): boolean {
  return stmt(db, 'SELECT 1 FROM scan WHERE event_day_id = ? LIMIT 1').get(dayId) !== undefined;
}

export function listDays(db: Db, eventId: number): EventDay[] {
  return stmt(db, 'SELECT id, day_no AS dayNo, date FROM event_day WHERE event_id = ? ORDER BY day_no').all(
    eventId,
  ) as EventDay[];
}

export function listRoles(db: Db, eventId: number): string[] {
  return (stmt(db, 'SELECT name FROM role WHERE event_id = ? ORDER BY position').all(eventId) as { name: string }[]).map(
    (r) => r.name,
  );
}

export function addRole(db: Db, eventId: number, name: string): void {
  stmt(
    db,
    `INSERT INTO role(event_id, name, position)
     VALUES (?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM role WHERE event_id = ?))
     ON CONFLICT DO NOTHING`,
  ).run(eventId, name, eventId);
}

export function setLogo(db: Db, id: number, logo: Uint8Array | null): void {
  stmt(db, 'UPDATE event SET logo = ? WHERE id = ?').run(logo, id);
}

export function getLogo(db: Db, id: number): Buffer | null {
  const r = stmt(db, 'SELECT logo FROM event WHERE id = ?').get(id) as { logo: Buffer | null } | undefined;
  return r?.logo ?? null;
}

/** Whether an event exists and can be recorded into: the cheap look-up every recording operation makes. */
export function eventStatus(db: Db, id: number): { name: string; archived: boolean } | null {
  const r = stmt(db, 'SELECT name, archived_at FROM event WHERE id = ?').get(id) as
    { name: string; archived_at: string | null } | undefined;
  return r ? { name: r.name, archived: r.archived_at !== null } : null;
}

/** Archived: readable, no longer recorded into. `at` null takes the event out of the archive. */
export function setArchived(db: Db, id: number, at: string | null): void {
  stmt(db, 'UPDATE event SET archived_at = ? WHERE id = ?').run(at, id);
}

export function getEvent(db: Db, id: number): HadirEvent | null {
  // Not SELECT *: the logo (up to 1 MB) and the secret stay in the file; only the logo's first
  // bytes are read, to tell PNG from JPEG.
  const r = stmt(
    db,
    `SELECT id, name, organiser, venue, city, signatory_name, signatory_title, signatory_nip, time_zone, signatory_rank, created_at, archived_at,
       substr(logo, 1, 4) AS logo_head, length(logo) AS logo_bytes
     FROM event WHERE id = ?`,
  ).get(id) as EventRow | undefined;
  if (!r) return null;
  const count = stmt(db, 'SELECT COUNT(*) AS n FROM participant WHERE event_id = ? AND deleted_at IS NULL').get(id) as {
    n: number;
  };
  return {
    id: r.id,
    name: r.name,
    organiser: r.organiser,
    venue: r.venue,
    city: r.city,
    signatoryName: r.signatory_name,
    signatoryTitle: r.signatory_title,
    signatoryNip: r.signatory_nip,
    signatoryRank: r.signatory_rank,
    programme: listProgramme(db, id),
    days: listDays(db, id),
    timeZone: r.time_zone,
    roles: listRoles(db, id),
    participantCount: count.n,
    // Stored logos were checked on the way in (core/event/logo.ts), so the format is known.
    logo: r.logo_head && r.logo_bytes ? { mime: logoMime(r.logo_head) ?? 'image/png', bytes: r.logo_bytes } : null,
    createdAt: r.created_at,
    archived: r.archived_at !== null,
    demo: isDemo(db, r.id),
  };
}
