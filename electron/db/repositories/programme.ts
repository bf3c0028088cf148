import { stmt, type Db } from '../connection';
import type { ProgrammeItem } from '../../shared/event';

/** The programme (materials, JP, speakers) of an event, in order. */
export function listProgramme(db: Db, eventId: number): ProgrammeItem[] {
  return stmt(db, 'SELECT material, jp, speaker, moderator FROM programme_item WHERE event_id = ? ORDER BY position').all(eventId) as never;
}

export function replaceProgramme(db: Db, eventId: number, items: ProgrammeItem[]): void {
  stmt(db, 'DELETE FROM programme_item WHERE event_id = ?').run(eventId);
  const ins = stmt(db, 'INSERT INTO programme_item(event_id, position, material, jp, speaker, moderator) VALUES (?, ?, ?, ?, ?, ?)');
  items.forEach((p, i) => ins.run(eventId, i + 1, p.material, p.jp, p.speaker, p.moderator));
}
