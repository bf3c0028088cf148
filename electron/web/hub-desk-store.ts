import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DESK_ROLES } from '../shared/desk-roles';
import type { DeskEntry } from './hub-desks';

/**
 * The hub's joined desks, kept in the data folder (issue 19): a restarted hub (same folder, same
 * key) still knows every desk's token, so no desk has to join again and no outbox stalls on a
 * 401. Desks belong to the hub laptop, not to an event, so they live beside `tls/` in the data
 * folder, not in the event database (a backup restored or an event file merged must not bring
 * back, or drop, a desk's access).
 *
 * What is kept: each desk's public id, name, role, address, join and last-contact times, revoked
 * flag, and the SHA-256 of its token, never the token itself. The file names the key it belongs
 * to (as a salted hash): a hub started with another key (a new random key at each start, or
 * "Kunci baru") starts with no desks, exactly as "new key" drops every desk.
 */
export const HUB_DESKS_FILE = 'hub-desks.json';
export const hubDesksFile = (dataDir: string) => path.join(dataDir, HUB_DESKS_FILE);

const storedDesk = z.object({
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  id: z.string().min(1).max(40),
  name: z.string().min(1).max(40),
  role: z.enum(DESK_ROLES),
  address: z.string().max(64),
  joinedAt: z.string().nullable(),
  lastAt: z.string(),
  revoked: z.boolean(),
});
const storedFile = z.object({ version: z.literal(1), key: z.string(), desks: z.array(storedDesk) });
type StoredDesk = z.infer<typeof storedDesk>;

/** The salted hash naming the key a desk list belongs to (the key itself never goes to disk here). */
const keyMark = (key: string) => crypto.createHash('sha256').update(`hadir hub desks\0${key}`).digest('hex');

export class DeskStore {
  private mark: string;

  constructor(
    readonly file: string,
    key: string,
  ) {
    this.mark = keyMark(key);
  }

  /** The desks kept under this key, by token hash; none when the file is missing, unreadable or another key's. */
  load(): [string, DeskEntry][] {
    let parsed: z.infer<typeof storedFile>;
    try {
      const r = storedFile.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      if (!r.success) return [];
      parsed = r.data;
    } catch {
      return []; // no file yet, or half a file from another program: every desk joins again
    }
    if (parsed.key !== this.mark) return [];
    return parsed.desks.map(({ tokenHash, ...d }) => [tokenHash, { ...d, outbox: null, local: false }]);
  }

  /** From now on the list belongs to this key (a new key: the caller has dropped every desk). */
  rekey(key: string): void {
    this.mark = keyMark(key);
  }

  /** Writes the list whole or not at all (a temporary file renamed over the old one), readable by this user only. */
  save(desks: Iterable<[string, DeskEntry]>): void {
    const list: StoredDesk[] = [];
    for (const [tokenHash, e] of desks) {
      list.push({
        tokenHash,
        id: e.id,
        name: e.name,
        role: e.role,
        address: e.address,
        joinedAt: e.joinedAt,
        lastAt: e.lastAt,
        revoked: e.revoked,
      });
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ version: 1, key: this.mark, desks: list }), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }
}
