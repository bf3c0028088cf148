import { useEffect, useRef, useState } from 'react';
import { regionOfInterest, type DecodeReply } from './decoder-protocol';

type VideoWithFrames = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: () => void) => number;
  cancelVideoFrameCallback?: (id: number) => void;
};

export type DecoderState = 'loading' | 'ready' | 'failed';

/**
 * Feeds video frames to the decoding worker: one decode in flight, newer frames dropped while it
 * runs (a stale frame is worth nothing), each frame cut to the region of interest and handed
 * over as a transferred ImageBitmap (no copy on the UI thread). The worker is started on mount
 * and terminated on unmount.
 */
export function useDecoder(video: HTMLVideoElement | null, live: boolean, onText: (text: string) => void): DecoderState {
  const [state, setState] = useState<DecoderState>('loading');
  const worker = useRef<Worker | null>(null);
  const handler = useRef(onText);
  handler.current = onText;
  const busy = useRef(false);

  useEffect(() => {
    const w = new Worker(new URL('./decoder.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<DecodeReply>) => {
      const m = e.data;
      if (m.type === 'ready') setState('ready');
      else if (m.type === 'error') setState('failed');
      else {
        busy.current = false;
        if (m.text) handler.current(m.text);
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
    let stopped = false;
    let id = 0;
    let handle = 0;
    const next = () => {
      if (stopped) return;
      handle = v.requestVideoFrameCallback ? v.requestVideoFrameCallback(tick) : requestAnimationFrame(tick);
    };
    const tick = () => {
      const w = worker.current;
      if (!stopped && w && !busy.current && v.readyState >= v.HAVE_CURRENT_DATA && v.videoWidth > 0) {
        busy.current = true;
        const roi = regionOfInterest(v.videoWidth, v.videoHeight);
        createImageBitmap(v, roi.x, roi.y, roi.size, roi.size).then(
          (bitmap) => {
            if (stopped) return bitmap.close();
            w.postMessage({ id: ++id, bitmap }, [bitmap]);
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
