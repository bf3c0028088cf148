import { describe, expect, it } from 'vitest';
import { RepeatFilter } from '../../../renderer/src/features/checkin/repeat-filter';
import { charOf, WedgeReader, type KeyLike } from '../../../renderer/src/features/checkin/wedge';

const CODE_OF: Record<string, string> = { '\n': 'Enter', '\t': 'Tab' };
const codeOf = (ch: string) => CODE_OF[ch] ?? (/\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`);

/** Key events a scanner (or a person) sends for `text`, one character every `gap` ms. */
function keys(text: string, gap: number, t0 = 1000, over: Partial<KeyLike> = {}): KeyLike[] {
  return [...text].flatMap((ch, i) => {
    const base = {
      code: codeOf(ch),
      key: ch,
      shiftKey: /[A-Z]/.test(ch),
      altKey: false,
      ctrlKey: false,
      metaKey: false,
      timeStamp: t0 + i * gap,
      ...over,
    };
    return [
      { ...base, type: 'keydown' as const },
      { ...base, type: 'keyup' as const, timeStamp: base.timeStamp + 1 },
    ];
  });
}

const run = (r: WedgeReader, evs: KeyLike[]) =>
  evs
    .map((e) => r.feed(e))
    .filter((x) => x.scan)
    .map((x) => x.scan);

describe('keyboard wedge', () => {
  it('reads a fast burst ended by Enter or Tab, and swallows the suffix', () => {
    const r = new WedgeReader();
    expect(run(r, keys('HD7K2QAB3XK9TM\n', 4))).toEqual(['HD7K2QAB3XK9TM']);
    const tab = keys('7K2QAB3X\t', 8);
    expect(tab.map((e) => r.feed(e)).at(-2)).toEqual({ scan: '7K2QAB3X', swallow: true });
  });

  it('reads a burst without a suffix when the keys stop', () => {
    const r = new WedgeReader();
    expect(run(r, keys('HD7K2QAB3XK9TM', 5))).toEqual([]);
    expect(r.idle()).toBe('HD7K2QAB3XK9TM');
    expect(r.idle()).toBeNull();
    // Keys held up mid-scan: the first 8 characters of a badge are not taken for a typed code.
    run(r, keys('HD7K2QAB', 5, 3000));
    expect(r.idle()).toBeNull();
    expect(run(r, keys('3XK9TM\n', 5, 3040))).toEqual(['HD7K2QAB3XK9TM']);
    // The idle timer fired early (the page was busy) after 4 characters: nothing is lost.
    run(r, keys('AB3X', 5, 5000));
    expect(r.idle()).toBeNull();
    expect(run(r, keys('K9TM\n', 5, 5020))).toEqual(['AB3XK9TM']);
  });

  it('ignores a person typing the same characters, and a short fast burst', () => {
    const r = new WedgeReader();
    expect(run(r, keys('HD7K2QAB3XK9TM\n', 120))).toEqual([]);
    run(r, keys('HD7K2QAB3XK9TM', 120));
    expect(r.idle()).toBeNull();
    // A fast typist's quick pair of letters is no scan either.
    expect(run(r, keys('abc\n', 20))).toEqual([]);
    // Fast keys after a slow start: only the fast run counts, and it is long enough.
    expect(run(r, [...keys('xy', 200, 0), ...keys('7K2QAB3X\n', 3, 1000)])).toEqual(['7K2QAB3X']);
  });

  it('reads by physical key, so an AZERTY keyboard (other key, same code) reads the same', () => {
    // AZERTY: the digit row without Shift gives &é"'(-è_çà; a scanner set up for a US keyboard
    // sends those keys unshifted. Letters: the key labelled Q on AZERTY sends code KeyA.
    const azerty: Record<string, string> = { '7': 'è', '2': 'é', '3': '"', '9': 'ç', A: 'q', Q: 'a', K: 'k' };
    const evs = keys('HD7K2QAB3XK9TM\n', 4).map((e) => ({ ...e, key: azerty[e.key] ?? e.key.toLowerCase(), shiftKey: false }));
    expect(run(new WedgeReader(), evs)).toEqual(['HD7K2QAB3XK9TM']);
    // An AZERTY-configured scanner holds Shift for digits: still the same.
    const shifted = keys('HD7K2QAB3XK9TM\n', 4).map((e) => ({ ...e, shiftKey: true }));
    expect(run(new WedgeReader(), shifted)).toEqual(['HD7K2QAB3XK9TM']);
  });

  it('ignores modifier keys, reads Alt+numpad codes, and never takes a Ctrl shortcut for a scan', () => {
    const r = new WedgeReader();
    const mod = (code: string, type: 'keydown' | 'keyup', t: number, alt = false): KeyLike => ({
      type,
      code,
      key: code,
      shiftKey: false,
      altKey: alt,
      ctrlKey: false,
      metaKey: false,
      timeStamp: t,
    });
    // Shift down/up around every letter, as scanners send them.
    const withShift = keys('HD7K2QAB3X\n', 6).flatMap((e) =>
      e.type === 'keydown' ? [mod('ShiftLeft', 'keydown', e.timeStamp - 1), e] : [e, mod('ShiftLeft', 'keyup', e.timeStamp)],
    );
    expect(run(r, withShift)).toEqual(['HD7K2QAB3X']);
    // "HD" + code as Alt codes: Alt down, numpad 7 2, Alt up = 'H' (72).
    const altChar = (n: number, t: number) => [
      mod('AltLeft', 'keydown', t),
      ...[...String(n)].flatMap((d, i) => [
        mod(`Numpad${d}`, 'keydown', t + 1 + i, true),
        mod(`Numpad${d}`, 'keyup', t + 1 + i, true),
      ]),
      mod('AltLeft', 'keyup', t + 4),
    ];
    const text = 'HD7K2QAB3X';
    const alt = [...text].flatMap((ch, i) => altChar(ch.charCodeAt(0), 5000 + i * 6));
    expect(run(r, [...alt, mod('Enter', 'keydown', 5000 + text.length * 6)])).toEqual([text]);
    const ctrl = keys('7K2QAB3X\n', 3).map((e, i) => (i === 4 ? { ...e, ctrlKey: true } : e));
    expect(run(r, ctrl)).toEqual([]);
  });

  it('keeps collecting a badge held back by a busy laptop, up to 100 ms a key (issue 16, defect 4)', () => {
    const r = new WedgeReader();
    // "HD" at 5 ms, then the rest 80 ms later: the start of a badge waits; the read is whole.
    const held = [...keys('HD', 5, 1000), ...keys('7K2QAB3XK9TM\n', 5, 1085)];
    expect(run(r, held)).toEqual(['HD7K2QAB3XK9TM']);
    // A gap of 80 ms inside the badge, and an Enter 90 ms after its last character.
    const late = [...keys('HD7K2QAB', 5, 3000), ...keys('3XK9TM', 5, 3115), ...keys('\n', 0, 3230)];
    expect(run(r, late)).toEqual(['HD7K2QAB3XK9TM']);
    // Without a suffix: the idle timer after a held-back start does not cut it either.
    run(r, keys('HD7K', 5, 5000));
    expect(r.idle()).toBeNull();
    run(r, keys('2QAB3XK9TM', 5, 5090));
    expect(r.idle()).toBe('HD7K2QAB3XK9TM');
    // Longer than 100 ms is a new read, and text that is not a badge's start gets no extra time.
    expect(run(r, [...keys('HD', 5, 7000), ...keys('7K2QAB3XK9TM\n', 5, 7150)])).toEqual(['7K2QAB3XK9TM']);
    expect(run(r, [...keys('AB3X', 5, 9000), ...keys('K9TM\n', 5, 9060)])).toEqual([]);
  });

  it('takes a short fast read ended by Enter as whole (the kiosk matches what is left of a badge)', () => {
    const r = new WedgeReader();
    expect(run(r, keys('3XK9TM\n', 5))).toEqual(['3XK9TM']);
    expect(run(r, keys('D7K2QAB3XK9TM\n', 5, 2000))).toEqual(['D7K2QAB3XK9TM']);
    // Five characters, or six typed at a person's pace, are not a scan.
    expect(run(r, keys('XK9TM\n', 5, 4000))).toEqual([]);
    expect(run(r, keys('3XK9TM\n', 70, 6000))).toEqual([]);
    // Without Enter the reader still needs 8 characters: the suffix is what says "whole".
    run(r, keys('3XK9TM', 5, 8000));
    expect(r.idle()).toBeNull();
  });

  it('maps physical keys to characters', () => {
    expect([
      charOf('KeyQ', false),
      charOf('Digit0', true),
      charOf('Numpad7', false),
      charOf('Slash', true),
      charOf('F5', false),
    ]).toEqual(['Q', '0', '7', '?', null]);
  });

  it('reads every punctuation key as a US keyboard types it, so the log shows the URL or payment text read', () => {
    // [physical key, unshifted, shifted]
    const punct: [string, string, string][] = [
      ['Minus', '-', '_'],
      ['Equal', '=', '+'],
      ['BracketLeft', '[', '{'],
      ['BracketRight', ']', '}'],
      ['Backslash', '\\', '|'],
      ['Semicolon', ';', ':'],
      ['Quote', "'", '"'],
      ['Backquote', '`', '~'],
      ['Comma', ',', '<'],
      ['Period', '.', '>'],
      ['Slash', '/', '?'],
      ['Space', ' ', ' '],
      ['NumpadDecimal', '.', '.'],
      ['NumpadAdd', '+', '+'],
      ['NumpadSubtract', '-', '-'],
      ['NumpadMultiply', '*', '*'],
      ['NumpadDivide', '/', '/'],
    ];
    for (const [code, plain, shifted] of punct) {
      expect([code, charOf(code, false), charOf(code, true)]).toEqual([code, plain, shifted]);
    }
    // A scanner typing a URL: what reaches the kiosk (and its log) is the URL.
    const key = (code: string, shiftKey: boolean, t: number): KeyLike[] => [
      { type: 'keydown', code, key: code, shiftKey, altKey: false, ctrlKey: false, metaKey: false, timeStamp: t },
      { type: 'keyup', code, key: code, shiftKey, altKey: false, ctrlKey: false, metaKey: false, timeStamp: t + 1 },
    ];
    const url: [string, boolean][] = [
      ['KeyH', false],
      ['KeyT', false],
      ['KeyT', false],
      ['KeyP', false],
      ['Semicolon', true],
      ['Slash', false],
      ['Slash', false],
      ['KeyX', false],
      ['Period', false],
      ['KeyI', false],
      ['KeyD', false],
      ['Slash', false],
      ['KeyA', false],
      ['Slash', true],
      ['KeyB', false],
      ['Equal', false],
      ['Digit1', false],
      ['Enter', false],
    ];
    const r = new WedgeReader();
    expect(
      run(
        r,
        url.flatMap(([code, shift], i) => key(code, shift, 1000 + i * 4)),
      ),
    ).toEqual(['HTTP://X.ID/A?B=1']);
  });

  it('lets every modifier key pass through a scan, and ends a scan at Enter, numpad Enter or Tab', () => {
    const modifiers = [
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
    ];
    for (const m of modifiers) {
      // The modifier pressed and released between two characters, without its flag on the keys.
      const evs = keys('7K2QAB3X\n', 6).flatMap((e, i) =>
        i === 6 ? [{ ...e, code: m, key: m }, { ...e, type: 'keyup' as const, code: m, key: m }, e] : [e],
      );
      expect([m, run(new WedgeReader(), evs)]).toEqual([m, ['7K2QAB3X']]);
    }
    for (const suffix of ['Enter', 'NumpadEnter', 'Tab']) {
      const evs = [...keys('7K2QAB3X', 6), ...keys('\n', 0, 1048).map((e) => ({ ...e, code: suffix }))];
      expect([suffix, run(new WedgeReader(), evs)]).toEqual([suffix, ['7K2QAB3X']]);
    }
  });
});

