import crypto from 'node:crypto';
import type { DeskRole } from '../shared/desk-roles';
import type { DeskStore } from './hub-desk-store';

/** One desk as the hub screen lists it (shared/hub.ts `hubDesk`). */
export interface DeskEntry {
  /** A short public id for the hub screen's "revoke" (never the token). */
  id: string;
  name: string;
  role: DeskRole;
  address: string;
  joinedAt: string | null;
  lastAt: string;
  /** Scans waiting in the desk's outbox, as the desk last reported; null when it never did. */
  outbox: number | null;
  revoked: boolean;
  /** The hub laptop itself (loopback with the key): always the organiser, nothing to revoke. */
  local: boolean;
}

/** Desks remembered at most (a flood of joins cannot grow the hub without bound). */
const MAX_DESKS = 500;
/**
 * A desk's last contact changes on every request: it is written at most this often (the list is
 * written at once when a desk joins, is renamed, changes role or is revoked). After a crash a
 * desk's last contact may be this much older than it was; nothing else is lost.
 */
const CONTACT_WRITE_MS = 5_000;

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const plainAddress = (a: string) => a.replace(/^::ffff:/, '');

/**
 * The desks of a hub (issue 19, item 7): each desk on the venue network joins with the key and
 * gets its own token, tied to its name and role; every request it makes carries the token. One
 * desk can be revoked (its token is refused from then on) while the others keep working.
 * Tokens are kept as SHA-256 hashes only. With a store (hub-desk-store.ts: the data folder) a
 * restarted hub on the same key keeps every desk, revoked ones revoked; without one (tests, the
 * benchmark) they live in memory. A new key forgets them all.
 */
export class DeskRegistry {
  private readonly byHash = new Map<string, DeskEntry>();
  /** The hub laptop's own desks, by name (no token). Not kept: they are listed again on their next operation. */
  private readonly local = new Map<string, DeskEntry>();
  private contactTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store?: DeskStore,
    /** A write of the desk list failed (disk full, folder read-only): the desks keep working from memory. */
    private readonly onStoreError: (e: unknown) => void = () => {},
  ) {
    for (const [h, e] of store?.load() ?? []) this.byHash.set(h, e);
  }

  /** A new desk: its token (shown to it once) and entry. */
  join(name: string, role: DeskRole, address: string, now = new Date()): { token: string; entry: DeskEntry } {
    const token = crypto.randomBytes(24).toString('base64url');
    const entry: DeskEntry = {
      id: crypto.randomBytes(6).toString('hex'),
      name,
      role,
      address: plainAddress(address),
      joinedAt: now.toISOString(),
      lastAt: now.toISOString(),
      outbox: null,
      revoked: false,
      local: false,
    };
    this.byHash.set(hash(token), entry);
    if (this.byHash.size > MAX_DESKS) {
      // The longest silent desk that is not revoked goes first (a revoked one must stay refused).
      const oldest = [...this.byHash].filter(([, e]) => !e.revoked).sort((a, b) => a[1].lastAt.localeCompare(b[1].lastAt))[0];
      if (oldest) this.byHash.delete(oldest[0]);
    }
    this.save();
    return { token, entry };
  }

  /** The desk a token belongs to (revoked ones too: the host says so), or undefined. */
  find(token: unknown): DeskEntry | undefined {
    if (typeof token !== 'string' || token.length < 16 || token.length > 64) return undefined;
    return this.byHash.get(hash(token));
  }

  /** Notes a request from a desk: when, from where, and the outbox size it reported. */
  touch(entry: DeskEntry, address: string, outbox: number | null, now = new Date()): void {
    entry.lastAt = now.toISOString();
    entry.address = plainAddress(address);
    if (outbox !== null) entry.outbox = outbox;
    // Written later, once for many requests: this runs on every request a desk makes.
    if (this.store && !this.contactTimer) {
      this.contactTimer = setTimeout(() => this.flush(), CONTACT_WRITE_MS);
      this.contactTimer.unref();
    }
  }

  /** A joined desk renamed itself or gave the organiser PIN (same token). */
  update(entry: DeskEntry, name: string, role: DeskRole, address: string, now = new Date()): void {
    entry.name = name;
    entry.role = role;
    entry.lastAt = now.toISOString();
    entry.address = plainAddress(address);
    this.save();
  }

  /** Writes what is waiting (a desk's last contact) now: the hub is stopping. */
  flush(): void {
    if (this.contactTimer) clearTimeout(this.contactTimer);
    this.contactTimer = null;
    this.save();
  }

  /** Notes an operation by the hub laptop's own desk (by the name it records under). */
  sawLocal(name: string, address: string, now = new Date()): void {
    const e = this.local.get(name) ?? {
      id: `local-${this.local.size + 1}`,
      name,
      role: 'organiser' as const,
      address: '',
      joinedAt: null,
      lastAt: '',
      outbox: null,
      revoked: false,
      local: true,
    };
    this.local.delete(name);
    this.local.set(name, { ...e, address: plainAddress(address), lastAt: now.toISOString() });
    if (this.local.size > 50) this.local.delete(this.local.keys().next().value!);
  }

  /** Refuses a desk's token from now on. False when there is no such (remote) desk. */
  revoke(id: string): boolean {
    for (const e of this.byHash.values()) {
      if (e.id === id) {
        e.revoked = true;
        this.save();
        return true;
      }
    }
    return false;
  }

  /** Forgets every desk (a new key: `key`, which the kept list now belongs to). */
  clear(key?: string): void {
    this.byHash.clear();
    this.local.clear();
    if (key !== undefined) this.store?.rekey(key);
    this.save();
  }

  private save(): void {
    if (!this.store) return;
    try {
      this.store.save(this.byHash);
    } catch (e) {
      this.onStoreError(e);
    }
  }

  /** Every desk, most recent contact first. */
  list(): DeskEntry[] {
    return [...this.byHash.values(), ...this.local.values()].map((e) => ({ ...e })).sort((a, b) => b.lastAt.localeCompare(a.lastAt));
  }
}
