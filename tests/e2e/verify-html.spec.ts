// verify.html, the offline checker anyone can open: the real file the kiosk exports, opened from
// disk in Chromium, against claims signed by the kiosk, by another key, altered and revoked.
import fs from 'node:fs';
import path from 'node:path';
import { signClaim } from '../../electron/core/certificates/claim';
import { generateKeyPair, privateKeyObject } from '../../electron/core/certificates/keys';
import { claimOf, parseClaim } from '../../electron/shared/cert-claim';
import { appendScan } from '../../electron/db/repositories/scans';
import { ok, PSM_EVENT, tempCtx, tempDir, scope } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';

async function exported() {
  const ctx = tempCtx();
  const event = await ok(ctx, 'event.create', PSM_EVENT);
  const add = (name: string) =>
    ok(ctx, 'participants.create', { ...scope(ctx), name, role: 'Peserta', regency: 'Kota Metro' } as never).then((p) => p.id);
  const a = await add('Ni Luh Putu Ayu Kusumawati, A.Md.');
  const b = await add('José Hernández');
  let n = 0;
  for (const id of [a, b])
    for (const d of event.days)
      appendScan(ctx.db, {
        uuid: `u${n++}`,
        eventId: event.id,
        station: 'd',
        participantId: id,
        eventDayId: d.id,
        scannedAt: `${d.date}T01:00:00Z`,
        verdict: 'ok',
        rawCode: 'X',
      });
  const good = (await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: a })).claim;
  const revoked = (await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: b })).claim;
  await ok(ctx, 'certificates.revoke', { ...scope(ctx), participantId: b, reason: 'Nama salah tulis' });
  const key = await ok(ctx, 'certificates.publicKey', {});
  const file = path.join(tempDir('hadir-verify-'), key.verifyHtml.fileName);
  fs.writeFileSync(file, key.verifyHtml.bytes);
  return { file, good, revoked };
}

test('verify.html checks a certificate offline: authentic, altered, another key, revoked, not a claim', async ({ page }) => {
  test.slow(); // the BigInt Ed25519 fallback is checked too: slow on a loaded 2-core machine
  const { file, good, revoked } = await exported();
  // Nothing may leave the page: any request at all fails the test.
  const requests: string[] = [];
  page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
  await page.setViewportSize({ width: 900, height: 760 });
  await page.goto(`file://${file}`);
  const result = page.locator('#result');
  const check = async (text: string) => {
    await page.locator('#claim').fill(text);
    await page.getByRole('button', { name: /Periksa/ }).click();
    await expect(result).toHaveAttribute('data-verdict', /.+/);
    const verdict = await result.getAttribute('data-verdict');
    await page.evaluate(() => document.getElementById('result')!.removeAttribute('data-verdict'));
    return verdict;
  };

  expect(await check(good)).toBe('authentic');
  await expect(result).toContainText('Ni Luh Putu Ayu Kusumawati, A.Md.');
  // A certificate printed before carries the plain claim: still authentic.
  const plainClaim = claimOf(good);
  expect(plainClaim.startsWith('HS1|')).toBe(true);
  expect(await check(plainClaim)).toBe('authentic');
  await expect(result).toContainText('7 September 2022, 8 September 2022');
  await page.locator('#claim').fill(good);
  await page.getByRole('button', { name: /Periksa/ }).click();
  await page.screenshot({ path: path.join(SHOTS, 'verify-html-authentic.png') });

  const i = good.indexOf('Kusumawati');
  expect(await check(good.slice(0, i) + 'k' + good.slice(i + 1))).toBe('forged');
  expect(await check(good.slice(0, -3) + (good.at(-3) === 'A' ? 'B' : 'A') + good.slice(-2))).toBe('forged');
  const p = parseClaim(good);
  if (!p.ok) throw new Error('claim');
  const other = generateKeyPair();
  expect(await check(signClaim(p.claim, privateKeyObject(other.privateKey)))).toBe('forged');
  expect(await check(signClaim({ ...p.claim, kid: other.kid }, privateKeyObject(other.privateKey)))).toBe('forged');
  expect(await check('HDAB12CD34EF56')).toBe('forged');

  expect(await check(revoked)).toBe('revoked');
  await expect(result).toContainText('Nama salah tulis');
  await expect(result).toContainText('José Hernández');
  await page.screenshot({ path: path.join(SHOTS, 'verify-html-revoked.png') });

  // Browsers without Ed25519 in WebCrypto use the page's own BigInt implementation: same answers.
  await page.evaluate(() => ((window as unknown as { __forceJs: boolean }).__forceJs = true));
  expect(await check(good)).toBe('authentic');
  expect(await check(good.replace('Ni%20Luh', 'Ni%20Lu%20h'))).toBe('forged');
  expect(await check(signClaim(p.claim, privateKeyObject(other.privateKey)))).toBe('forged');
  expect(await check(revoked)).toBe('revoked');
  expect(requests).toEqual([]);
});

