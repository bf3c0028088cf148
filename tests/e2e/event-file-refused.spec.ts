// Issue 18, defect 10: a hostile event file is refused on the event screen in one worded line,
// in Bahasa Indonesia and in English, and nothing is added.
import path from 'node:path';
import zlib from 'node:zlib';
import { dispatch } from '../../electron/core/dispatch';
import { ok, PSM_EVENT, tempCtx } from '../helpers/ctx';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';

test.use(LAPTOP);

test('an event file with NUL in a name is refused in one line, in both languages', async ({ page, host }) => {
  const other = tempCtx();
  await ok(other, 'event.createDemo', {});
  const doc = JSON.parse(zlib.gunzipSync((await ok(other, 'event.exportFile', {})).bytes).toString('utf8'));
  other.db.close();
  doc.tables.participant[4].name = 'Dewi\u0000Sartika';
  const file = { name: 'acara-rusak.hadir', mimeType: 'application/octet-stream', buffer: zlib.gzipSync(JSON.stringify(doc)) };

  await dispatch(host.ctx, 'event.create', PSM_EVENT);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Acara' }).click();
  const card = page.getByRole('region', { name: 'Pindahkan acara ke laptop lain' });
  await card.getByTestId('event-import-file').setInputFiles(file);
  await expect(card.getByRole('alert')).toHaveText(
    'Berkas acara ditolak: nilai tidak sah di participant row 5, name (control character). Tidak ada yang disimpan.',
  );
  await expect(page.locator('.event-list li')).toHaveCount(1);
  await card.screenshot({ path: path.join(SHOTS, 'event-file-refused-id.png') });

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  const en = page.getByRole('region', { name: 'Move an event to another laptop' });
  await en.getByTestId('event-import-file').setInputFiles(file);
  await expect(en.getByRole('alert')).toHaveText(
    'Event file refused: invalid value at participant row 5, name (control character). Nothing was saved.',
  );
  await en.screenshot({ path: path.join(SHOTS, 'event-file-refused-en.png') });
});
