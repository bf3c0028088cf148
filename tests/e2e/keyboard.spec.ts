import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP, seedPsm } from './seed';

test.use(LAPTOP);

const insideDialog = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'));
/** The focus ring as drawn: style, width and colour of the outline. */
const ring = (l: Locator) =>
  l.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor };
  });

test('the edit dialog keeps the keyboard inside and gives focus back to the button that opened it (issue 9.7)', async ({
  page,
  host,
}) => {
  await seedPsm(host.ctx);
  await page.goto(host.url);
  const edit = page.locator('tbody tr').filter({ hasText: 'Abdul Rozak' }).getByRole('button', { name: 'Ubah' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Ubah data peserta' });
  await expect(dialog.locator('input[name=name]')).toBeFocused();
  await dialog.locator('input[name=district]').fill('Liwa');
  await page.screenshot({ path: path.join(SHOTS, 'participant-form-id.png') });
  // Round and round: Tab never leaves the dialog for the menu behind it.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    expect(await insideDialog(page)).toBe(true);
  }
  await dialog.locator('input[name=name]').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Simpan' })).toBeFocused();
  // The page behind cannot be reached by the pointer either.
  await expect(page.locator('#root')).toHaveJSProperty('inert', true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  await expect(page.locator('#root')).toHaveJSProperty('inert', false);

  // Saved with Enter: the list reloads and focus is still on the row's button.
  await page.keyboard.press('Enter');
  await dialog.locator('input[name=district]').fill('Liwa');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  expect(host.ctx.db.prepare("SELECT district FROM participant WHERE name = 'Abdul Rozak'").get()).toEqual({ district: 'Liwa' });
  // And from "+ Tambah peserta" back to it.
  const add = page.getByRole('button', { name: '+ Tambah peserta' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Tambah peserta' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(add).toBeFocused();
});

test('the import file picker opens with Enter and shows its focus; the header shows a visible focus ring (issue 9.7)', async ({
  page,
  host,
}) => {
  await seedPsm(host.ctx);
  // Listening long before Enter is pressed: Playwright turns file-chooser interception on when
  // the first listener is added, and a chooser opened before that point is never reported.
  const chooserOpened = page.waitForEvent('filechooser');
  await page.goto(host.url);
  // Back from the language switch into the menu, by keyboard (so the ring is the keyboard's).
  const importItem = page.getByRole('navigation').getByRole('button', { name: 'Impor' });
  await page.locator('header .lang').getByRole('button', { name: 'ID', exact: true }).focus();
  // However many screens the menu has, Shift+Tab walks back to "Impor".
  for (let i = 0; i < 10 && !(await importItem.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(importItem).toBeFocused();
  // White, 3 px, on the dark green: visible (Chromium's default ring is dark blue there).
  expect(await ring(importItem)).toEqual({ style: 'solid', width: '3px', color: 'rgb(255, 255, 255)' });
  await page.locator('header').screenshot({ path: path.join(SHOTS, 'header-focus-id.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Impor daftar peserta' })).toBeVisible();

  const choose = page.getByRole('button', { name: 'Pilih berkas…' });
  await page.getByRole('heading', { level: 1 }).click(); // where reading starts; the next Tab goes on from here
  await page.keyboard.press('Tab');
  await expect(choose).toBeFocused();
  expect((await ring(choose)).style).toBe('solid');
  await page.locator('.dropzone').screenshot({ path: path.join(SHOTS, 'import-picker-focus-id.png') });
  await page.keyboard.press('Enter');
  const chooser = await chooserOpened;
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles(path.join(import.meta.dirname, '../fixtures/utf8-bom.csv'));
  await expect(page.getByTestId('import-preview')).toBeVisible();

  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Participants' }).focus();
  await page.keyboard.press('Tab'); // focus-visible needs a keyboard move
  await page.keyboard.press('Shift+Tab');
  await page.locator('header').screenshot({ path: path.join(SHOTS, 'header-focus-en.png') });
});
