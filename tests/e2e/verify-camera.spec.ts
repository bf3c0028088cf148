// verify.html served by the kiosk's web host, with a camera (issue 16, defect 13): a Chromium
// whose fake webcam shows the QR of a certificate the app rendered reads it through the kiosk's
// own decoder worker and shows the verdict. The page needs no access key.
import { webcamVideo, browserWithFakeCamera } from './checkin/badge-video';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { appendScan } from '../../electron/db/repositories/scans';
import { DEFAULT_FIELDS } from '../../electron/shared/cert-template-defaults';
import { newAccessKey } from '../../electron/web/access-key';
import { ok, PSM_EVENT, scope, tempDir } from '../helpers/ctx';
import { expect, SHOTS, startHost, test } from './fixtures';

/**
 * A fake webcam showing a printed certificate held close to a phone: the app's certificate PDF,
 * rasterised by pdftoppm at 200 dpi, a 720×720 px square around its QR (where the built-in layout
 * puts it) on a grey 1280×720 frame, written as the Y4M Chromium's fake camera plays.
 */
function certificateVideo(pdf: Uint8Array): string {
  const dir = tempDir('hadir-certcam-');
  fs.writeFileSync(path.join(dir, 'cert.pdf'), pdf);
  const dpi = 200;
  const qr = DEFAULT_FIELDS.landscape.qr;
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const cx = px(qr.x + qr.w / 2);
  const cy = px(qr.y + qr.h / 2);
  // prettier-ignore
  execFileSync('pdftoppm', ['-png', '-singlefile', '-r', String(dpi), '-f', '1', '-l', '1',
    '-x', String(cx - 360), '-y', String(cy - 360), '-W', '720', '-H', '720',
    path.join(dir, 'cert.pdf'), path.join(dir, 'qr')]);
  return webcamVideo(path.join(dir, 'qr.png'), path.join(dir, 'cert.y4m'));
}

test('verify.html at the web host, no access key: the camera reads a certificate QR the app rendered and says ASLI; typing still works', async () => {
  test.setTimeout(180_000);
  const host = await startHost({ accessKey: newAccessKey() });
  const event = await ok(host.ctx, 'event.create', PSM_EVENT);
  const p = await ok(host.ctx, 'participants.create', {
    ...scope(host.ctx),
    name: 'Ni Luh Putu Ayu Kusumawati, A.Md.',
    role: 'Peserta',
    regency: 'Kota Metro',
  } as never);
  for (const d of event.days)
    appendScan(host.ctx.db, {
      uuid: `s-${d.id}`,
      eventId: event.id,
      station: 'd',
      participantId: p.id,
      eventDayId: d.id,
      scannedAt: `${d.date}T01:00:00Z`,
      verdict: 'ok',
      rawCode: 'X',
    });
  // The QR points at this kiosk's own verify page, as an office without a website would set it.
  const { settings } = await ok(host.ctx, 'certificates.settings', {});
  await ok(host.ctx, 'certificates.saveSettings', {
    ...scope(host.ctx),
    ...settings,
    template: { ...settings.template, verifyUrl: `${host.url}verify.html` },
  });
  const issued = await ok(host.ctx, 'certificates.issue', { ...scope(host.ctx), participantId: p.id });
  const claim = issued.claim;
  expect(claim.startsWith(`${host.url}verify.html#HS1|`)).toBe(true);
  const browser = await browserWithFakeCamera(certificateVideo(issued.file.bytes));
  const problems: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    // No key in the address, no header: the page is public.
    const res = await page.goto(`${host.url}verify.html`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("worker-src 'self'");
    await expect(page.getByRole('heading', { name: /Periksa keaslian sertifikat/ })).toBeVisible();
    await expect(page.locator('#event')).toContainText('Peningkatan Kemampuan Potensi PSM');

    await page.getByRole('button', { name: /Pindai dengan kamera/ }).click();
    const result = page.locator('#result');
    await expect(result).toHaveAttribute('data-verdict', 'authentic', { timeout: 60_000 });
    await expect(result).toContainText('ASLI');
    await expect(result).toContainText('Ni Luh Putu Ayu Kusumawati, A.Md.');
    await expect(result).toContainText('7 September 2022, 8 September 2022');
    // What the camera read is what the certificate's QR holds, shown in the box.
    await expect(page.locator('#claim')).toHaveValue(claim);
    // The camera is closed after the read.
    await expect(page.locator('#camera')).toBeHidden();
    await page.screenshot({ path: path.join(SHOTS, 'verify-camera-authentic.png') });

    // Pasting stays: an altered claim is PALSU.
    const i = claim.indexOf('Kusumawati');
    await page.locator('#claim').fill(claim.slice(0, i) + 'k' + claim.slice(i + 1));
    await page.getByRole('button', { name: /^Periksa/ }).click();
    await expect(result).toHaveAttribute('data-verdict', 'forged');
    await expect(result).toContainText('PALSU');
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
    await host.stop();
  }
});

test('verify.html at the web host before any event: a worded 404, not the app', async () => {
  const host = await startHost();
  try {
    const res = await fetch(`${host.url}verify.html`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Belum ada kegiatan di kiosk ini. / No event on this kiosk yet.');
  } finally {
    await host.stop();
  }
});
