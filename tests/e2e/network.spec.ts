import path from 'node:path';
import { dispatch } from '../../electron/core/dispatch';
import { PSM_EVENT } from '../helpers/ctx';
import { expect, SHOTS, startHost, test } from './fixtures';

// A second desk on the venue network: the host listens beyond loopback and every operation
// needs the access key that the kiosk prints as part of its address.
const KEY = 'K7Q2M9X4B1ZD';

test('a desk opens the address with its key; without the key it gets a clear message and no data', async ({ page, browser }) => {
  const host = await startHost({ loopbackOnly: false, accessKey: KEY });
  try {
    await dispatch(host.ctx, 'event.create', PSM_EVENT);

    await page.goto(`${host.url}#key=${KEY}`);
    await expect(page.getByTestId('list-count')).toHaveText('0 dari 0 peserta');
    // The key leaves the address bar at once, and the tab keeps working after a reload.
    expect(new URL(page.url()).hash).toBe('');
    await page.reload();
    await expect(page.getByTestId('list-count')).toHaveText('0 dari 0 peserta');

    // Another laptop that was given only the plain address.
    const other = await browser.newContext();
    const stranger = await other.newPage();
    await stranger.goto(host.url);
    await expect(stranger.getByRole('alert')).toContainText('Kunci akses tidak ada atau salah');
    await expect(stranger.getByTestId('list-count')).toHaveCount(0);
    await stranger.screenshot({ path: path.join(SHOTS, 'access-key-missing-id.png') });
    await stranger.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(stranger.getByRole('alert')).toContainText('The access key is missing or wrong');
    await stranger.screenshot({ path: path.join(SHOTS, 'access-key-missing-en.png') });
    await other.close();
  } finally {
    await host.stop();
  }
});
