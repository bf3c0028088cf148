import type crypto from 'node:crypto';
import { getKey, insertKey, publicKeysByKid } from '../../db/repositories/certificates';
import type { Db } from '../../db/connection';
import { generateKeyPair, privateKeyObject, publicKeyObject } from './keys';

/**
 * The event's Ed25519 key pair, made the first time a certificate is signed (or the public key
 * asked for) and kept in the database. The private key is read only here, to sign; no
 * operation returns it, and an exported verify.html carries the public key alone.
 */
export function eventKey(db: Db, eventId: number, at: string): { kid: string; publicKey: Buffer; sign: crypto.KeyObject } {
  let k = getKey(db, eventId);
  if (!k) {
    db.transaction(() => {
      if (!getKey(db, eventId)) insertKey(db, eventId, generateKeyPair(), at);
    }).immediate();
    k = getKey(db, eventId)!;
  }
  return { kid: k.kid, publicKey: k.publicKey, sign: privateKeyObject(k.privateKey) };
}

/** Every public key this kiosk holds with that kid (one per event; a collision of kids is possible). */
export function verifyKeys(db: Db, kid: string): { eventId: number; key: crypto.KeyObject }[] {
  return publicKeysByKid(db, kid).map((k) => ({ eventId: k.eventId, key: publicKeyObject(k.publicKey) }));
}
