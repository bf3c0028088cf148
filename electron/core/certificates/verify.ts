import type { VerifyResult } from '../../shared/certificates';
import { certificateByNumber } from '../../db/repositories/certificates';
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
  const cert = certificateByNumber(db, eventId, res.claim.number);
  if (cert?.revokedAt) {
    return { verdict: 'revoked', claim: res.claim, event, revoked: { at: cert.revokedAt, reason: cert.revokedReason ?? '' } };
  }
  return { verdict: 'authentic', claim: res.claim, event };
}
