import { setTimeout as sleep } from 'node:timers/promises';
import type { Request } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { badgeOf, op, sendKeys, todaysEvent, usKeys } from './checkin/desk';
import { expect, test } from './fixtures';
import { LAPTOP } from './seed';
import { lanAddress, startHub } from './hub/start-hub';
import { snapshotPeople } from './hub/desk-snapshot';
import { silentHub } from './hub/silent-hub';
import { stallingPort } from './hub/stalling-port';

// A hub that takes connections and never answers (a stalled hub process; a Wi-Fi lost mid-request,
// so the desk's connections are half-open): the desk's own background reads had no time limit,
// and the counters' poll started one more every 5 s. They held all six connections Chromium
// allows a host, and the outbox's scan waited behind them until its 5 s ran out, every try: the
// kept scan could not be sent when the hub answered again, until those connections died (TCP's
// own time-out, minutes). docs/engineering/hub-outbox-flake.md, "Background reads".
const KEY = 'W3N8D5K2P7QH';
const LAN = lanAddress();

test('a desk at a hub that stops answering keeps a connection free for its outbox', async ({ browser }) => {
  test.skip(!LAN, 'no venue-network (non-loopback IPv4) address on this machine');
  const hub = await startHub(KEY, LAN!);
  const silent = await silentHub(0, hub.dataDir, LAN!);
  const port = await stallingPort(hub.hub.port, (silent.server.address() as AddressInfo).port);
  try {
    const { ctx } = hub;
    const event = await todaysEvent(ctx);
    const rina = await op(ctx, 'participants.create', { eventId: event.id, desk: 'Meja 1', name: 'Rina Marlina', role: 'Peserta' });
    const context = await browser.newContext({ ...LAPTOP, ignoreHTTPSErrors: true });
    const desk = await context.newPage();
    // The requests the desk has started and not seen end (answered, failed or aborted).
    const waiting = new Set<Request>();
    desk.on('request', (r) => waiting.add(r));
    const ended = (r: Request) => waiting.delete(r);
    desk.on('requestfinished', ended);
    desk.on('requestfailed', ended);
    const statsWaiting = () => [...waiting].filter((r) => r.url().includes('/api/checkin.stats')).length;
    // The desk's timers and time-outs (AbortSignal.timeout too) run only as the test moves its
    // clock on, a second at a time with a moment between for the network (no bound on real time).
    await desk.clock.install();
    await desk.goto(`https://${LAN}:${port.port}/#key=${KEY}`);
    await desk.getByRole('button', { name: 'Kehadiran' }).click();
    const verdict = desk.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'idle');
    await expect.poll(() => snapshotPeople(desk)).toBe(1);
    // Everything the screen loads has come (its decoder's files too): only the live stream is open.
    await expect.poll(() => [...waiting].map((r) => new URL(r.url()).pathname)).toEqual(['/api/live']);
    await desk.clock.pauseAt(await desk.evaluate(() => Date.now() + 1000));
    const moveOn = async (seconds: number) => {
      for (let i = 0; i < seconds; i++) (await desk.clock.fastForward(1000), await sleep(50));
    };

    // The hub stops answering. Rina's badge is read: no answer in 5 s, kept, and the banner says so.
    port.stall();
    const cdp = await context.newCDPSession(desk);
    await sendKeys(cdp, usKeys(badgeOf(ctx, event.id, rina.code)), 4, 'Enter');
    await expect.poll(async () => (await moveOn(1), verdict.getAttribute('data-verdict')), { timeout: 60_000 }).toBe('pending');
    await expect(desk.getByTestId('checkin-offline')).toContainText('menunggu dikirim: 1');

    // Two and a half minutes of the desk's time at the silent hub: its counters' poll every 5 s,
    // the outbox's try every 3 s, the snapshot's read at 2 min (over by the end, at its 30 s),
    // the live stream trying again.
    await moveOn(150);
    // Held connections, once the network is quiet (the desk's time stands still meanwhile).
    let held = -1;
    await expect.poll(async () => (held = port.held()) === (await sleep(500), port.held())).toBe(true);
    test.info().annotations.push({ type: 'held at the silent hub', description: `${held}; counters' reads waiting: ${statsWaiting()}` });
    // One read of the counters at a time (before: one more every 5 s, 30 by now, queued in Chromium).
    expect(statsWaiting()).toBeLessThanOrEqual(1);
    // Chromium allows six connections to a host: the desk holds fewer, so a request can still go.
    expect(held).toBeLessThan(6);

    // The hub answers again on a new connection; the held ones stay held. The kept scan is sent by
    // the outbox's next try and stored; the banner goes. (Before: every try waited behind the six
    // held connections and gave up; the scan stayed kept, whatever the test waited.)
    port.answer();
    await expect
      .poll(async () => (await moveOn(1), ctx.db.prepare("SELECT COUNT(*) AS n FROM scan WHERE verdict = 'ok'").get()), { timeout: 60_000 })
      .toEqual({ n: 1 });
    await expect.poll(async () => (await moveOn(1), desk.getByTestId('checkin-offline').count()), { timeout: 30_000 }).toBe(0);
    await context.close();
  } finally {
    await silent.close();
    await port.close();
    await hub.stop();
  }
});