test('verify.html: a revoked certificate whose number was stored with two spaces, a no-break or an ideographic space reads revoked (issue 18, defect 4)', async ({
  page,
}) => {
  const ctx = tempCtx();
  const event = await ok(ctx, 'event.create', PSM_EVENT);
  const claims: string[] = [];
  for (const [i, sp] of ['  ', '\u00a0', '\u3000'].entries()) {
    const p = await ok(ctx, 'participants.create', { ...scope(ctx), name: `Peserta ${i + 1}`, role: 'Peserta' } as never);
    for (const d of event.days)
      appendScan(ctx.db, {
        uuid: `s${i}-${d.id}`,
        eventId: event.id,
        station: 'd',
        participantId: p.id,
        eventDayId: d.id,
        scannedAt: `${d.date}T01:00:00Z`,
        verdict: 'ok',
        rawCode: 'X',
      });
    await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: p.id });
    // As a kiosk of an earlier version stored the number: the pattern's spaces as typed.
    ctx.db.prepare('UPDATE certificate SET number = ? WHERE participant_id = ?').run(`00${i + 1}/PSM${sp}DINSOS`, p.id);
    claims.push((await ok(ctx, 'certificates.issue', { ...scope(ctx), participantId: p.id })).claim);
    await ok(ctx, 'certificates.revoke', { ...scope(ctx), participantId: p.id, reason: 'Nomor ganda' });
  }
  const key = await ok(ctx, 'certificates.publicKey', {});
  const file = path.join(tempDir('hadir-verify-'), key.verifyHtml.fileName);
  fs.writeFileSync(file, key.verifyHtml.bytes);
  await page.goto(`file://${file}`);
  const result = page.locator('#result');
  for (const claim of claims) {
    expect(claimOf(claim)).toContain('/PSM DINSOS|');
    await page.locator('#claim').fill(claim);
    await page.getByRole('button', { name: /Periksa/ }).click();
    await expect(result).toHaveAttribute('data-verdict', 'revoked');
    await expect(result).toContainText('Nomor ganda');
    await page.evaluate(() => document.getElementById('result')!.removeAttribute('data-verdict'));
  }
});

test('verify.html opened from a certificate QR by a phone camera: the claim in the address fragment is checked at once, nothing requested', async ({
  page,
}) => {
  const { file, good, revoked } = await exported();
  const requests: string[] = [];
  page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
  await page.setViewportSize({ width: 390, height: 844 }); // a phone
  expect(good.startsWith('verify.html#HS1|')).toBe(true);
  const result = page.locator('#result');
  await page.goto(`file://${file}${good.slice(good.indexOf('#'))}`);
  await expect(result).toHaveAttribute('data-verdict', 'authentic');
  await expect(result).toContainText('Ni Luh Putu Ayu Kusumawati, A.Md.');
  await page.screenshot({ path: path.join(SHOTS, 'verify-html-from-qr-phone.png') });
  await page.goto(`file://${file}${revoked.slice(revoked.indexOf('#'))}`);
  await page.reload();
  await expect(result).toHaveAttribute('data-verdict', 'revoked');
  await expect(result).toContainText('José Hernández');
  expect(requests).toEqual([]);
});
