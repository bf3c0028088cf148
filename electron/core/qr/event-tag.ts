import crypto from 'node:crypto';
import { CODE_ALPHABET, EVENT_TAG_LENGTH } from '../../shared/badge-payload';

/**
 * The 4-character tag a badge QR carries to name its event (shared/badge-payload.ts): 20 bits of
 * an HMAC of the event's secret, in Crockford base 32. Derived, not stored, so it follows the
 * event to another laptop, and not guessable from the event's public data. Two events on one
 * kiosk share a tag about once in a million; the badge code (40 random bits) still tells them apart.
 */
export function eventTag(secret: Uint8Array): string {
  // Every scan asks for its event's tag (and a badge of another event, for every other event's):
  // an HMAC with a new key each time cost about 20 µs of CPU a scan on the hub's thread. The tag is a
  // pure function of the secret's bytes, so it is kept by those bytes (a changed secret is a new key).
  const key = Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength).toString('base64');
  const known = TAGS.get(key);
  if (known !== undefined) return known;
  const tag = tagOf(secret);
  if (TAGS.size >= MAX_KEPT) TAGS.clear(); // a kiosk holds a handful of events; a bound all the same
  TAGS.set(key, tag);
  return tag;
}

const TAGS = new Map<string, string>();
const MAX_KEPT = 256;

function tagOf(secret: Uint8Array): string {
  const mac = crypto.createHmac('sha256', secret).update('hadir:badge-event-tag').digest();
  let bits = mac.readUInt32BE(0);
  let tag = '';
  for (let i = 0; i < EVENT_TAG_LENGTH; i++) {
    tag += CODE_ALPHABET[bits & 31];
    bits >>>= 5;
  }
  return tag;
}
