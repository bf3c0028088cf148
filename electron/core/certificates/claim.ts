import crypto from 'node:crypto';
import { claimMessage, claimText, parseClaim, type Claim } from '../../shared/cert-claim';

/** Signs a claim with the event's private key; returns the QR text. */
export function signClaim(claim: Claim, privateKey: crypto.KeyObject): string {
  const sig = crypto.sign(null, Buffer.from(claimMessage(claim), 'utf8'), privateKey);
  return claimText(claim, sig.toString('base64url'));
}

export type ClaimCheck =
  { ok: true; claim: Claim } | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature'; claim?: Claim };

/**
 * Checks a scanned text against the public keys this kiosk holds, found by the claim's kid.
 * The signature covers the exact text, so any change (one character of the name) fails.
 */
export function checkClaim(text: string, keysFor: (kid: string) => crypto.KeyObject[]): ClaimCheck & { keyIndex?: number } {
  const p = parseClaim(text);
  if (!p.ok) return { ok: false, reason: 'malformed' };
  const keys = keysFor(p.claim.kid);
  if (!keys.length) return { ok: false, reason: 'unknown_key', claim: p.claim };
  const sig = Buffer.from(p.signature, 'base64url');
  // The 86th character carries 2 bits of the signature and 4 spare bits a decoder ignores: a text
  // whose spare bits were changed would otherwise verify. Only the one canonical spelling passes.
  if (sig.toString('base64url') !== p.signature) return { ok: false, reason: 'bad_signature', claim: p.claim };
  const msg = Buffer.from(p.message, 'utf8');
  const i = keys.findIndex((k) => crypto.verify(null, msg, k, sig));
  return i < 0 ? { ok: false, reason: 'bad_signature', claim: p.claim } : { ok: true, claim: p.claim, keyIndex: i };
}
