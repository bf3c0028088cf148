// What a person sees when a certificate is checked, for the cases mutation testing showed no test
// held (docs/engineering/mutation-testing.md): long events, "%" in a name, the month printed in
// the number, malformed text, and what a forgery claims.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import { checkClaim, signClaim } from '../../../electron/core/certificates/claim';
import { eventKey } from '../../../electron/core/certificates/key';
import { generateKeyPair, privateKeyObject } from '../../../electron/core/certificates/keys';
import {
  asciiField,
  claimField,
  claimMessage,
  claimOf,
  claimText,
  claimUrl,
  decodeDays,
  encodeDays,
  parseClaim,
  type Claim,
} from '../../../electron/shared/cert-claim';
import { formatNumber, normaliseNumber, roman } from '../../../electron/shared/cert-number';
import { ok, PSM_EVENT, scope, tempCtx } from '../../helpers/ctx';
import { scan } from './helpers';

/** `n` consecutive days from `start`, YYYY-MM-DD. */
const run = (start: string, n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

const SIG = 'A'.repeat(85) + 'A';

describe('certificate claims of long events', () => {
  it('writes 32 or more consecutive days so they read back (they read as malformed before)', () => {
    for (const n of [31, 32, 33, 62, 63, 100]) {
      const days = run('2022-12-15', n);
      const text = encodeDays(days);
      expect(decodeDays(text), `${n} days: ${text}`).toEqual(days);
      // Each entry within what decodeDays and verify.html's pattern accept: at most *31.
      for (const entry of text.split(',')) expect(Number(entry.split('*')[1] ?? 1)).toBeLessThanOrEqual(31);
    }
    expect(encodeDays(run('2022-01-01', 32))).toBe('20220101*31,20220201');
    expect(encodeDays(run('2022-01-01', 63))).toBe('20220101*31,20220201*31,20220304');
  });

  it('verifies an authentic certificate of a 40-day attendance through the operation', async () => {
    const ctx = tempCtx();
    const event = await ok(ctx, 'event.create', PSM_EVENT);
    const key = eventKey(ctx.db, event.id, new Date(0).toISOString());
    const claim: Claim = { kid: key.kid, number: '001/PSM/DINSOS/IX/2022', name: 'Siti Aminah', days: run('2022-08-01', 40) };
    const res = await ok(ctx, 'certificates.verify', { text: signClaim(claim, key.sign) });
    expect(res).toEqual({ verdict: 'authentic', claim, event: { id: event.id, name: PSM_EVENT.name } });
  });
});

describe('"%" and other characters in a claim', () => {
  let ctx: Ctx;
  let sign: (c: Omit<Claim, 'kid'>) => string;
  let kid: string;
  let eventId: number;
  beforeAll(async () => {
    ctx = tempCtx();
    eventId = (await ok(ctx, 'event.create', PSM_EVENT)).id;
    const key = eventKey(ctx.db, eventId, new Date(0).toISOString());
    kid = key.kid;
    sign = (c) => signClaim({ ...c, kid }, key.sign);
  });

  it('an authentic certificate whose name or number holds "%" verifies as authentic, with the text printed', async () => {
    for (const [number, name] of [
      ['001/PSM/100%/2022', 'Nur 100% Hadir'],
      ['002/%41/2022', 'Dewi %C3%A9 Lestari'],
      ['003/PSM/2022', 'José 50%25'],
    ] as const) {
      const text = sign({ number, name, days: ['2022-09-07'] });
      expect(text).not.toMatch(/%(?![0-9A-F]{2})/);
      const res = await ok(ctx, 'certificates.verify', { text });
      expect(res, `${number} ${name}`).toMatchObject({ verdict: 'authentic', claim: { number, name } });
    }
  });

  it('shows what a forgery claims: the claim is kept on a bad signature and on an unknown key', async () => {
    const real = sign({ number: '004/PSM/2022', name: 'Budi Santoso', days: ['2022-09-07', '2022-09-08'] });
    const forged = real.replace('Budi Santoso', 'Budi Santosa');
    expect(await ok(ctx, 'certificates.verify', { text: forged })).toEqual({
      verdict: 'forged',
      reason: 'bad_signature',
      claim: { kid, number: '004/PSM/2022', name: 'Budi Santosa', days: ['2022-09-07', '2022-09-08'] },
    });
    const other = generateKeyPair();
    const foreign = signClaim(
      { kid: other.kid, number: '9/X/2022', name: 'Orang Lain', days: [] },
      privateKeyObject(other.privateKey),
    );
    expect(await ok(ctx, 'certificates.verify', { text: foreign })).toEqual({
      verdict: 'forged',
      reason: 'unknown_key',
      claim: { kid: other.kid, number: '9/X/2022', name: 'Orang Lain', days: [] },
    });
  });

  it('names the event that signed an authentic certificate', async () => {
    const text = sign({ number: '005/PSM/2022', name: 'Ani', days: ['2022-09-08'] });
    expect(await ok(ctx, 'certificates.verify', { text })).toEqual({
      verdict: 'authentic',
      claim: { kid, number: '005/PSM/2022', name: 'Ani', days: ['2022-09-08'] },
      event: { id: eventId, name: PSM_EVENT.name },
    });
  });
});

/** A claim's text with the given fields in place of a good one's (the signature is not checked). */
const fields = (over: Partial<Record<'kid' | 'number' | 'name' | 'days' | 'sig', string>>) =>
  ['HS1', over.kid ?? '7K2Q', over.number ?? '001/PSM/2022', over.name ?? 'Siti', over.days ?? '20220907', over.sig ?? SIG].join(
    '|',
  );

describe('malformed claim text', () => {
  const good: Claim = { kid: '7K2Q', number: '001/PSM/2022', name: 'Siti', days: ['2022-09-07'] };

  it('reads a well-formed claim back, whatever its signature', () => {
    expect(parseClaim(claimText(good, SIG))).toMatchObject({ ok: true, claim: good, signature: SIG });
    expect(parseClaim(fields({ days: '' }))).toMatchObject({ ok: true, claim: { days: [] } });
  });

  it('calls each broken field malformed, with no claim to show, never a bad signature', () => {
    const broken = {
      'kid too short': fields({ kid: '7K2' }),
      'kid too long': fields({ kid: '7K2QA' }),
      'signature too long': fields({ sig: `${SIG}A` }),
      'days with a letter after': fields({ days: '20220907x' }),
      'days with a letter before': fields({ days: 'x20220907' }),
      'days run of three digits': fields({ days: '20220101*031' }),
      'days run without a count': fields({ days: '20220101*' }),
      'kid with I': fields({ kid: '7K2I' }),
      'kid lower case': fields({ kid: '7k2q' }),
      'signature short': fields({ sig: SIG.slice(1) }),
      'signature with +': fields({ sig: `+${SIG.slice(1)}` }),
      'no number': fields({ number: '' }),
      'no name': fields({ name: '' }),
      'days not dates': fields({ days: '2022-09-07' }),
      'days run of 32': fields({ days: '20220101*32' }),
      'days run of 0': fields({ days: '20220101*0' }),
      'days on 30 February': fields({ days: '20220230' }),
      'days with a trailing comma': fields({ days: '20220907,' }),
      'a broken escape in the name': fields({ name: 'Siti %E2%28' }),
      'a lone % in the number': fields({ number: '100%' }),
      'another version': fields({}).replace('HS1', 'HS2'),
      'a field too many': fields({ name: 'Siti|Aminah' }),
      'over 2000 characters': fields({ name: 'A'.repeat(2000) }),
      'no separator': 'HS1',
    };
    for (const [what, text] of Object.entries(broken)) {
      expect(parseClaim(text), what).toEqual({ ok: false });
      expect(
        checkClaim(text, () => {
          throw new Error('no key is looked up for malformed text');
        }),
        what,
      ).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('reads attendance with gaps and runs in any entry (a day off, then twelve days in a row)', () => {
    const days = ['2022-01-01', '2022-01-03', ...Array.from({ length: 12 }, (_, i) => `2022-02-${String(i + 1).padStart(2, '0')}`)];
    const text = claimText({ ...good, days }, SIG);
    expect(text).toContain('|20220101,20220103,20220201*12|');
    expect(parseClaim(text)).toMatchObject({ ok: true, claim: { days } });
  });

  it('reads a claim copied from the address bar with its "#", and takes a text without "#" as it is', () => {
    const fragment = claimUrl('https://dinsos.lampungprov.go.id/verify.html', claimText({ ...good, name: 'Siti 100%' }, SIG)).split('#')[1]!;
    expect(parseClaim(`#${fragment}`)).toMatchObject({ ok: true, claim: { name: 'Siti 100%' } });
    // A plain claim keeps its escapes for the parser; no "#": nothing is unescaped here.
    expect(claimOf('Siti%2041')).toBe('Siti%2041');
    expect(claimOf(`${claimText({ ...good, name: 'Siti 100%' }, SIG)}`)).toContain('Siti 100%25');
  });

  it("tolerates surrounding spaces and a scanner's Enter only", () => {
    expect(parseClaim(` ${fields({})}\r\n`)).toMatchObject({ ok: true, claim: good });
    expect(parseClaim(`x${fields({})}`)).toEqual({ ok: false });
  });
});

describe('certificate numbers print the signing month in Roman numerals', () => {
  it('for every month of the year', () => {
    const months = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
    months.forEach((r, i) => {
      const date = `2022-${String(i + 1).padStart(2, '0')}-15`;
      expect(formatNumber('{seq:03}/PSM/DINSOS/{month:roman}/{year}', 7, date)).toBe(`007/PSM/DINSOS/${r}/2022`);
    });
  });

  it('pads the day, month and sequence only when asked; leaves unknown tokens as written', () => {
    expect(formatNumber('{seq}-{day}-{month}-{year:2}', 5, '2009-03-04')).toBe('5-4-3-09');
    expect(formatNumber('{seq:04}-{day:02}-{month:02}-{year}', 5, '2009-03-04')).toBe('0005-04-03-2009');
    expect(formatNumber('{seq}/{bulan}/{x:y}', 12, '2022-11-30')).toBe('12/{bulan}/{x:y}');
  });
});

// The exact text a certificate's QR carries: a phone's reader shows it to a person, and verify.html
// copies handed out years ago must read it (issue 22, found by mutation testing).
describe('the claim text in the QR', () => {
  it('writes printable ASCII as it is and everything else as upper-case UTF-8 escapes', () => {
    expect(asciiField('José ~ 100% Ñ')).toBe('Jos%C3%A9 ~ 100%25 %C3%91');
    expect(asciiField('Ahmad — Hadi 😀')).toBe('Ahmad %E2%80%94 Hadi %F0%9F%98%80');
    // A lone surrogate (a cut emoji) is written as U+FFFD, which reads back.
    expect(asciiField('A\ud83d')).toBe('A%EF%BF%BD');
    expect(
      claimMessage({ kid: '7K2Q', number: '001/PSM/2022', name: 'Ni Luh Putu ~ Ayu', days: ['2022-09-08', '2022-09-07'] }),
    ).toBe('HS1|7K2Q|001/PSM/2022|Ni Luh Putu ~ Ayu|20220907*2');
  });

  it('makes the separator, line breaks and control characters a single space, trimmed', () => {
    expect(claimField(' Siti|Aminah\t\u007f A.\r\n')).toBe('Siti Aminah A.');
    expect(claimField('001/PSM \u00a0 DINSOS\u3000IX')).toBe('001/PSM DINSOS IX');
    expect(asciiField('Budi\u0000\u0085Santoso')).toBe('Budi Santoso');
  });

  it('puts the claim in the verify address with only what a URL cannot hold escaped, and reads it back', () => {
    const claim = `HS1|7K2Q|001/PSM|Jos%C3%A9 #1 "Ucok" <a> \`x\`|20220907|${SIG}`;
    const url = claimUrl('verify.html', claim);
    expect(url).toBe(`verify.html#HS1|7K2Q|001/PSM|Jos%25C3%25A9%20%231%20%22Ucok%22%20%3Ca%3E%20%60x%60|20220907|${SIG}`);
    expect(claimOf(url)).toBe(claim);
    expect(claimOf(`  ${url}\r\n`)).toBe(claim);
    // Not a claim and not an address: the text as it is, trimmed; a broken escape after "#" too.
    expect(claimOf(' HD7K2QAB3XK9TM ')).toBe('HD7K2QAB3XK9TM');
    expect(claimOf('https://x.id/v#HS1|%E2%28')).toBe('https://x.id/v#HS1|%E2%28');
    // The text after "#", not the "#" itself.
    expect(claimOf('v.html#HS1|a')).toBe('HS1|a');
  });

  it('reads a claim padded up to 4,000 characters and a claim of 2,000, and refuses anything longer', () => {
    const body = (n: number) => fields({ name: 'A'.repeat(n - fields({ name: '' }).length) });
    expect(body(2000)).toHaveLength(2000);
    expect(parseClaim(body(2000))).toMatchObject({ ok: true });
    expect(parseClaim(body(2001))).toEqual({ ok: false });
    const padded = `${fields({})}${' '.repeat(4000 - fields({}).length)}`;
    expect(parseClaim(padded)).toMatchObject({ ok: true, claim: { name: 'Siti' } });
    expect(parseClaim(`${padded} `)).toEqual({ ok: false });
  });

  it('writes each attended day once, in date order', () => {
    expect(encodeDays(['2022-09-09', '2022-09-07', '2022-09-08', '2022-09-07'])).toBe('20220907*3');
    expect(encodeDays(['2022-09-12', '2022-09-07'])).toBe('20220907,20220912');
    expect(decodeDays('20220912,20220907*2')).toEqual(['2022-09-12', '2022-09-07', '2022-09-08']);
  });
});

describe('certificate numbers as the QR carries them', () => {
  it('normalises spaces and keeps every other character, so a revoked number is found however it was typed', () => {
    expect(normaliseNumber(' 001/PSM \u00a0DINSOS | IX ')).toBe('001/PSM DINSOS IX');
    expect(normaliseNumber('001/Dinsos–Lampung/100%')).toBe('001/Dinsos–Lampung/100%');
  });

  it('writes any month (and any number) in Roman numerals', () => {
    expect([3888, 2024, 1666, 500, 444, 99, 50].map(roman)).toEqual([
      'MMMDCCCLXXXVIII',
      'MMXXIV',
      'MDCLXVI',
      'D',
      'CDXLIV',
      'XCIX',
      'L',
    ]);
  });
});

describe('revocation, looked up by the number the QR carries', () => {
  it('finds a certificate stored with two spaces or a no-break space in its number, with the reason given', async () => {
    const ctx = tempCtx();
    await ok(ctx, 'event.create', PSM_EVENT);
    const event = (await ok(ctx, 'event.get', {}))!;
    for (const [i, sp] of ['  ', '\u00a0'].entries()) {
      const p = await ok(ctx, 'participants.create', { ...scope(ctx), name: `Abdul Rozak ${i}`, role: 'Peserta' });
      scan(ctx, event, p.id, 1);
      scan(ctx, event, p.id, 2);
      await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: p.id });
      // As a kiosk of an earlier version stored it; its QR carries the number with one space.
      ctx.db.prepare('UPDATE certificate SET number = ? WHERE participant_id = ?').run(`00${i}/PSM${sp}DINSOS/IX/2022`, p.id);
      const old = (await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: p.id })).claim;
      // With no site set, the QR opens the kiosk's own verify page.
      expect(old).toMatch(/^verify\.html#HS1\|[0-9A-Z]{4}\|/);
      expect(await ok(ctx, 'certificates.verify', { text: old })).toMatchObject({
        verdict: 'authentic',
        claim: { number: `00${i}/PSM DINSOS/IX/2022` },
      });
      await ok(ctx, 'certificates.revoke', { ...scope(ctx), participantId: p.id, reason: 'Dicetak ganda' });
      expect(await ok(ctx, 'certificates.verify', { text: old })).toMatchObject({
        verdict: 'revoked',
        claim: { number: `00${i}/PSM DINSOS/IX/2022` },
        event: { id: event.id, name: PSM_EVENT.name },
        revoked: { reason: 'Dicetak ganda', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      });
    }
  });
});
