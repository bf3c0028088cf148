import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../electron/core/context';
import { dispatch } from '../../../electron/core/dispatch';
import { signClaim } from '../../../electron/core/certificates/claim';
import { generateKeyPair, privateKeyObject } from '../../../electron/core/certificates/keys';
import { parseClaim } from '../../../electron/shared/cert-claim';
import { listAudit } from '../../../electron/db/repositories/audit';
import { ok, scope } from '../../helpers/ctx';
import { psmEvent, scan } from './helpers';

let ctx: Ctx;
let claim: string;
let participantId: number;

beforeAll(async () => {
  const s = await psmEvent();
  ctx = s.ctx;
  participantId = s.ids.get('Ni Luh Putu Ayu Kusumawati, A.Md.')!;
  scan(ctx, s.event, participantId, 1);
  scan(ctx, s.event, participantId, 2);
  claim = (await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId })).claim;
});

/** Another character of the same kind, so the text still parses and only the signature can tell. */
function alter(c: string): string {
  if (/[0-9]/.test(c)) return c === '7' ? '8' : '7';
  if (/[A-Z]/.test(c)) return c === 'Q' ? 'R' : 'Q';
  if (/[a-z]/.test(c)) return c === 'q' ? 'r' : 'q';
  if (c === '|') return '/';
  return c === '.' ? ',' : '.';
}

describe('certificate verification', () => {
  it('answers authentic with what the certificate claims', async () => {
    expect(claim).toMatch(
      /^verify\.html#HS1\|[0-9A-Z]{4}\|001\/PSM\/DINSOS\/IX\/2022\|Ni%20Luh%20Putu%20Ayu%20Kusumawati,%20A\.Md\.\|20220907\*2\|[\w-]{86}$/,
    );
    expect(await ok(ctx, 'certificates.verify', { text: `  ${claim}\n` })).toMatchObject({
      verdict: 'authentic',
      claim: { number: '001/PSM/DINSOS/IX/2022', name: 'Ni Luh Putu Ayu Kusumawati, A.Md.', days: ['2022-09-07', '2022-09-08'] },
    });
  });

  it('rejects the claim with any one character altered', async () => {
    // The address before the fragment is not signed: any copy of verify.html may serve the claim.
    for (let i = claim.indexOf('#') + 1; i < claim.length; i++) {
      const text = claim.slice(0, i) + alter(claim[i]!) + claim.slice(i + 1);
      const res = await ok(ctx, 'certificates.verify', { text });
      expect(res.verdict, `character ${i} (${claim[i]})`).toBe('forged');
    }
  });

  it('rejects the unused bits of the last signature character (a second spelling of the same signature)', async () => {
    const last = claim[claim.length - 1]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const i = alphabet.indexOf(last);
    // The 86th character carries 2 bits; its 4 low bits are padding.
    const twin = alphabet[(i & ~15) | ((i + 1) & 15)]!;
    expect(Buffer.from(claim.slice(-86, -1) + twin, 'base64url')).toEqual(Buffer.from(claim.slice(-86), 'base64url'));
    expect((await ok(ctx, 'certificates.verify', { text: claim.slice(0, -1) + twin })).verdict).toBe('forged');
  });

  it('rejects a claim signed by another key, whether it names that key or forges ours', async () => {
    const p = parseClaim(claim);
    if (!p.ok) throw new Error('unreadable');
    const other = generateKeyPair();
    const own = signClaim({ ...p.claim, kid: other.kid }, privateKeyObject(other.privateKey));
    // The claim stays in the answer: the verify screen shows what the forgery claims.
    expect(await ok(ctx, 'certificates.verify', { text: own })).toEqual({
      verdict: 'forged',
      reason: 'unknown_key',
      claim: { ...p.claim, kid: other.kid },
    });
    const posing = signClaim(p.claim, privateKeyObject(other.privateKey));
    expect(await ok(ctx, 'certificates.verify', { text: posing })).toEqual({
      verdict: 'forged',
      reason: 'bad_signature',
      claim: p.claim,
    });
    const ed = crypto.generateKeyPairSync('ed25519').privateKey;
    expect((await ok(ctx, 'certificates.verify', { text: signClaim(p.claim, ed) })).verdict).toBe('forged');
  });

  it('calls a badge or random text forged (malformed), not an error', async () => {
    for (const text of ['HD7K2QAB3XK9TM', '', 'https://example.org', 'HS1|||||', `${claim}|x`]) {
      // Exactly this: the reason the screen words as "not a certificate", and no claim to show.
      expect(await ok(ctx, 'certificates.verify', { text }), text).toEqual({ verdict: 'forged', reason: 'malformed' });
    }
  });

  it('answers revoked once the number is revoked, refuses to reprint it, and lists it in verify.html', async () => {
    const bad = await dispatch(ctx, 'certificates.revoke', { ...scope(ctx), participantId, reason: 'x' });
    expect(!bad.ok && bad.error.code).toBe('invalid_input');
    const row = await ok(ctx, 'certificates.revoke', { ...scope(ctx), participantId, reason: 'Nama salah tulis, diganti' });
    expect(row.revoked).toMatchObject({ reason: 'Nama salah tulis, diganti' });
    expect(listAudit(ctx.db)[0]).toMatchObject({ action: 'certificates.revoke' });
    expect(await ok(ctx, 'certificates.verify', { text: claim })).toMatchObject({
      verdict: 'revoked',
      claim: { number: '001/PSM/DINSOS/IX/2022' },
      revoked: { reason: 'Nama salah tulis, diganti' },
    });
    const reprint = await dispatch(ctx, 'certificates.issue', { ...scope(ctx), participantId });
    expect(!reprint.ok && reprint.error).toMatchObject({ code: 'revoked', params: { number: '001/PSM/DINSOS/IX/2022' } });
    const key = await ok(ctx, 'certificates.publicKey', {});
    const html = Buffer.from(key.verifyHtml.bytes).toString('utf8');
    expect(html).toContain('"number":"001/PSM/DINSOS/IX/2022"');
    expect(key.pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=]{60}\n-----END PUBLIC KEY-----\n$/);
    expect(html).not.toMatch(/PRIVATE/i);
  });
});
