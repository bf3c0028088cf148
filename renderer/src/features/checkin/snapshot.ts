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
  /** Badge codes a reissue retired: whose they were and when (absent in a snapshot kept by an older page). */
  replaced?: Record<string, { name: string; replacedAt: string }>;
}

const PAGE = 1000;
/**
 * How long each request of the read may wait: a page, not the whole read (a congress of 20,000
 * is 20 pages, and a crowded venue Wi-Fi makes the whole read as slow as it likes). Without a
 * bound, a hub that takes the connection and never answers held it until TCP gave up, minutes
 * later, one more every 2 min, beside the counters' reads: the outbox's scans then waited behind
 * them (docs/engineering/hub-outbox-flake.md). A page of 1,000 people is ~450 KB of JSON that the
 * hub lists in ~20 ms: 30 s lets it through a Wi-Fi giving this desk 120 kbit/s. A read cut
 * short keeps the old snapshot; the next one (2 min later) starts again.
 */
const PAGE_ANSWER_MS = 30_000;

/** The read under way per event: a second one (the 2 min timer, the screen opened again) joins it. */
const reading = new Map<number, Promise<Snapshot>>();

/** Reads the event's badges from the hub and keeps them; the old snapshot stays if this fails. */
export function refreshSnapshot(eventId: number): Promise<Snapshot> {
  let read = reading.get(eventId);
  if (!read) {
    read = readSnapshot(eventId).finally(() => reading.delete(eventId));
    reading.set(eventId, read);
  }
  return read;
}

async function readSnapshot(eventId: number): Promise<Snapshot> {
  const within = { waitMs: PAGE_ANSWER_MS };
  const people: Record<string, SnapshotPerson> = {};
  for (let offset = 0; ; offset += PAGE) {
    const page = await api('participants.list', { eventId, limit: PAGE, offset }, within);
    for (const p of page.rows) people[p.code] = { name: p.name, role: p.role, regency: p.regency ?? null, days: p.daysPresent };
    if (page.rows.length < PAGE) break;
  }
  const replaced: NonNullable<Snapshot['replaced']> = {};
  for (const r of await api('checkin.replacedCodes', { eventId }, within)) replaced[r.code] = { name: r.name, replacedAt: r.replacedAt };
  const snap: Snapshot = { eventId, at: new Date().toISOString(), people, replaced };
  await tx([SNAPSHOT], 'readwrite', (t) => t.objectStore(SNAPSHOT).put(snap));
  return snap;
}

export async function storedSnapshot(eventId: number): Promise<Snapshot | null> {
  return ((await tx([SNAPSHOT], 'readonly', (t) => t.objectStore(SNAPSHOT).get(eventId))) as Snapshot | undefined) ?? null;
}

/** What the desk can say of a badge without the hub (issue 19): from its snapshot. */
export type ProvisionalRead =
  | { kind: 'present'; person: SnapshotPerson }
  | { kind: 'already'; person: SnapshotPerson; day: number }
  | { kind: 'replaced'; name: string; replacedAt: string }
  | { kind: 'unknown' };

/**
 * The provisional verdict for a code on event day `day` (null: not an event day the desk knows):
 * already in today per the snapshot (or an earlier offline scan at this desk), a replaced badge,
 * a person, or a code not in the snapshot. The hub's own verdict stands when the scan arrives.
 */
export function provisionalRead(snap: Snapshot | null, code: string | null, day: number | null): ProvisionalRead {
  if (!snap || !code) return { kind: 'unknown' };
  const person = snap.people[code];
  if (person) return day !== null && person.days.includes(day) ? { kind: 'already', person, day } : { kind: 'present', person };
  const old = snap.replaced?.[code];
  return old ? { kind: 'replaced', ...old } : { kind: 'unknown' };
}

/** Notes an offline scan in the desk's snapshot, so a second one of the same badge today says "already". */
export function markPresent(snap: Snapshot | null, code: string | null, day: number | null): void {
  const person = code ? snap?.people[code] : undefined;
  if (person && day !== null && !person.days.includes(day)) person.days = [...person.days, day];
}
