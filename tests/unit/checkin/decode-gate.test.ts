// Issue 21 item 4: the camera's decoder yields the CPU to the verdict. A key press (the scanner
// typing a badge) holds decoding for HOLD_AFTER_KEY_MS; otherwise frames are taken at most one
// per MIN_DECODE_INTERVAL_MS. Pure clock arithmetic: the worker and the screen both use it.
import { describe, expect, it } from 'vitest';
import { DecodeGate, HOLD_AFTER_CODE_MS, HOLD_AFTER_KEY_MS } from '../../../renderer/src/features/checkin/decode-gate';
import { MIN_DECODE_INTERVAL_MS } from '../../../renderer/src/features/checkin/decoder-protocol';

describe('DecodeGate', () => {
  it('takes a frame, then none until the interval has passed', () => {
    const g = new DecodeGate();
    expect(g.take(1000)).toBe(true);
    expect(g.take(1000 + MIN_DECODE_INTERVAL_MS - 1)).toBe(false);
    expect(g.take(1000 + MIN_DECODE_INTERVAL_MS)).toBe(true);
  });

  it('takes no frame while held after a key, and takes the first one after', () => {
    const g = new DecodeGate();
    expect(g.take(0)).toBe(true);
    g.hold(1000, HOLD_AFTER_KEY_MS);
    for (let t = 1000; t < 1000 + HOLD_AFTER_KEY_MS; t += 10) expect(g.take(t)).toBe(false);
    expect(g.take(1000 + HOLD_AFTER_KEY_MS)).toBe(true);
  });

  it('a later key extends the hold; an earlier-ending hold does not shorten it', () => {
    const g = new DecodeGate();
    g.hold(0, 500);
    g.hold(300, 500); // the scanner's next key
    expect(g.take(700)).toBe(false);
    g.hold(750, 10);
    expect(g.take(790)).toBe(false);
    expect(g.take(800)).toBe(true);
  });

  it('frames refused while held do not count as decodes', () => {
    const g = new DecodeGate(100);
    g.hold(0, 50);
    expect(g.take(10)).toBe(false);
    expect(g.take(50)).toBe(true); // not pushed back to 110 by the refused frame at 10
  });

  it('after a code is read, takes no frame until resumed (the verdict painted), or HOLD_AFTER_CODE_MS at most', () => {
    const g = new DecodeGate(100);
    expect(g.take(0)).toBe(true);
    g.found(40);
    expect(g.take(200)).toBe(false);
    expect(g.take(40 + HOLD_AFTER_CODE_MS - 1)).toBe(false);
    expect(g.take(40 + HOLD_AFTER_CODE_MS)).toBe(true); // the screen never said: not held for ever
    g.found(2000);
    expect(g.take(2150)).toBe(false);
    g.resume();
    expect(g.take(2150)).toBe(true);
  });

  it('resuming after a read does not lift a key hold', () => {
    const g = new DecodeGate(100);
    g.found(0);
    g.hold(10, HOLD_AFTER_KEY_MS);
    g.resume();
    expect(g.take(20)).toBe(false);
    expect(g.take(10 + HOLD_AFTER_KEY_MS)).toBe(true);
  });
});
