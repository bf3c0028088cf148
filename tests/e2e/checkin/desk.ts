import type { CDPSession, Page } from '@playwright/test';
import type { Ctx } from '../../../electron/core/context';
import { dispatch } from '../../../electron/core/dispatch';
import { eventTag } from '../../../electron/core/qr/event-tag';
import { badgePayload } from '../../../electron/shared/badge-payload';
import type { OpInput, OpOutput } from '../../../electron/shared/contract';
import type { OpName } from '../../../electron/shared/op-names';
import { localDate } from '../../../electron/shared/time-zone';
import { PSM_EVENT } from '../../helpers/ctx';

export async function op<K extends OpName>(ctx: Ctx, name: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value;
}

/** An event whose only day is today in WIB, so the desk's automatic day is day 1. */
export async function todaysEvent(ctx: Ctx, name = PSM_EVENT.name) {
  return op(ctx, 'event.create', { ...PSM_EVENT, name, days: [localDate(new Date(), 'Asia/Jakarta')] });
}

/** The text a participant's badge QR carries (HD + event tag + code). */
export function badgeOf(ctx: Ctx, eventId: number, code: string): string {
  const { secret } = ctx.db.prepare('SELECT secret FROM event WHERE id = ?').get(eventId) as { secret: Buffer };
  return badgePayload(eventTag(secret), code);
}

export const scanRows = (ctx: Ctx) =>
  ctx.db.prepare('SELECT verdict, input, station, raw_code AS raw, participant_id AS pid FROM scan ORDER BY id').all() as {
    verdict: string;
    input: string;
    station: string;
    raw: string;
    pid: number | null;
  }[];

export interface Key {
  code: string;
  key: string;
  shift?: boolean;
}

/** The keys a scanner set up for a US keyboard sends for `text` (upper-case letters with Shift). */
export function usKeys(text: string): Key[] {
  return [...text].map((ch) =>
    /\d/.test(ch) ? { code: `Digit${ch}`, key: ch } : { code: `Key${ch.toUpperCase()}`, key: ch, shift: /[A-Z]/.test(ch) },
  );
}

/**
 * The same keys as they arrive on a French AZERTY system: same physical keys (`code`), other
 * characters (`key`): the digit row gives &é"'(-è_çà without Shift, A and Q, Z and W swap, M is
 * where US has the semicolon (so a US-set scanner's KeyM types ',').
 */
const AZERTY_DIGITS = 'à&é"\'(-è_ç';
const AZERTY_LETTERS: Record<string, string> = { KeyA: 'q', KeyQ: 'a', KeyZ: 'w', KeyW: 'z', KeyM: ',' };
export const azerty = (keys: Key[]): Key[] =>
  keys.map((k) => {
    const d = /^Digit(\d)$/.exec(k.code);
    if (d) return { ...k, key: AZERTY_DIGITS[Number(d[1])]! };
    const l = AZERTY_LETTERS[k.code];
    return l ? { ...k, key: k.shift ? l.toUpperCase() : l } : k;
  });

const VK: Record<string, number> = { Enter: 13, Tab: 9 };
const vk = (code: string) =>
  VK[code] ?? /^Key([A-Z])$/.exec(code)?.[1]?.charCodeAt(0) ?? /^Digit(\d)$/.exec(code)?.[1]?.charCodeAt(0) ?? 0;

/**
 * Sends keys through Chromium's input pipeline (CDP Input.dispatchKeyEvent), with their
 * timestamps set: the page's event.timeStamp follows them, so "a scanner at 4 ms a key" and "a
 * person at 150 ms a key" are exactly that, however loaded the test machine is. All events are
 * queued at once, so they also arrive back to back in wall-clock time. `gapMs` null: no
 * timestamps, the page stamps each key when it arrives (the benchmark's real-time scanner).
 */
export async function sendKeys(cdp: CDPSession, keys: Key[], gapMs: number | null, suffix?: 'Enter' | 'Tab') {
  const n = keys.length + (suffix ? 1 : 0);
  return sendKeysAt(cdp, keys, gapMs === null ? null : Array.from({ length: n }, (_, i) => i * gapMs), suffix);
}

/**
 * Like sendKeys, with each key's time (ms after the first, the suffix included) given: a burst
 * held back mid-way, as a loaded laptop delivers a scanner's keys in clumps.
 */
export async function sendKeysAt(cdp: CDPSession, keys: Key[], atMs: number[] | null, suffix?: 'Enter' | 'Tab') {
  const t0 = Date.now() / 1000;
  const all = suffix ? [...keys, { code: suffix, key: suffix }] : keys;
  if (atMs && atMs.length !== all.length) throw new Error(`sendKeysAt: ${all.length} keys, ${atMs.length} times`);
  const sends: Promise<unknown>[] = [];
  all.forEach((k, i) => {
    const timestamp = atMs === null ? undefined : t0 + atMs[i]! / 1000;
    const common = { code: k.code, key: k.key, windowsVirtualKeyCode: vk(k.code), modifiers: k.shift ? 8 : 0 };
    const text = k.key.length === 1 ? k.key : k.code === 'Enter' ? '\r' : undefined;
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: text ? 'keyDown' : 'rawKeyDown', ...common, text, timestamp }));
    sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common, timestamp: timestamp && timestamp + 0.001 }));
  });
  await Promise.all(sends);
}

/** The page's code-to-painted-verdict measures (VerdictCard), in ms. */
export const paintTimes = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('hadir:code-to-verdict').map((e) => e.duration));
