import path from 'node:path';
import { PSM_EVENT } from '../helpers/ctx';
import { op } from './checkin/desk';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';

test.use(LAPTOP);

// Issue 16, defect 9: the seed's full event name ran under the menu ("(PSM)" under "Kehadiran")
// on the Impor screen at 1366 px. The seed's name with its province and year, as an office writes it.
const NAME = 'Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat (PSM) Provinsi Lampung Tahun 2022';

test('a long event name is cut with an ellipsis before the menu, never under it (issue 16, defect 9)', async ({ page, host }) => {
  await op(host.ctx, 'event.create', { ...PSM_EVENT, name: NAME });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Impor' }).first().click();
  const sub = page.locator('header .brand-sub');
  const nav = page.locator('header nav');
  for (const lang of ['id', 'en'] as const) {
    if (lang === 'en') await page.locator('header .lang').getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const [a, b] = [(await sub.boundingBox())!, (await nav.boundingBox())!];
    expect(a.x + a.width, `${lang}: the name ends before the menu begins`).toBeLessThanOrEqual(b.x);
    // Cut, not wrapped or hidden: one line, ellipsis, the whole name on hover.
    expect(await sub.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).textOverflow === 'ellipsis')).toBe(
      true,
    );
    await expect(sub).toHaveAttribute('title', NAME);
    await page.screenshot({ path: path.join(SHOTS, `header-long-name-import-${lang}.png`) });
  }
});
