// The organiser PIN that guards leaving kiosk mode (issue 17, finding 4). Stored in this
// machine's settings as a salted scrypt hash, never as the digits: a copied hadir.db or .hadir
// backup must not hand out the PIN. Checked in constant time.
import crypto from 'node:crypto';
import { getSetting, setSetting } from '../../db/repositories/settings';
import type { Ctx } from '../context';

const KEY = 'kiosk.pinHash';
/** 4 to 8 digits: typed on any keyboard, remembered by the organiser, not guessed in 5 tries. */
export const PIN_RE = /^\d{4,8}$/;
// scrypt's defaults (N=16384, r=8, p=1): ~50 ms per check, nothing to notice at a desk.
const KEYLEN = 32;

export function hashPin(pin: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(pin, salt, KEYLEN);
  return `scrypt$${salt.toString('hex')}$${hash.toString('hex')}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const [kind, saltHex, hashHex] = stored.split('$');
  if (kind !== 'scrypt' || !saltHex || !hashHex) return false;
  const want = Buffer.from(hashHex, 'hex');
  const got = crypto.scryptSync(pin, Buffer.from(saltHex, 'hex'), want.length);
  return want.length === KEYLEN && crypto.timingSafeEqual(got, want);
}

export const kioskPinSet = (ctx: Pick<Ctx, 'db'>): boolean => !!getSetting(ctx.db, KEY);

/** null removes the PIN (leaving kiosk mode is then the held chord). */
export function setKioskPin(ctx: Pick<Ctx, 'db'>, pin: string | null): { pinSet: boolean } {
  setSetting(ctx.db, KEY, pin === null ? '' : hashPin(pin));
  return { pinSet: kioskPinSet(ctx) };
}

export function checkKioskPin(ctx: Pick<Ctx, 'db'>, pin: string): boolean {
  const stored = getSetting(ctx.db, KEY);
  return !!stored && verifyPin(pin, stored);
}
