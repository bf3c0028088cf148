// Keyboard-wedge scanners (USB or Bluetooth) "type" what they read. This tells their bursts
// apart from a person typing, and reads the characters in a way that does not depend on the
// keyboard layout. Pure: fed key events, it answers with completed scans; the hook in
// useWedge.ts wires it to the window.

import { isBadgePrefix } from '../../../../electron/shared/badge-payload';

export interface KeyLike {
  type: 'keydown' | 'keyup';
  /** The physical key (KeyboardEvent.code): the same on US, UK and AZERTY layouts. */
  code: string;
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  repeat?: boolean;
  /** KeyboardEvent.timeStamp (ms): when the key arrived, not when a busy page got round to it. */
  timeStamp: number;
}

export interface WedgeOptions {
  /** Longest gap between two characters of one scan. Scanners send a character every 1–20 ms;
   * even a fast typist leaves 60 ms or more between most keys. */
  maxGapMs: number;
  /** Longest gap while what was read so far is the start of a badge ("HD", "HD7K2…"): a loaded
   * laptop can hold a scanner's keys back and deliver them in clumps (issue 16, defect 4), and
   * no person types "HD" + an event tag. Indico's check-in uses the same 100 ms. */
  badgeGapMs: number;
  /** Shortest scan without a suffix: a bare badge code has 8 characters. */
  minLength: number;
  /** Shortest scan ended by Enter/Tab at scanner speed: the suffix says the read is whole, so a
   * read that lost its first characters still reaches the kiosk, which matches what remains
   * against this event's badges (core/checkin/partial-read.ts). */
  minSuffixedLength: number;
}

export const WEDGE_DEFAULTS: WedgeOptions = { maxGapMs: 35, badgeGapMs: 100, minLength: 8, minSuffixedLength: 6 };

/**
 * US-layout punctuation by physical key. A badge needs none of it (letters and digits only, see
 * shared/badge-payload.ts), but a scanner reading a URL or a payment QR types it, and the log
 * should show roughly what was read.
 */
const PUNCT: Record<string, [string, string]> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Backquote: ['`', '~'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  NumpadDecimal: ['.', '.'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
};

/**
 * The character a physical key stands for, read as a US keyboard. Letters come out in upper
 * case whatever Shift and Caps Lock say (badge codes are upper case, and parseBadgeText folds
 * case anyway). Digits ignore Shift: an AZERTY keyboard needs Shift for a digit, a US one must
 * not have it, and a scanner set up for either must read the same. Null: not a character key.
 */
export function charOf(code: string, shift: boolean): string | null {
  // The anchors hold for made-up names only: every KeyboardEvent.code these match is whole
  // (KeyA…KeyZ, Digit0…9, Numpad0…9), none has text around them.
  // Stryker disable next-line Regex: see above
  let m = /^Key([A-Z])$/.exec(code);
  if (m) return m[1]!;
  // Stryker disable next-line Regex: see above
  m = /^(?:Digit|Numpad)(\d)$/.exec(code);
  if (m) return m[1]!;
  const p = PUNCT[code];
  if (p) return shift ? p[1] : p[0];
  return null;
}

const MODIFIERS = new Set([
  'ShiftLeft',
  'ShiftRight',
  'AltLeft',
  'AltRight',
  'ControlLeft',
  'ControlRight',
  'MetaLeft',
  'MetaRight',
  'CapsLock',
  'AltGraph',
]);
const SUFFIXES = new Set(['Enter', 'NumpadEnter', 'Tab']);

export interface FeedResult {
  /** A completed scan, ended by its Enter/Tab suffix. */
  scan?: string;
  /** The key was the scan's suffix: the caller should preventDefault (no form submit, no focus move). */
  swallow?: boolean;
  /** This key started a new candidate burst (the caller remembers the focused field's text). */
  started?: boolean;
}

/**
 * Reads scans from key events. A burst is a run of characters each within `maxGapMs` of the
 * one before, measured with the events' own timestamps. It ends with an Enter or Tab suffix
 * (feed returns it), or, for scanners configured without a suffix, when no key follows for a
 * while (the caller's timer calls `idle()`). A burst shorter than `minLength`, or any slow gap,
 * is typing and is dropped.
 *
 * Scanners that "hold Alt": some type each character as Alt + its decimal code on the numeric
 * keypad (Windows Alt codes), which works on any layout. Those digits are collected while Alt is
 * down and become one character when Alt is released. Alt held with an ordinary key is read as
 * that key. Control or Meta with a key is a shortcut, never a scan.
 */
export class WedgeReader {
  private buf = '';
  /** When the last key of `buf` came; -Infinity (no key yet) makes the next key start a burst. */
  private last = -Infinity;
  private altCode = '';

  constructor(private readonly opts: WedgeOptions = WEDGE_DEFAULTS) {}

  get pending(): string {
    return this.buf;
  }

  feed(e: KeyLike): FeedResult {
    if (e.type === 'keyup') {
      if ((e.code === 'AltLeft' || e.code === 'AltRight') && this.altCode) {
        const ch = String.fromCharCode(Number(this.altCode) & 0xff);
        this.altCode = '';
        return this.push(ch, e.timeStamp);
      }
      return {};
    }
    if (e.repeat) return this.reset();
    if (MODIFIERS.has(e.code)) return {};
    if (e.ctrlKey || e.metaKey) return this.reset();
    // Stryker disable next-line Regex: the anchors, as in charOf
    if (e.altKey && /^Numpad\d$/.test(e.code)) {
      this.altCode += e.code.slice(-1);
      return {};
    }
    if (SUFFIXES.has(e.code)) {
      const text = this.buf;
      const fast = this.follows(text, e.timeStamp);
      this.reset();
      if (fast && text.length >= this.opts.minSuffixedLength) return { scan: text, swallow: true };
      return {};
    }
    const ch = charOf(e.code, e.shiftKey);
    if (ch === null) return this.reset();
    return this.push(ch, e.timeStamp);
  }

  /**
   * No key for a while: a burst long enough is a scan from a scanner without a suffix. A shorter
   * one is kept (a slow gap drops it anyway), so a page that was busy for a moment mid-scan does
   * not lose the scan's first characters.
   */
  idle(): string | null {
    const text = this.buf;
    if (text.length < this.opts.minLength) return null;
    // A badge's text is 14 characters from its "HD": its first 8 would pass for a typed code.
    if (isBadgePrefix(text, false)) return null;
    this.reset();
    return text;
  }

  /** Whether a key at `t` belongs to the burst `text` (what it would read with that key). */
  private follows(text: string, t: number): boolean {
    const gap = t - this.last;
    return gap <= this.opts.maxGapMs || (gap <= this.opts.badgeGapMs && isBadgePrefix(text, true));
  }

  private push(ch: string, t: number): FeedResult {
    // An empty buffer always starts one: it is empty only new or after reset(), and both set last to -Infinity.
    const started = !this.follows(this.buf + ch, t);
    if (started) this.buf = '';
    this.buf += ch;
    this.last = t;
    return started ? { started: true } : {};
  }

  private reset(): FeedResult {
    this.buf = '';
    this.last = -Infinity;
    this.altCode = '';
    return {};
  }
}
