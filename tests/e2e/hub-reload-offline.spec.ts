import path from 'node:path';
import { chromium } from '@playwright/test';
import { badgeOf, op, sendKeys, todaysEvent, usKeys } from './checkin/desk';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';
import { lanAddress } from './hub/start-hub';
import { runHub } from './hub/restartable-hub';
import { tempDir } from '../helpers/ctx';
import { snapshotPeople } from './hub/desk-snapshot';
import { silentHub } from './hub/silent-hub';

// Issue 19, item 3: a desk whose page is reloaded while the hub is unreachable (a phone that
// discarded its tab, someone pressing F5) still opens its check-in screen from the copy its
// service worker kept, gives provisional verdicts from its snapshot, and sends its outbox when
// the hub is back. Before the offline shell, the reload showed the browser's "site can't be
// reached" page and the desk could not scan until the hub returned.
const KEY = 'R4V8Q2M6T1ZX';
const LAN = lanAddress();
// Every file the page starts with but its entry script comes late, as from a loaded hub laptop:
// the desk has then kept the entry before the chunk it imports, and a test that stopped the hub
// as soon as the entry was kept reloaded into a page that cannot start (the CI failure of
// 2026-12, not seen idle: the entry statically imports the shared chunk React lives in).
const SLOW = { path: /^\/assets\/(?!index-[^/]*\.js$)/, ms: 3000 };

