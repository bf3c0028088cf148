import crypto from 'node:crypto';
import { KID_LENGTH } from '../../shared/cert-claim';
import { CODE_ALPHABET } from '../../shared/badge-payload';

export interface KeyPair {
  kid: string;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Buffer;
  /** PKCS#8 DER. Stays in the database; no operation returns it. */
  privateKey: Buffer;
}

/** A new Ed25519 key pair for an event (Node's own crypto; no dependency). */
export function generateKeyPair(): KeyPair {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  return { kid: kidOf(raw), publicKey: raw, privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }) };
}

export function rawPublicKey(key: crypto.KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

export function publicKeyObject(raw: Uint8Array): crypto.KeyObject {
  return crypto.createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

export function privateKeyObject(der: Uint8Array): crypto.KeyObject {
  return crypto.createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
}

/** Which key: 20 bits of SHA-256(public key), Crockford base 32. Anyone holding the public key can compute it. */
export function kidOf(raw: Uint8Array): string {
  const h = crypto.createHash('sha256').update(raw).digest();
  let bits = h.readUInt32BE(0) >>> 12;
  let kid = '';
  for (let i = 0; i < KID_LENGTH; i++) {
    kid = CODE_ALPHABET[bits & 31] + kid;
    bits >>>= 5;
  }
  return kid;
}

/** The public key as PEM (SubjectPublicKeyInfo), the form other tools read. */
export function publicKeyPem(raw: Uint8Array): string {
  return publicKeyObject(raw).export({ format: 'pem', type: 'spki' }).toString();
}
