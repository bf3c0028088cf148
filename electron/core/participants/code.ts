import crypto from 'node:crypto';
import { BADGE_CODE_LENGTH, CODE_ALPHABET as ALPHABET } from '../../shared/badge-payload';

// 40 bits: a guess hits one of 5,000 badges once in ~2e8 tries. The alphabet is Crockford base 32.
export const CODE_LENGTH = BADGE_CODE_LENGTH;

/**
 * A badge code: random (unguessable), scoped to one event by the UNIQUE(event_id, code)
 * constraint, and only upper-case letters and digits so the QR uses alphanumeric mode and stays
 * at version 1 (21x21 modules: big modules a fixed-focus webcam reads from afar).
 */
export function newBadgeCode(exists: (code: string) => boolean): string {
  for (;;) {
    const code = randomCode(CODE_LENGTH);
    if (!exists(code)) return code;
  }
}

/**
 * Codes drawn for a batch of new people without asking the database one code at a time: the
 * batch's codes are asked at once (`taken`), and those already taken are drawn again, and asked
 * again, until none is. `drawn` holds the codes drawn so far in this write; a code is never drawn
 * twice, nor equal to one found taken.
 */
export function redrawTaken(rows: { code: string }[], drawn: Set<string>, taken: (codes: string[]) => Set<string>): void {
  let ask = rows;
  for (;;) {
    const hit = taken(ask.map((r) => r.code));
    if (!hit.size) return;
    ask = ask.filter((r) => hit.has(r.code));
    for (const r of ask) {
      r.code = newBadgeCode((c) => drawn.has(c) || hit.has(c));
      drawn.add(r.code);
    }
  }
}

/**
 * Random bytes drawn from a pool refilled 4 KB at a time: one randomBytes call per badge cost a
 * third of a 10,000-row import (each call is a trip into OpenSSL). Same CSPRNG, fewer trips.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;

/** `length` random Crockford base-32 characters (5 bits each), easy to read aloud and type. */
export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) {
    if (used === pool.length) {
      crypto.randomFillSync(pool);
      used = 0;
    }
    code += ALPHABET[pool[used++]! & 31];
  }
  return code;
}