test('a desk reloaded while the hub is down opens from its offline copy and keeps scanning', async () => {
  test.skip(!LAN, 'no venue-network (non-loopback IPv4) address on this machine');
  // A browser registers a service worker only from an origin whose certificate it trusts: a desk
  // that installed the hub's certificate. --ignore-certificate-errors stands in for that here
  // (Playwright's ignoreHTTPSErrors lets the page load but not the worker register).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--ignore-certificate-errors'],
  });
  const dataDir = tempDir('hadir-hub-');
  let hub = await runHub(KEY, LAN!, dataDir, 0, SLOW);
  const port = hub.port;
  try {
    const event = await todaysEvent(hub.ctx);
    const add = (name: string) => op(hub.ctx, 'participants.create', { eventId: event.id, desk: 'Meja 1', name, role: 'Peserta' });
    const siti = await add('Siti Aminah');
    const budi = await add('Budi Santoso');
    const badge = { siti: badgeOf(hub.ctx, event.id, siti.code), budi: badgeOf(hub.ctx, event.id, budi.code) };

    const context = await browser.newContext({ ...LAPTOP, ignoreHTTPSErrors: true });
    const desk = await context.newPage();
    // Where the desk waits on its own bounds (its start's 4 s, its outbox's 5 s and 3 s), the test
    // moves the desk's clock on (desk.clock, installed below), so those cost no wall time. What the
    // spec checks is unchanged: a bound that were missing would still wait for ever.
    /** `read`, polled as the desk's clock is moved on a second at a time (a try, a time-out). */
    const movedOn = <T>(read: () => Promise<T>) =>
      expect.poll(async () => (await desk.clock.fastForward(1000), read()), { timeout: 60_000, intervals: [100] });
    const bannerText = () => desk.evaluate(() => document.querySelector('[data-testid="checkin-offline"]')?.textContent ?? null);
    await desk.goto(`https://${LAN}:${port}/#key=${KEY}`);
    const verdict = desk.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'idle');
    // The desk has its snapshot, its service worker controls the page, and the shell is kept: the
    // page and every file the kept page starts with (its entry, the chunks it imports, its styles).
    await expect
      .poll(() =>
        desk.evaluate(async () => {
          const cache = await caches.open('hadir-shell-v1');
          const kept = (await cache.keys()).map((r) => new URL(r.url).pathname);
          const page = await cache.match('/');
          const needs = [...((await page?.text()) ?? '').matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => `/${m[1]}`);
          return {
            controlled: navigator.serviceWorker.controller !== null,
            page: page !== undefined,
            entry: needs.filter((p) => /^\/assets\/index-.*\.js$/.test(p)).length,
            missing: needs.filter((p) => !kept.includes(p)),
          };
        }),
      )
      .toEqual({ controlled: true, page: true, entry: 1, missing: [] });
    await expect.poll(() => snapshotPeople(desk)).toBe(2);

    // The desk's clock from here on (it flows as the machine's until moved on). Not before: its
    // performance.getEntriesByType is empty, and the page keeps its files by those entries.
    await desk.clock.install();
    // The hub goes away; the desk's page is reloaded.
    await hub.stop();
    await desk.reload();
    await expect(verdict).toHaveAttribute('data-verdict', 'idle');
    // The day it records for, from the event's own days (no figures from the hub).
    await expect(desk.getByTestId('checkin-day')).toContainText('Hari 1');
    const cdp = await context.newCDPSession(desk);
    await sendKeys(cdp, usKeys(badge.siti), 4, 'Enter');
    await expect(verdict).toHaveAttribute('data-provisional', 'present');
    await expect(verdict).toContainText('Siti Aminah');
    const banner = desk.getByTestId('checkin-offline');
    await expect(banner).toContainText('menunggu dikirim: 1');
    await desk.screenshot({ path: path.join(SHOTS, 'desk-reloaded-offline-id.png') });
    await desk.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(banner).toContainText('Scans waiting to be sent: 1');
    await desk.screenshot({ path: path.join(SHOTS, 'desk-reloaded-offline-en.png') });

    // Reloaded again while something on the hub's port takes the connection and never answers:
    // the desk does not wait for the browser to give up (minutes) but opens from its copy and
    // what it kept, with its outbox, after a few seconds (sw.js, App.tsx).
    // (A port that takes the connection but not the handshake, as a laptop gone to sleep can,
    // Chromium gives up on after 30 s per request: the page, then its files, then each start-up
    // request, a minute or more before the fix; no test here waits on a time, so that case is
    // covered by this one.)
    const silent = await silentHub(port, dataDir, LAN!);
    try {
      await desk.reload();
      await movedOn(bannerText).toContain('menunggu dikirim: 1');
      await expect(verdict).toHaveAttribute('data-verdict', 'idle');
      // In Bahasa Indonesia again: the choice of English could not be saved on the hub.
      await expect(desk.getByTestId('checkin-day')).toContainText('Hari 1');
      await expect(banner).toContainText('menunggu dikirim: 1');
    } finally {
      await silent.close();
    }

    // The hub is back on the same port and folder: the scan is sent and stored once.
    hub = await runHub(KEY, LAN!, dataDir, port);
    await movedOn(bannerText).toBeNull();
    await expect
      .poll(() => hub.ctx.db.prepare("SELECT COUNT(*) AS n FROM scan WHERE verdict = 'ok'").get())
      .toEqual({ n: 1 });
    // And the desk goes on with the hub: the next scan is stored (confirmed at once, or, on a
    // machine too loaded to answer within the desk's 5 s, sent from the outbox a moment later).
    await sendKeys(cdp, usKeys(badge.budi), 4, 'Enter');
    await expect(verdict).toContainText('Budi Santoso');
    await expect
      .poll(() => hub.ctx.db.prepare("SELECT COUNT(DISTINCT participant_id) AS n FROM scan WHERE verdict = 'ok'").get())
      .toEqual({ n: 2 });
    // The keyboard alone reaches the search box from the top of the page.
    for (let i = 0; i < 30 && !(await desk.getByRole('searchbox').evaluate((el) => el === document.activeElement)); i++) await desk.keyboard.press('Tab');
    await expect(desk.getByRole('searchbox')).toBeFocused();
    await context.close();
  } catch (error) {
    // This browser is the test's own (a certificate flag): the config's failure screenshot does
    // not reach it. .ci/run names this file.
    const desk = browser.contexts()[0]?.pages()[0];
    await desk?.screenshot({ path: test.info().outputPath('desk-at-failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
    await hub.stop().catch(() => undefined);
  }
});
