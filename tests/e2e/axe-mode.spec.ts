import type { Page } from '@playwright/test';
import { accessibilityFindings, axeBuilder, blockingFindings, expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { LAPTOP } from './seed';

test.use(LAPTOP);

/** Markup axe must fail: one finding of each kind the kiosk once had or could have (issue 9), built through the DOM (the CSP refuses style attributes). */
async function breakThePage(page: Page) {
  await page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    const add = (html: string) => main.insertAdjacentHTML('beforeend', html);
    add('<img src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==">');
    add(
      '<table><tr><th></th><td>1</td></tr></table><button></button><input type="text"><h5>deep</h5><form role="dialog"></form>',
    );
    const faint = document.createElement('p');
    faint.textContent = 'faint';
    faint.style.color = '#aaa';
    faint.style.background = '#bbb';
    main.append(faint);
  });
}

// expectAccessible runs axe.run in the page (tests/e2e/axe.ts, docs/engineering/ci-time.md): it must
// find what axe's default per-frame mode finds, and open no page of its own (the default's
// finishRun page, half the check's CPU).
test('the accessibility check finds what axe finds in its default mode, without a page of its own', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Hadir' })).toBeVisible();
  await breakThePage(page);

  const opened: string[] = [];
  page.context().on('page', (p) => opened.push(p.url()));
  const found = await accessibilityFindings(page);
  expect(opened, 'pages opened by the check').toEqual([]);

  const byDefault = blockingFindings((await axeBuilder(page).analyze()).violations);
  expect(byDefault.map((f) => f.split(':')[0]).sort()).toEqual(
    [
      'critical button-name',
      'critical image-alt',
      'critical label',
      'minor aria-allowed-role',
      'minor empty-table-header',
      'moderate heading-order',
      'serious aria-dialog-name',
      'serious color-contrast',
    ].sort(),
  );
  expect([...found].sort()).toEqual([...byDefault].sort());
  await expect(expectAccessible(page, 'broken markup')).rejects.toThrow('critical image-alt');
});
