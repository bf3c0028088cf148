import { useEffect, useRef, useState } from 'react';
import { DecodeGate, HOLD_AFTER_KEY_MS } from './decode-gate';
import { regionOfInterest, type DecodeReply, type DecodeRequest } from './decoder-protocol';

type VideoWithFrames = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: () => void) => number;
  cancelVideoFrameCallback?: (id: number) => void;
};

/** Chromium's MediaStreamTrackProcessor (Insertable Streams), absent from TypeScript's DOM types. */
type TrackProcessor = new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => { readable: ReadableStream<VideoFrame> };
const TrackProcessor = (globalThis as { MediaStreamTrackProcessor?: TrackProcessor }).MediaStreamTrackProcessor;

export type DecoderState = 'loading' | 'ready' | 'failed';

/**
 * Feeds the camera's frames to the decoding worker, one decode in flight, newer frames dropped
 * while it runs (a stale frame is worth nothing). Where the browser can (Chromium), the camera
 * track's frames go to the worker as a stream and the UI thread does nothing per frame; otherwise
 * each frame is cut to the region of interest here and handed over as a transferred ImageBitmap
 * (decoder-protocol.ts says why the stream is preferred). The worker is started on mount and
 * terminated on unmount; the track copy it reads is stopped with it.
 */
export function useDecoder(
  video: HTMLVideoElement | null,
  live: boolean,
  /**
   * `at`: when the worker decoded it, on this thread's performance.now() clock. Settles once the
   * code is handled (its verdict set, or dropped); decoding resumes after the next paint.
   */
  onText: (text: string, at: number) => Promise<void> | void,
): DecoderState {
  const [state, setState] = useState<DecoderState>('loading');
  const worker = useRef<Worker | null>(null);
  const handler = useRef(onText);
  handler.current = onText;
  const busy = useRef(false);
  const gate = useRef(new DecodeGate());

  // A key pressed anywhere (the scanner typing a badge, the search box): no decode competes with
  // the verdict's paint for the CPU (decode-gate.ts). Told to the worker at most every 100 ms.
  useEffect(() => {
    let told = -Infinity;
    const onKey = () => {
      const now = performance.now();
      gate.current.hold(now, HOLD_AFTER_KEY_MS);
      if (now - told < 100) return;
      told = now;
      worker.current?.postMessage({ type: 'hold', ms: HOLD_AFTER_KEY_MS } satisfies DecodeRequest);
    };
    addEventListener('keydown', onKey, { capture: true, passive: true });
    return () => removeEventListener('keydown', onKey, { capture: true });
  }, []);

  useEffect(() => {
    const w = new Worker(new URL('./decoder.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<DecodeReply>) => {
      const m = e.data;
      if (m.type === 'ready') setState('ready');
      else if (m.type === 'error') setState('failed');
      else {
        busy.current = false;
        if (!m.text) return;
        // The worker's clock has its own origin: its epoch time, back on this thread's clock.
        const at = Math.min(performance.now(), m.at - performance.timeOrigin);
        gate.current.found(performance.now());
        // The worker holds decoding after a read (decode-gate.ts); it resumes once the verdict
        // is painted: rAF runs before the next paint, a task posted from it after.
        const resume = () =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              gate.current.resume();
              w.postMessage({ type: 'resume' } satisfies DecodeRequest);
            }),
          );
        void Promise.resolve(handler.current(m.text, at)).then(resume, resume);
      }
    };
    w.onerror = () => setState('failed');
    return () => {
      w.terminate();
      worker.current = null;
      busy.current = false;
    };
  }, []);

  useEffect(() => {
    const v = video as VideoWithFrames | null;
    if (!v || !live || state !== 'ready') return;
    const track = (v.srcObject as MediaStream | null)?.getVideoTracks()[0];
    if (TrackProcessor && track && worker.current) {
      // A copy of the track: stopping it ends this stream without touching the preview.
      const copy = track.clone();
      const frames = new TrackProcessor({ track: copy, maxBufferSize: 1 }).readable;
      worker.current.postMessage({ type: 'stream', frames }, [frames as unknown as Transferable]);
      return () => copy.stop();
    }
    let stopped = false;
    let id = 0;
    let handle = 0;
    const next = () => {
      if (stopped) return;
      handle = v.requestVideoFrameCallback ? v.requestVideoFrameCallback(tick) : requestAnimationFrame(tick);
    };
    const tick = () => {
      const w = worker.current;
      if (
        !stopped &&
        w &&
        !busy.current &&
        v.readyState >= v.HAVE_CURRENT_DATA &&
        v.videoWidth > 0 &&
        gate.current.take(performance.now())
      ) {
        busy.current = true;
        const roi = regionOfInterest(v.videoWidth, v.videoHeight);
        createImageBitmap(v, roi.x, roi.y, roi.size, roi.size).then(
          (bitmap) => {
            if (stopped) return bitmap.close();
            w.postMessage({ type: 'frame', id: ++id, bitmap }, [bitmap]);
          },
          () => (busy.current = false),
        );
      }
      next();
    };
    next();
    return () => {
      stopped = true;
      if (v.cancelVideoFrameCallback) v.cancelVideoFrameCallback(handle);
      cancelAnimationFrame(handle);
    };
  }, [video, live, state]);

  return state;
}
