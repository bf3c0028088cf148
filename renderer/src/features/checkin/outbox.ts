// A desk's outbox (issue 19, item 3): the scans it made while the hub could not be reached, kept
// in the browser's IndexedDB (they survive a reload, a closed tab, a phone that restarts the
// browser) until the hub has stored them. Each carries the UUID the desk made and the time it was
// scanned; the hub stores a UUID once (core/checkin/replay.ts), so sending one again after a lost
// answer is harmless. Sent oldest first, one at a time, so the log keeps the desk's order.
import type { PendingShown, ScanInput, ScanOutcome } from '../../../../electron/shared/checkin';
import { api, ApiError } from '../../api';

export interface QueuedScan {
  uuid: string;
  eventId: number;
  desk: string;
  text: string;
  input: ScanInput;
  day: number | null;
  /** When it was scanned (ISO): the hub counts it at this time. */
  at: string;
  /** What the desk showed meanwhile (the hub's reconciliation lists it). */
  shown?: PendingShown;
}

const DB_NAME = 'hadir-desk';
const STORE = 'outbox';
/** Scans the hub refused for a reason other than the network: kept, never silently dropped. */
const REFUSED = 'refused';
/** The event's badges as this desk last read them (snapshot.ts). */
export const SNAPSHOT = 'snapshot';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      // Auto-increment keys: the order the desk scanned in.
      req.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
      req.result.createObjectStore(REFUSED, { keyPath: 'uuid' });
      req.result.createObjectStore(SNAPSHOT, { keyPath: 'eventId' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let db: Promise<IDBDatabase> | null = null;
const database = () => (db ??= openDb());

/** Runs one transaction; resolves when it is committed (the scan is then on the desk's disk). */
export async function tx<T>(stores: string[], mode: IDBTransactionMode, work: (t: IDBTransaction) => IDBRequest<T> | void): Promise<T | undefined> {
  const d = await database();
  return new Promise((resolve, reject) => {
    const t = d.transaction(stores, mode, { durability: 'strict' });
    const req = work(t);
    t.oncomplete = () => resolve(req ? req.result : undefined);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });
}

/**
 * A version 4 UUID. crypto.randomUUID exists on secure pages only; a desk on plain HTTP (a host
 * that is not a hub) still scans, so the same from getRandomValues, which every page has.
 */
export function newScanUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

let persistAsked = false;

/** Keeps a scan until the hub has it. Resolves once it is written to the desk's storage. */
export async function enqueue(scan: QueuedScan): Promise<void> {
  // Ask once that the browser never evicts this storage under pressure (a phone low on space).
  if (!persistAsked) {
    persistAsked = true;
    void navigator.storage?.persist?.().catch(() => false);
  }
  await tx([STORE], 'readwrite', (t) => t.objectStore(STORE).add(scan));
}

/** Scans waiting to be sent, oldest first, with their keys. */
async function waiting(): Promise<{ seq: number; scan: QueuedScan }[]> {
  const all = (await tx([STORE], 'readonly', (t) => t.objectStore(STORE).getAll() as IDBRequest<(QueuedScan & { seq: number })[]>)) ?? [];
  return all.map(({ seq, ...scan }) => ({ seq, scan }));
}

export async function waitingCount(): Promise<number> {
  return (await tx([STORE], 'readonly', (t) => t.objectStore(STORE).count())) ?? 0;
}

export interface FlushResult {
  sent: { scan: QueuedScan; out: ScanOutcome }[];
  /** The hub was still unreachable: the rest waits for the next try. */
  stopped: boolean;
}

let flushing: Promise<FlushResult> | null = null;

/**
 * Sends every waiting scan, oldest first; stops at the first network failure. One flush at a
 * time per page: two at once would send the same scan twice (harmless, but wasteful).
 */
export function flush(): Promise<FlushResult> {
  return (flushing ??= (async () => {
    const result: FlushResult = { sent: [], stopped: false };
    try {
      for (const { seq, scan } of await waiting()) {
        let out: ScanOutcome;
        try {
          out = await api('checkin.scan', scan);
        } catch (e) {
          if (e instanceof ApiError && (e.error.code === 'host_unreachable' || e.error.code === 'access_key')) {
            result.stopped = true;
            break;
          }
          // Refused for what it is (an archived event, a day that is not the event's): set aside
          // with the reason, so the queue moves on and nothing is lost.
          const code = e instanceof ApiError ? e.error.code : 'internal';
          await tx([STORE, REFUSED], 'readwrite', (t) => {
            t.objectStore(REFUSED).put({ ...scan, refused: code });
            t.objectStore(STORE).delete(seq);
          });
          continue;
        }
        // Stored (or stored before: replayed): only now does it leave the desk.
        await tx([STORE], 'readwrite', (t) => t.objectStore(STORE).delete(seq));
        result.sent.push({ scan, out });
      }
    } finally {
      flushing = null;
    }
    return result;
  })());
}
