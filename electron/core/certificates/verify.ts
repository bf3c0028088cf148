import type { VerifyResult } from '../../shared/certificates';
import { revokedNumbers } from '../../db/repositories/certificates';
import { normaliseNumber } from '../../shared/cert-number';
import { getEvent } from '../../db/repositories/events';
import type { Db } from '../../db/connection';
import { checkClaim } from './claim';
import { verifyKeys } from './key';

/**
 * Authentic, forged or revoked, for a scanned certificate QR. Checked against every event key
 * this kiosk holds (found by the claim's kid), so last year's certificates still verify.
 * "Forged" covers a changed character, another event's or someone else's key, and text that
 * is not a certificate claim at all; `reason` says which.
 */
export function verifyText(db: Db, text: string): VerifyResult {
  let keys: ReturnType<typeof verifyKeys> = [];
  const res = checkClaim(text, (kid) => (keys = verifyKeys(db, kid)).map((k) => k.key));
  if (!res.ok) return { verdict: 'forged', reason: res.reason, ...(res.claim ? { claim: res.claim } : {}) };
  const eventId = keys[res.keyIndex!]!.eventId;
  const ev = getEvent(db, eventId);
  const event = ev ? { id: ev.id, name: ev.name } : null;
  const revoked = revokedAs(db, eventId, res.claim.number);
  if (revoked) return { verdict: 'revoked', claim: res.claim, event, revoked: { at: revoked.at, reason: revoked.reason } };
  return { verdict: 'authentic', claim: res.claim, event };
}

/**
 * The revocation of the certificate this QR names, looked up by the number as the QR carries it:
 * a number stored with two spaces or a no-break space (before patterns were checked) reads back
 * from the QR with one space, and compared as stored it never matched (issue 18, defect 4).
 */
function revokedAs(db: Db, eventId: number, qrNumber: string): { at: string; reason: string } | null {
  // One search through the event's revoked numbers (a short list): an exact lookup first gave the
  // same answer, as the QR's number is its own normal form.
  const key = normaliseNumber(qrNumber);
  return revokedNumbers(db, eventId).find((r) => normaliseNumber(r.number) === key) ?? null;
}
