import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { isLoopbackHost, LOOPBACK_HOSTS } from '../host/loopback';

/**
 * The hub's TLS certificate (issue 19, item 1). A browser gives a page a camera only over HTTPS
 * (or on localhost), so a phone on the venue network needs the hub to speak TLS. There is no
 * domain name and no internet at a venue: the certificate is self-signed, made on first start
 * for this laptop's addresses, and kept in the data folder so a desk that accepted it (or
 * installed it) keeps trusting it across restarts. Made with @peculiar/x509: no hand-written ASN.1.
 */
export interface HubCertificate {
  /** PEM text of the certificate (what a desk downloads and installs). */
  cert: string;
  /** PEM text of the private key (PKCS#8); never leaves the data folder. */
  key: string;
  /** The IP addresses and names the certificate is valid for. */
  names: string[];
  /** SHA-256 of the DER certificate, as colon-separated hex: to compare on a phone's screen. */
  fingerprint: string;
}

const CERT_FILE = 'hub-cert.pem';
const KEY_FILE = 'hub-key.pem';
/** 825 days: the longest validity iOS accepts for a server certificate it is told to trust. */
const VALID_DAYS = 825;
/** Made again this long before it runs out, so it never expires during an event. */
const RENEW_DAYS = 30;

x509.cryptoProvider.set(crypto.webcrypto as unknown as Crypto);

/** Where the certificate lives: `tls/` in the data folder, beside the database and backups. */
export const tlsDir = (dataDir: string) => path.join(dataDir, 'tls');

/**
 * The certificate for `addresses` (this laptop's venue-network addresses): the stored one when
 * it covers every address and is not near its end, else a new one for the stored names plus the
 * new addresses (a laptop that moves between the office and the venue keeps both).
 */
export async function hubCertificate(dataDir: string, addresses: string[], now = new Date()): Promise<HubCertificate> {
  const dir = tlsDir(dataDir);
  const wanted = uniq([...LOOPBACK_HOSTS, ...addresses]);
  const stored = readStored(dir);
  if (stored) {
    const covers = wanted.every((n) => stored.names.includes(n));
    const fresh = stored.notAfter.getTime() - now.getTime() > RENEW_DAYS * 86_400_000 && stored.notBefore <= now;
    if (covers && fresh) return stored.cert;
  }
  const made = await makeCertificate(uniq([...wanted, ...(stored?.names ?? [])]), now);
  fs.mkdirSync(dir, { recursive: true });
  // The key first, readable by this user only; the certificate last, so a half-written pair is
  // never taken for a whole one (readStored needs both and checks that they match).
  writeAtomic(path.join(dir, KEY_FILE), made.key, 0o600);
  writeAtomic(path.join(dir, CERT_FILE), made.cert, 0o644);
  return made;
}

async function makeCertificate(names: string[], now: Date): Promise<HubCertificate> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await crypto.webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = new Date(now.getTime() - 86_400_000); // a desk whose clock is a day behind
  const notAfter = new Date(now.getTime() + VALID_DAYS * 86_400_000);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: crypto.randomBytes(16).toString('hex').replace(/^[89a-f]/, '1'),
    name: `CN=Hadir hub ${names.find((n) => net.isIP(n) && !isLoopbackHost(n)) ?? LOOPBACK_HOSTS[0]}, O=Hadir`,
    notBefore,
    notAfter,
    signingAlgorithm: alg,
    keys,
    extensions: [
      // Its own authority: Android and iOS install a user certificate only as a CA.
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        names.map((n) => (net.isIP(n) ? { type: 'ip' as const, value: n } : { type: 'dns' as const, value: n })),
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const key = crypto.KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }) as string;
  return { cert: cert.toString('pem') + '\n', key, names, fingerprint: fingerprintOf(cert) };
}

function readStored(dir: string): { cert: HubCertificate; names: string[]; notBefore: Date; notAfter: Date } | null {
  try {
    const certPem = fs.readFileSync(path.join(dir, CERT_FILE), 'utf8');
    const keyPem = fs.readFileSync(path.join(dir, KEY_FILE), 'utf8');
    const cert = new x509.X509Certificate(certPem);
    // A key that does not belong to the certificate (a copied or half-replaced folder) would make
    // every TLS handshake fail: make a new pair instead.
    const pub = crypto.createPublicKey(crypto.createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' });
    if (!Buffer.from(cert.publicKey.rawData).equals(pub)) return null;
    const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
    const names = (san?.names.toJSON() ?? []).map((n) => n.value);
    return {
      cert: { cert: certPem, key: keyPem, names, fingerprint: fingerprintOf(cert) },
      names,
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
    };
  } catch {
    return null; // missing or unreadable: made again
  }
}

function fingerprintOf(cert: x509.X509Certificate): string {
  const hex = crypto.createHash('sha256').update(Buffer.from(cert.rawData)).digest('hex').toUpperCase();
  return hex.match(/../g)!.join(':');
}

function writeAtomic(file: string, text: string, mode: number) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode });
  fs.renameSync(tmp, file);
}

const uniq = (xs: string[]) => [...new Set(xs)];
