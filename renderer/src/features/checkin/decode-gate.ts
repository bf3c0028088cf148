import { MIN_DECODE_INTERVAL_MS } from './decoder-protocol';

/**
 * How long after a key press no new camera frame is decoded. A scanner types a badge in a few
 * milliseconds and the verdict is painted tens of milliseconds later; on a two-core laptop a
 * decode running meanwhile (a core for 20–40 ms) delays that paint (benchmark: code → painted
 * verdict p95 with the webcam decoding, issue 21). Half a second without decoding after typing
 * is not seen at the desk: a badge held to the camera is read on the next frame.
 */
export const HOLD_AFTER_KEY_MS = 500;

/**
 * After the camera reads a code, no new frame is decoded until the screen says its verdict is
 * painted (`resume`), at most this long. The check-in request, the host's commit and the
 * verdict's render then have both cores of a two-core laptop: a decode (a core for 10-40 ms a
 * frame) running beside them was the camera's share of the code -> painted verdict time
 * (docs/engineering/checkin-decoder.md). A badge still in view is read again right after.
 */
export const HOLD_AFTER_CODE_MS = 1000;

/**
 * When the decoder may take the next camera frame: at most one per MIN_DECODE_INTERVAL_MS, and
 * none while held (keys being typed: a scanner, the search box). Times are the caller's clock
 * (performance.now() of the thread that asks), so the worker and the screen each keep their own.
 */
export class DecodeGate {
  private last = -Infinity;
  private heldUntil = -Infinity;
  private codeUntil = -Infinity;

  constructor(private readonly intervalMs = MIN_DECODE_INTERVAL_MS) {}

  /** No new decode before `now + ms` (a later hold extends an earlier one, never shortens it). */
  hold(now: number, ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, now + ms);
  }

  /** A code was read at `now`: no new decode until `resume`, or HOLD_AFTER_CODE_MS at most. */
  found(now: number): void {
    this.codeUntil = now + HOLD_AFTER_CODE_MS;
  }

  /** The read code's verdict is painted (or it needed none): decode again. Key holds stay. */
  resume(): void {
    this.codeUntil = -Infinity;
  }

  /** Whether a frame arriving at `now` is decoded; if so, it is the last decode from now on. */
  take(now: number): boolean {
    if (now < this.heldUntil || now < this.codeUntil || now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }
}
