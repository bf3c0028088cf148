// The signed claim a certificate's QR carries, and how a scanned text is read back. Pure (no
// Node, no DOM): core signs and verifies it, the renderer reads it, and verify.html repeats the
// same few lines in plain JavaScript (core/certificates/verify-html.ts; a test keeps them in step).
//
//   HS1|<kid>|<number>|<name>|<days>|<signature>
//   HS1|7K2Q|001/PSM/DINSOS/IX/2022|Yusuf Efendi, S.H.|20220907*2|<86 characters>
//
// - HS1: a Hadir certificate claim, version 1.
// - kid: 4 Crockford base-32 characters of SHA-256(public key): which event's key to check it
//   against, so a certificate from another event reads "signed by another key", not "tampered".
// - days: the dates attended, YYYYMMDD, a run of consecutive days written once as YYYYMMDD*N.
// - number and name are ASCII: any other character (é, ñ, ā) and "%" are written as the
//   percent-escapes of their UTF-8 bytes ("Jos%C3%A9"). A QR without an ECI header leaves the
//   charset of bytes above 127 to the reader's guess, and zbar read UTF-8 "é" as Shift-JIS
//   katakana: the name changed, and an authentic certificate would have checked as forged.
// - signature: Ed25519 over the bytes of everything before the last "|", base64url
//   (64 bytes → 86 characters). The claim is text, not a binary blob, so a phone's own QR
//   reader shows a person what it says, and it can be pasted into verify.html.
// About 210 bytes for a 60-character name: QR version 10–11 at level M, still 0.5 mm modules at 33 mm.

export const CLAIM_PREFIX = 'HS1';
export const KID_LENGTH = 4;
const KID_RE = /^[0-9A-HJKMNP-TV-Z]{4}$/;
const SIG_RE = /^[A-Za-z0-9_-]{86}$/;
const DAYS_RE = /^(\d{8}(\*\d{1,2})?)(,\d{8}(\*\d{1,2})?)*$/;

export interface Claim {
  kid: string;
  number: string;
  name: string;
  /** Attended dates, YYYY-MM-DD, ascending. */
  days: string[];
}

/** Fields may not hold the separator or line breaks; a name is printed the same way on the page. */
export const claimField = (s: string) =>
  s
    .replace(/[|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Printable ASCII stays; anything else, and "%", becomes %XX of its UTF-8 bytes. */
export function asciiField(s: string): string {
  let out = '';
  // claimField has made every control character a space, so up to "~" (0x7e) everything prints,
  // and every byte escaped is "%" (0x25) or part of a multi-byte character (0x80 and up): two hex
  // digits each.
  for (const ch of claimField(s)) {
    if (ch.codePointAt(0)! <= 0x7e && ch !== '%') out += ch;
    else for (const b of new TextEncoder().encode(ch)) out += `%${b.toString(16).toUpperCase()}`;
  }
  return out;
}

export function fromAscii(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The text that is signed: everything but the signature. */
export function claimMessage(c: Claim): string {
  return [CLAIM_PREFIX, c.kid, asciiField(c.number), asciiField(c.name), encodeDays(c.days)].join('|');
}

export function claimText(c: Claim, signatureB64url: string): string {
  return `${claimMessage(c)}|${signatureB64url}`;
}

/** Where a certificate QR points when the organiser names no site: the kiosk's own verify page. */
export const DEFAULT_VERIFY_URL = 'verify.html';

/**
 * The QR text: the claim in the fragment of the verify page's address (issue 16, defect 13), so a
 * phone's camera app opens a page that reads it, and the fragment never leaves the phone. Only
 * what a URL cannot hold as it is gets escaped ("%", "#", space, quotes, <>, backtick), so
 * decoding the fragment gives back the signed text exactly; "|" and "/" stay, keeping the QR small.
 */
export function claimUrl(base: string, claim: string): string {
  // Each of these is 0x20 or above: two hex digits.
  return `${base}#${claim.replace(/[%# "<>`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The claim in a scanned text: a plain `HS1|…` (certificates printed before), or a verify address's fragment. */
export function claimOf(raw: string): string {
  const text = raw.trim();
  if (text.startsWith(`${CLAIM_PREFIX}|`)) return text;
  const hash = text.indexOf('#');
  if (hash < 0) return text;
  return fromAscii(text.slice(hash + 1)) ?? text;
}

export type ParsedClaim = { ok: true; claim: Claim; message: string; signature: string } | { ok: false };

/**
 * Reads a scanned text, plain or as a verify address (claimOf); tolerant of surrounding spaces
 * and a scanner's trailing Enter only.
 */
export function parseClaim(raw: string): ParsedClaim {
  if (raw.length > 4000) return { ok: false };
  const text = claimOf(raw);
  if (text.length > 2000) return { ok: false };
  const cut = text.lastIndexOf('|');
  // Equivalent if dropped (without a "|" the message is one part, refused below); kept as verify.html has it.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: see above
  if (cut < 0) return { ok: false };
  const message = text.slice(0, cut);
  const signature = text.slice(cut + 1);
  const parts = message.split('|');
  if (parts.length !== 5 || parts[0] !== CLAIM_PREFIX) return { ok: false };
  const [, kid, number, name, days] = parts as [string, string, string, string, string];
  if (!KID_RE.test(kid) || !SIG_RE.test(signature) || !number || !name || (days !== '' && !DAYS_RE.test(days))) {
    return { ok: false };
  }
  const decoded = decodeDays(days);
  const plainNumber = fromAscii(number);
  const plainName = fromAscii(name);
  if (!decoded || plainNumber === null || plainName === null) return { ok: false };
  return { ok: true, claim: { kid, number: plainNumber, name: plainName, days: decoded }, message, signature };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const compact = (isoDate: string) => isoDate.replace(/-/g, '');
const fromCompact = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
const nextDay = (isoDate: string) => iso(new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000));

/**
 * The longest run one YYYYMMDD*N entry may hold. decodeDays and every verify.html already handed
 * out refuse more, so a longer run of consecutive days is written as several entries
 * ("20220101*31,20220201"): written as one, an authentic certificate of a 32-day event read as malformed.
 */
export const MAX_RUN = 31;

export function encodeDays(days: string[]): string {
  const sorted = [...new Set(days)].sort();
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let n = 1;
    // The bound check is for the reader: past the end sorted[i + n] is undefined, never a next day
    // (so Stryker's mutants of it are equivalent).
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: see above
    while (n < MAX_RUN && i + n < sorted.length && sorted[i + n] === nextDay(sorted[i + n - 1]!)) n++;
    runs.push(n > 1 ? `${compact(sorted[i]!)}*${n}` : compact(sorted[i]!));
    i += n;
  }
  return runs.join(',');
}

export function decodeDays(s: string): string[] | null {
  if (s === '') return [];
  const out: string[] = [];
  for (const run of s.split(',')) {
    const [start, count] = run.split('*') as [string, string | undefined];
    let d = fromCompact(start);
    const t = Date.parse(`${d}T00:00:00Z`);
    if (Number.isNaN(t) || iso(new Date(t)) !== d) return null;
    const n = count === undefined ? 1 : Number(count);
    if (!(n >= 1 && n <= MAX_RUN)) return null;
    for (let i = 0; i < n; i++, d = nextDay(d)) out.push(d);
  }
  return out;
}
