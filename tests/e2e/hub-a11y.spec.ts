import crypto from 'node:crypto';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { badgeOf, op, todaysEvent } from './checkin/desk';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';
import { lanAddress, startHub } from './hub/start-hub';
import { expectAccessible } from './axe';

// Issue 19's screens by keyboard and axe: the hub screen (desk list with revoke, the organiser PIN
// card, new key), a check-in-only desk's role line with its PIN form, and the Rekonsiliasi card.
// Each is walked with Tab from the top of the page: every control on it is reached and shows a
// focus ring; a confirmation takes the focus and gives it back; then axe, in Indonesian and English.
const KEY = 'K7Q2M9X4B1ZD';
const LAN = lanAddress();

interface Step {
  what: string;
  ring: boolean;
}

/** Presses Tab from the top of the page until the focus comes round again, marking every element it reaches. */
async function tabThrough(page: Page, max = 150): Promise<Step[]> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    for (const e of document.querySelectorAll('[data-tab-seen]')) e.removeAttribute('data-tab-seen');
  });
  const steps: Step[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const step = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      if (el.dataset.tabSeen) return 'again' as const;
      el.dataset.tabSeen = '1';
      const s = getComputedStyle(el);
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('id') ?? '').trim().slice(0, 40);
      // Drawn by the browser from :focus-visible: an outline at least 1 px wide (styles.css gives 2–3 px).
      return {
        what: `${el.tagName.toLowerCase()} "${label}"`,
        ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1,
      };
    });
    if (step === 'again') break;
    if (step) steps.push(step);
  }
  return steps;
}

/** Tab reaches every visible, enabled control inside `region`, and each control Tab reaches shows its focus. */
async function expectKeyboardReach(page: Page, region: Locator, what: string): Promise<Step[]> {
  const steps = await tabThrough(page);
  const missed = await region.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')]
      .filter(
        (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && !el.dataset.tabSeen,
      )
      .map((el) => el.outerHTML.slice(0, 100)),
  );
  expect(missed, `${what}: controls Tab never reached`).toEqual([]);
  expect(
    steps.filter((s) => !s.ring).map((s) => s.what),
    `${what}: focus not visible`,
  ).toEqual([]);
  const inRegion = await region.evaluate((root) => root.querySelectorAll('[data-tab-seen]').length);
  expect(inRegion, `${what}: Tab reached nothing inside`).toBeGreaterThan(0);
  return steps;
}

