// A browser desk's place at the hub (issue 19, item 7): the token the hub gave it on joining,
// tied to its name, and its role ("check-in only" unless the organiser's PIN was given). Kept in
// this tab's sessionStorage like the access key. The hub laptop itself, a host that is not a
// hub, and Electron are the organiser with no token.
import type { DeskRole } from '../../electron/shared/desk-roles';
import type { OpError } from '../../electron/shared/result';

export interface DeskSession {
  /** Sent with every request (x-hadir-desk); null on the hub laptop itself or a host that is no hub. */
  token: string | null;
  role: DeskRole;
  /** Whether the organiser has set a PIN (else the desk says how to set one). */
  pinSet: boolean;
  /** The name the hub knows this desk by. */
  name: string;
}

const ITEM = 'hadir.deskSession';
/** The session a page without a hub works with: everything, as before roles. */
export const ORGANISER: DeskSession = { token: null, role: 'organiser', pinSet: false, name: '' };

let session: DeskSession | null = read();
/**
 * Set when the organiser revoked this desk: the page says so and stops asking, also after a
 * reload (else it would join again with the key as a new desk). A new address (#key=…) clears it.
 */
const REVOKED_ITEM = 'hadir.deskRevoked';
let revoked = sessionStorage.getItem(REVOKED_ITEM) !== null;
const listeners = new Set<() => void>();

function read(): DeskSession | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(ITEM) ?? 'null') as DeskSession | null;
    return v && (v.role === 'checkin' || v.role === 'organiser') ? v : null;
  } catch {
    return null;
  }
}

/** Replaces the session (api.ts joins the hub; this module only keeps the answer). */
export function setDeskSession(next: DeskSession | null): void {
  set(next);
}

function set(next: DeskSession | null) {
  session = next;
  if (next) sessionStorage.setItem(ITEM, JSON.stringify(next));
  else sessionStorage.removeItem(ITEM);
  for (const l of listeners) l();
}

export const deskSession = (): DeskSession | null => session;
export const deskRevoked = (): boolean => revoked;

/** Calls `fn` whenever the session changes (joined, renamed, became organiser, revoked). */
export function onDeskSession(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export class JoinRefused extends Error {
  constructor(readonly error: OpError) {
    super(error.message);
  }
}

/** The hub no longer knows this token (restarted, or a new key): join again on the next request. */
export function forgetDeskToken(): void {
  set(null);
}

/** The organiser revoked this desk: forget its token and the key this tab kept; the page says so. */
export function markRevoked(): void {
  // Requests in flight answer the same: the first one decides (the key is gone after it).
  if (revoked) return;
  revoked = true;
  // The key it was revoked under: opening the same address again does not make it a new desk.
  sessionStorage.setItem(REVOKED_ITEM, sessionStorage.getItem('hadir.key') ?? '');
  sessionStorage.removeItem('hadir.key'); // api.ts KEY_ITEM
  set(null);
}

/** A desk address was opened (#key=…): with a new key (the organiser made one) this tab may join again. */
export function clearRevoked(key: string): void {
  if (!revoked || sessionStorage.getItem(REVOKED_ITEM) === key) return;
  revoked = false;
  sessionStorage.removeItem(REVOKED_ITEM);
  set(null);
}

/** The outbox size the desk reports to the hub with every request (x-hadir-outbox). */
let outbox: number | null = null;
export const reportOutbox = (n: number) => void (outbox = n);
export const reportedOutbox = (): number | null => outbox;
