import type { Browser, Page } from '@playwright/test';
import type { Ctx } from '../../electron/core/context';
import path from 'node:path';
import { badgeVideo, browserWithFakeCamera } from './checkin/badge-video';
import { badgeOf, op, paintTimes, scanRows, todaysEvent } from './checkin/desk';
import { expect, SHOTS, test } from './fixtures';
import { LAPTOP } from './seed';
import { scope } from '../helpers/ctx';

/**
 * A Chromium whose webcam shows one badge the app printed: Chromium's fake camera, fed from a Y4M file, goes
 * through the real getUserMedia, the worker, zxing-wasm and checkin.scan. One browser per badge:
 * the video file is a launch argument.
 */
async function deskWithCamera(
  video: string,
  withoutStreams = false,
): Promise<{ browser: Browser; page: Page; problems: string[] }> {
  const browser = await browserWithFakeCamera(video);
  const page = await browser.newPage(LAPTOP);
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  // Keep every camera track the page opens (and every copy of one), to check that leaving the
  // screen releases the camera.
  await page.addInitScript(() => {
    const w = window as unknown as { tracks: MediaStreamTrack[] };
    w.tracks = [];
    const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (c) => {
      const s = await gum(c);
      w.tracks.push(...s.getTracks());
      return s;
    };
    const clone = MediaStreamTrack.prototype.clone;
    MediaStreamTrack.prototype.clone = function (this: MediaStreamTrack) {
      const t = clone.call(this);
      w.tracks.push(t);
      return t;
    };
  });
  // A browser without MediaStreamTrackProcessor: frames go to the worker as ImageBitmaps.
  if (withoutStreams)
    await page.addInitScript(() => delete (window as { MediaStreamTrackProcessor?: unknown }).MediaStreamTrackProcessor);
  return { browser, page, problems };
}

/** The tag the badges feature prints for this participant, with this badge code. */
const printed = (ctx: Ctx, eventId: number, p: { name: string; regency?: string | null; role: string }, code: string) => {
  const { name: eventName } = ctx.db.prepare('SELECT name FROM event WHERE id = ?').get(eventId) as { name: string };
  const roles = (
    ctx.db.prepare('SELECT name FROM role WHERE event_id = ? ORDER BY position').all(eventId) as { name: string }[]
  ).map((r) => r.name);
  return badgeVideo(
    {
      name: p.name,
      regency: p.regency ?? null,
      institution: null,
      role: p.role,
      roleIndex: Math.max(0, roles.indexOf(p.role)),
      code,
      payload: badgeOf(ctx, eventId, code),
    },
    eventName,
  );
};

const liveTracks = (page: Page) =>
  page.evaluate(() => (window as unknown as { tracks: MediaStreamTrack[] }).tracks.filter((t) => t.readyState === 'live').length);

test('the webcam reads a badge: green, amber the next time, red for a replaced badge and for another event', async ({ host }) => {
  test.setTimeout(120_000);
  const other = await todaysEvent(host.ctx, 'Bimtek Pendamping PKH');
  const budi = await op(host.ctx, 'participants.create', { ...scope(host.ctx), name: 'Budi Santoso', role: 'Peserta' });
  const event = await todaysEvent(host.ctx); // created last: the kiosk's event
  const siti = await op(host.ctx, 'participants.create', {
    ...scope(host.ctx),
    name: 'Siti Aminah',
    regency: 'Kota Metro',
    role: 'Narasumber',
  });
  const wayan = await op(host.ctx, 'participants.create', { ...scope(host.ctx), name: 'I Wayan Ariawan', role: 'Peserta' });
  const lost = await op(host.ctx, 'badges.reissue', { ...scope(host.ctx), id: wayan.id });

  // Siti's badge: green, with the row in SQLite.
  let desk = await deskWithCamera(await printed(host.ctx, event.id, siti, siti.code));
  try {
    const { page } = desk;
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Kehadiran' }).click();
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'green', { timeout: 30_000 });
    await expect(verdict).toContainText('Siti Aminah');
    await expect(verdict).toContainText('Kota Metro · Narasumber');
    expect(scanRows(host.ctx)).toEqual([
      { verdict: 'ok', input: 'camera', station: 'Meja 1', raw: badgeOf(host.ctx, event.id, siti.code), pid: siti.id },
    ]);
    // Asked for 1280×720 and got it (the fake camera plays the file at its size).
    expect(await page.getByTestId('camera-video').evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight])).toEqual([
      1280, 720,
    ]);
    // The badge stays in view: it counts once.
    await expect(page.getByTestId('recent-scans').locator('li')).toHaveCount(1);
    await page.screenshot({ path: path.join(SHOTS, 'checkin-green-id.png') });

    // Leaving the screen releases the camera; coming back (in English this time), the same badge
    // is amber. The language is switched while away: a verdict closes by itself after 4 s, which a
    // loaded machine can spend between two steps, so no step here races it.
    expect(await liveTracks(page)).toBe(2); // the preview's track and the decoder's copy
    await page.getByRole('button', { name: 'Peserta', exact: true }).click();
    await expect.poll(() => liveTracks(page)).toBe(0);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('button', { name: 'Check-in' }).click();
    await expect(verdict).toHaveAttribute('data-verdict', 'amber', { timeout: 30_000 });
    await expect(verdict).toContainText('Already checked in');
    await expect(verdict).toContainText('at Meja 1');
    await page.screenshot({ path: path.join(SHOTS, 'checkin-amber-en.png') });
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    expect(scanRows(host.ctx).map((r) => [r.verdict, r.pid])).toEqual([
      ['ok', siti.id],
      ['duplicate', siti.id],
    ]);
    console.log(
      `[checkin e2e] camera: code -> painted verdict (ms): ${(await paintTimes(page)).map((t) => t.toFixed(1)).join(', ')}`,
    );
    expect(desk.problems).toEqual([]);
  } finally {
    await desk.browser.close();
  }

  // The badge Wayan lost (reissued since): red, "replaced on <date>". This desk's browser has no
  // MediaStreamTrackProcessor, so frames reach the worker as ImageBitmaps.
  desk = await deskWithCamera(await printed(host.ctx, event.id, wayan, lost.oldCode), true);
  try {
    const { page } = desk;
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Kehadiran' }).click();
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-reason', 'badge_replaced', { timeout: 30_000 });
    await expect(verdict).toHaveAttribute('data-verdict', 'red');
    await expect(verdict).toContainText('Badge sudah diganti');
    await page.screenshot({ path: path.join(SHOTS, 'checkin-red-replaced-id.png') });
    expect(desk.problems).toEqual([]);
  } finally {
    await desk.browser.close();
  }

  // Budi's badge from the other event on this kiosk: red, naming that event; nobody checked in.
  desk = await deskWithCamera(await printed(host.ctx, other.id, budi, budi.code));
  try {
    const { page } = desk;
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Kehadiran' }).click();
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toHaveAttribute('data-reason', 'other_event', { timeout: 30_000 });
    await expect(verdict).toContainText('Bimtek Pendamping PKH');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(verdict).toContainText('Badge of another event');
    await page.screenshot({ path: path.join(SHOTS, 'checkin-red-other-event-en.png') });
    expect(desk.problems).toEqual([]);
  } finally {
    await desk.browser.close();
  }
  expect(scanRows(host.ctx).map((r) => r.verdict)).toEqual(['ok', 'duplicate', 'replaced', 'other_event']);
  expect(host.ctx.db.prepare('SELECT COUNT(*) AS n FROM attendance').get()).toEqual({ n: 1 });
});
