// What a desk knows of the event's badges when the hub cannot be reached (issue 19, item 3): code
// → name, role, regency/city and the days each person is already in, read while the hub
// answers and kept in IndexedDB beside the outbox. Nothing personal beyond what the verdict
// shows is kept on the desk (no NIK, phone or e-mail): a lost phone gives away no more than its
// screen did.
import { api } from '../../api';
import { SNAPSHOT, tx } from './outbox';

export interface SnapshotPerson {
  name: string;
  role: string;
  regency: string | null;
  /** Event days this person was already checked in on when the snapshot was read. */
  days: number[];
}

export interface Snapshot {
  eventId: number;
  /** When it was read (ISO). */
  at: string;
  people: Record<string, SnapshotPerson>;
}

const PAGE = 1000;

/** Reads the event's badges from the hub and keeps them; the old snapshot stays if this fails. */
export async function refreshSnapshot(eventId: number): Promise<Snapshot> {
  const people: Record<string, SnapshotPerson> = {};
  for (let offset = 0; ; offset += PAGE) {
    const page = await api('participants.list', { eventId, limit: PAGE, offset });
    for (const p of page.rows) people[p.code] = { name: p.name, role: p.role, regency: p.regency ?? null, days: p.daysPresent };
    if (page.rows.length < PAGE) break;
  }
  const snap: Snapshot = { eventId, at: new Date().toISOString(), people };
  await tx([SNAPSHOT], 'readwrite', (t) => t.objectStore(SNAPSHOT).put(snap));
  return snap;
}

export async function storedSnapshot(eventId: number): Promise<Snapshot | null> {
  return ((await tx([SNAPSHOT], 'readonly', (t) => t.objectStore(SNAPSHOT).get(eventId))) as Snapshot | undefined) ?? null;
}
