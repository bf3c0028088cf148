import crypto from 'node:crypto';
import { accessKeyProblem } from '../shared/access-key';

// Crockford's base 32 (no I, L, O, U): read off one laptop's screen and typed into another.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The web host's access key: 12 characters of base 32 = 60 bits, far beyond guessing over a
 * network, still typeable on a second desk's laptop. Its own generator, not the badge-code one:
 * a badge code's length and pool are tuned for QR codes, and a change there must not quietly
 * weaken the key that guards every participant's NIK and phone number.
 *
 * Drawn again until the host accepts it (shared/access-key.ts: at least 8 different characters):
 * about 1 draw in 100 has fewer, and such a key stopped `--host 0.0.0.0`, the kiosk's switch
 * and a restart after "new key" with an internal error.
 */
export function newAccessKey(): string {
  for (;;) {
    let key = '';
    for (const b of crypto.randomBytes(12)) key += ALPHABET[b & 31];
    if (accessKeyProblem(key) === null) return key;
  }
}

/**
 * Whether a request's key is the host's: ASCII only (a Unicode case mapping would fold ſ onto S),
 * any case, compared in constant time over hashes of equal length.
 */
export function sameAccessKey(given: unknown, key: string): boolean {
  if (typeof given !== 'string' || /[^\x20-\x7e]/.test(given)) return false;
  const a = crypto.createHash('sha256').update(given.toUpperCase()).digest();
  const b = crypto.createHash('sha256').update(key.toUpperCase()).digest();
  return crypto.timingSafeEqual(a, b);
}

/** Wrong keys an address may send unhurried: a desk that mistypes the key once or twice. */
const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 5_000;
/** Addresses remembered at most (a flood of spoofed ones cannot grow the map without bound). */
const MAX_ADDRESSES = 10_000;

/** The wait before answering the n-th wrong key from one address: doubling, capped. */
export function wrongKeyDelay(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - FREE_FAILURES - 1, 16));
}

/**
 * Slows down guessing the LAN access key (issue 18, defect 17: ~8,000 guesses a second on one
 * connection, no delay, no log). Each wrong key from an address takes the next free slot of that
 * address, so parallel connections from it are served one wrong key per delay, not many at once;
 * the right key is never delayed. The first wrong key and every hundredth are logged, per address.
 */
export class WrongKeyGuard {
  private readonly seen = new Map<string, { failures: number; next: number }>();

  constructor(
    private readonly log: (address: string, failures: number) => void,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Records a wrong key from `address`; resolves when it may be answered. */
  refuse(address: string): Promise<void> {
    const entry = this.seen.get(address) ?? { failures: 0, next: 0 };
    this.seen.delete(address); // re-inserted last: the map's order is least recently failed first
    entry.failures++;
    const t = this.now();
    const answerAt = Math.max(t, entry.next) + wrongKeyDelay(entry.failures);
    entry.next = answerAt;
    this.seen.set(address, entry);
    if (this.seen.size > MAX_ADDRESSES) this.seen.delete(this.seen.keys().next().value!);
    if (entry.failures === 1 || entry.failures % 100 === 0) this.log(address, entry.failures);
    return answerAt > t ? this.sleep(answerAt - t) : Promise.resolve();
  }

  /** Wrong keys recorded for `address` so far. */
  failures(address: string): number {
    return this.seen.get(address)?.failures ?? 0;
  }
}
