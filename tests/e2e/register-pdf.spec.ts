// The certificate number register as a PDF from the Laporan screen (issue 16): downloaded as the
// organiser does, read back with pdftotext.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ok, scope } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP, seedPsm } from './seed';

test.use(LAPTOP);

test('Laporan: «Unduh PDF (register nomor sertifikat)» gives the register with the event and page numbers', async ({ page, host }) => {
  test.slow(); // certificates are rendered to be numbered: slow on a loaded 2-core machine
  await seedPsm(host.ctx);
  const people = (await ok(host.ctx, 'participants.list', { limit: 5 })).rows.slice(0, 3);
  for (const p of people) await ok(host.ctx, 'certificates.override', { ...scope(host.ctx), participantId: p.id, reason: 'hadir penuh' });
  await ok(host.ctx, 'certificates.batch', { ...scope(host.ctx), participantIds: people.map((p) => p.id) });
  const numbers = (await ok(host.ctx, 'certificates.list', { status: 'issued' })).rows.map((r) => [r.number!, r.name]);
  expect(numbers).toHaveLength(3);

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Laporan' }).click();
  const button = page.getByRole('button', { name: 'Unduh PDF (register nomor sertifikat)' });
  await button.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'reports-register-pdf-id.png') });
  const download = page.waitForEvent('download');
  await button.click();
  expect((await download).suggestedFilename()).toMatch(/^rekap-.*-register\.pdf$/);
  const text = execFileSync('pdftotext', [(await (await download).path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('REGISTER NOMOR SERTIFIKAT');
  expect(text).toContain('Halaman 1 dari 1');
  for (const [number, name] of numbers) {
    expect(text).toContain(number);
    expect(text).toContain(name);
  }

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.getByRole('button', { name: 'Download PDF (certificate number register)' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'reports-register-pdf-en.png') });
});