describe('keyboard wedge: edges a desk meets (issue 22)', () => {
  const key = (code: string, t: number, over: Partial<KeyLike> = {}): KeyLike => ({
    type: 'keydown',
    code,
    key: code,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    timeStamp: t,
    ...over,
  });

  it('tells the page when a new burst starts: the first key, a key after a slow gap, the first key after a scan', () => {
    const r = new WedgeReader();
    expect(r.feed(key('KeyA', 1000))).toEqual({ started: true });
    expect(r.feed(key('KeyB', 1005))).toEqual({});
    expect(r.feed(key('KeyC', 1500))).toEqual({ started: true });
    expect(r.pending).toBe('C');
    run(r, keys('7K2QAB3X\n', 5, 2000));
    expect(r.pending).toBe('');
    expect(r.feed(key('KeyD', 2100))).toEqual({ started: true });
  });

  it('has nothing to hand over before the first key', () => {
    const r = new WedgeReader();
    expect(r.pending).toBe('');
    expect(r.idle()).toBeNull();
  });

  it('takes keys exactly 35 ms apart, and a badge start held back exactly 100 ms, as one read', () => {
    expect(run(new WedgeReader(), keys('7K2QAB3X\n', 35))).toEqual(['7K2QAB3X']);
    expect(run(new WedgeReader(), [...keys('HD', 5, 1000), ...keys('7K2QAB3XK9TM\n', 5, 1105)])).toEqual(['HD7K2QAB3XK9TM']);
  });

  it('hands over a bare 8-character code from a scanner without a suffix', () => {
    const r = new WedgeReader();
    run(r, keys('AB3XK9TM', 5));
    expect(r.idle()).toBe('AB3XK9TM');
  });

  it('drops what a held-down key repeats, however fast', () => {
    const held = Array.from({ length: 12 }, (_, i) => key('KeyA', 1000 + i * 30, { repeat: i > 0 }));
    expect(run(new WedgeReader(), [...held, key('Enter', 1360)])).toEqual([]);
  });

  it('reads Alt codes released with the right Alt key, and numpad digits typed without Alt as digits', () => {
    const r = new WedgeReader();
    const alt = [...'AB3XK9TM'].flatMap((ch, i) => {
      const t = 1000 + i * 6;
      return [
        key('AltRight', t),
        ...[...String(ch.charCodeAt(0))].map((d, j) => key(`Numpad${d}`, t + 1 + j, { altKey: true })),
        key('AltRight', t + 4, { type: 'keyup' }),
      ];
    });
    expect(run(r, [...alt, key('Enter', 1050)])).toEqual(['AB3XK9TM']);
    const numpad = [...'20220907'].map((d, i) => key(`Numpad${d}`, 3000 + i * 5));
    expect(run(r, [...numpad, key('NumpadEnter', 3040)])).toEqual(['20220907']);
  });
});

describe('repeat filter (3 seconds)', () => {
  it('counts a badge held in view once, however it is read, and again after a pause', () => {
    const f = new RepeatFilter();
    expect(f.accept('HD7K2QAB3XK9TM', 0)).toBe(true);
    // Seen every 100 ms for 10 s: ignored throughout (the window slides).
    for (let t = 100; t <= 10_000; t += 100) expect(f.accept('HD7K2QAB3XK9TM', t)).toBe(false);
    // The same badge's code typed by hand (AB3XK9TM) is the same code.
    expect(f.accept(' ab3xk9tm ', 10_500)).toBe(false);
    expect(f.accept('HD7K2QAB3XK9TM', 13_600)).toBe(true);
    // Another badge, and any other text, have their own windows.
    expect(f.accept('HD7K2QZZZZZZZZ', 13_700)).toBe(true);
    expect(f.accept('https://example.com', 13_800)).toBe(true);
    expect(f.accept('https://example.com', 14_000)).toBe(false);
  });
});