test.describe('issue 19 screens by keyboard and axe', () => {
  test.skip(!LAN, 'no venue-network (non-loopback IPv4) address on this machine');
  test.setTimeout(240_000); // HTTPS desk pages and long Tab walks on a loaded machine

  test('the hub screen: desk list with revoke, organiser PIN card, new key', async ({ browser }) => {
    const hub = await startHub(KEY, LAN!);
    const context = await browser.newContext(LAPTOP);
    try {
      await todaysEvent(hub.ctx);
      // Two desks joined from the LAN (as /hub/join records them), so the list has rows to revoke.
      hub.hub.registry.join('Meja 2 – HP Rina', 'checkin', '192.0.2.21');
      hub.hub.registry.join('Meja 3', 'checkin', '192.0.2.22');
      const page = await context.newPage();
      await page.goto(`${hub.localUrl}#key=${KEY}`);
      await page.getByRole('navigation').getByRole('button', { name: 'Meja lain' }).click();
      await expect(page.getByTestId('hub-desk')).toHaveCount(2);
      const screen = page.locator('.hub');
      await expectKeyboardReach(page, screen, 'hub screen');
      await expectAccessible(page, 'hub screen');

      // Revoke by keyboard: the confirmation takes the focus; "Batal" gives it back to the row's button.
      const row = page.getByTestId('hub-desk').filter({ hasText: 'Meja 3' });
      const revoke = row.getByRole('button', { name: 'Cabut' });
      await revoke.focus();
      await page.keyboard.press('Enter');
      const yes = page.getByRole('button', { name: 'Ya, cabut' });
      await expect(yes).toBeFocused();
      await expectAccessible(page, 'hub screen, revoke confirmation');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('alertdialog').getByRole('button', { name: 'Batal' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(yes).toBeHidden();
      await expect(revoke).toBeFocused();
      // And confirmed: the row says "Dicabut"; the focus is not lost to the page.
      await page.keyboard.press('Enter');
      await expect(yes).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(row).toContainText('Dicabut');
      expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
      await expect(page.getByTestId('hub-desks')).toBeFocused();

      // New key: the same, without confirming (the page would lose its key).
      const newKey = page.getByRole('button', { name: 'Kunci baru' });
      await newKey.focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: 'Ya, buat kunci baru' })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('button', { name: 'Ya, buat kunci baru' })).toBeHidden();
      await expect(newKey).toBeFocused();

      // The PIN card, typed and saved with Enter.
      await page.getByLabel('PIN baru (4–8 angka)').focus();
      await page.keyboard.type('2468');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('hub-pin-state')).toContainText('PIN sudah dipasang');
      await page.screenshot({ path: path.join(SHOTS, 'hub-a11y-id.png'), fullPage: true });

      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(/Other desks|venue network/);
      await expectKeyboardReach(page, screen, 'hub screen (en)');
      await expectAccessible(page, 'hub screen (en)');
      await page.screenshot({ path: path.join(SHOTS, 'hub-a11y-en.png'), fullPage: true });
    } finally {
      await context.close();
      await hub.stop();
    }
  });

  test("a check-in-only desk's role line and its PIN form", async ({ browser }) => {
    const hub = await startHub(KEY, LAN!);
    const context = await browser.newContext({ ...LAPTOP, ignoreHTTPSErrors: true });
    try {
      await todaysEvent(hub.ctx);
      const desk = await context.newPage();
      await desk.goto(`${hub.lanUrl}#key=${KEY}`);
      const role = desk.getByTestId('desk-role');
      await expect(role).toHaveAttribute('data-role', 'checkin');
      await expect(desk.getByTestId('checkin-total')).toBeVisible();
      await expectKeyboardReach(desk, role, 'desk role line');

      // Opening the PIN form puts the focus in the PIN field; a refusal is read out; "Batal" returns the focus.
      const enter = role.getByRole('button', { name: 'Masukkan PIN penyelenggara' });
      await enter.focus();
      await desk.keyboard.press('Enter');
      await expect(desk.getByLabel('PIN penyelenggara')).toBeFocused();
      await desk.keyboard.type('1111');
      await desk.keyboard.press('Enter');
      await expect(role.getByRole('alert')).toContainText('Belum ada PIN penyelenggara');
      await expectKeyboardReach(desk, role, 'desk role line, PIN form');
      await expectAccessible(desk, 'check-in-only desk, PIN form with a refusal');
      await desk.screenshot({ path: path.join(SHOTS, 'desk-role-pin-id.png') });
      await role.getByRole('button', { name: 'Batal' }).focus();
      await desk.keyboard.press('Enter');
      await expect(enter).toBeFocused();
      await desk.keyboard.press('Enter');
      await expect(desk.getByLabel('PIN penyelenggara')).toBeFocused();
      await desk.keyboard.press('Escape');
      await expect(enter).toBeFocused();

      await desk.getByRole('button', { name: 'EN', exact: true }).click();
      await expect(role).toContainText('check-in only');
      await role.getByRole('button', { name: "Enter the organiser's PIN" }).focus();
      await desk.keyboard.press('Enter');
      await expect(desk.getByLabel("Organiser's PIN")).toBeFocused();
      await expectKeyboardReach(desk, role, 'desk role line, PIN form (en)');
      await expectAccessible(desk, 'check-in-only desk, PIN form (en)');
      await desk.screenshot({ path: path.join(SHOTS, 'desk-role-pin-en.png') });
    } finally {
      await context.close();
      await hub.stop();
    }
  });

  test('Rekonsiliasi on the reports screen, reached from the recap line', async ({ browser }) => {
    const hub = await startHub(KEY, LAN!);
    const context = await browser.newContext(LAPTOP);
    try {
      const { ctx } = hub;
      const event = await todaysEvent(ctx);
      // Two desks cut off from the hub both checked Budi in; their outboxes arrive now.
      const budi = await op(ctx, 'participants.create', {
        eventId: event.id,
        desk: 'Meja 1',
        name: 'Budi Santoso',
        role: 'Peserta',
      });
      for (const [desk, ago] of [
        ['Meja 2 – HP Rina', 120_000],
        ['Meja 3', 60_000],
      ] as const)
        await op(ctx, 'checkin.scan', {
          eventId: event.id,
          desk,
          text: badgeOf(ctx, event.id, budi.code),
          input: 'camera',
          uuid: crypto.randomUUID(),
          at: new Date(Date.now() - ago).toISOString(),
        });
      const page = await context.newPage();
      await page.goto(`${hub.localUrl}#key=${KEY}`);
      await page.getByRole('navigation').getByRole('button', { name: 'Laporan' }).click();
      const card = page.getByTestId('reconciliation');
      await expect(card.getByTestId('recon-list')).toContainText('Budi Santoso');
      await expectKeyboardReach(page, card, 'Rekonsiliasi');
      // The recap's line links to the card: Enter on it, then Tab goes on inside the card.
      const link = page.locator('a[href="#rekonsiliasi"]');
      await link.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await card.evaluate((c) => c.contains(document.activeElement))).toBe(true);
      await expectAccessible(page, 'reports with a reconciliation case');
      await card.screenshot({ path: path.join(SHOTS, 'recon-a11y-id.png') });
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await expect(card.getByRole('heading', { level: 2 })).toHaveText('Reconciliation');
      await expectKeyboardReach(page, card, 'Reconciliation (en)');
      await expectAccessible(page, 'reports with a reconciliation case (en)');
      await card.screenshot({ path: path.join(SHOTS, 'recon-a11y-en.png') });
    } finally {
      await context.close();
      await hub.stop();
    }
  });
});
