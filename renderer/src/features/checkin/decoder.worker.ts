// The QR decoder, off the UI thread: zxing-cpp compiled to WebAssembly (zxing-wasm, pinned to
// 3.1.4: a .wasm of another version fails with "invalid index"). Its .wasm is bundled with the
// app and located here; the library's default would fetch it from a CDN, which an offline kiosk
// cannot reach and the CSP (connect-src 'self') refuses anyway.
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { DecodeGate } from './decode-gate';
import {
  decodeView,
  regionOfInterest,
  type DecodeReply,
  type DecodeRequest,
} from './decoder-protocol';

const scope = self as unknown as {
  postMessage(msg: DecodeReply): void;
  onmessage: ((e: MessageEvent<DecodeRequest>) => void) | null;
};

const ready = prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) =>
      path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path,
  },
  fireImmediately: true,
});
ready.then(
  () => scope.postMessage({ type: 'ready' }),
  (e: unknown) => scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
);

/** Which frames are decoded: at most ~15 a second, none while the desk is typing. */
const gate = new DecodeGate();

/** One canvas per output size (the two views alternate), made once. */
const canvases = new Map<number, OffscreenCanvasRenderingContext2D>();
let decodes = 0;

/** Draws the source (a bitmap already cut to the region, or a whole VideoFrame) and decodes. */
async function decode(source: CanvasImageSource, sx: number, sy: number, size: number): Promise<string | null> {
  await ready;
  const view = decodeView(decodes++, size);
  let ctx2d = canvases.get(view.out);
  if (!ctx2d) {
    ctx2d = new OffscreenCanvas(view.out, view.out).getContext('2d', { willReadFrequently: true })!;
    ctx2d.imageSmoothingQuality = 'high';
    canvases.set(view.out, ctx2d);
  }
  ctx2d.drawImage(source, sx + view.offset, sy + view.offset, view.crop, view.crop, 0, 0, view.out, view.out);
  const found = await readBarcodes(ctx2d.getImageData(0, 0, view.out, view.out), view.options);
  return found.find((r) => r.isValid && r.text)?.text ?? null;
}

async function report(id: number, work: () => Promise<string | null>) {
  const t0 = performance.now();
  try {
    const text = await work();
    const t1 = performance.now();
    // Nothing more is decoded until the screen has painted this code's verdict.
    if (text) gate.found(t1);
    scope.postMessage({ type: 'result', id, text, ms: t1 - t0, at: performance.timeOrigin + t1 });
  } catch (e) {
    scope.postMessage({
      type: 'result',
      id,
      text: null,
      ms: performance.now() - t0,
      at: performance.timeOrigin + performance.now(),
      error: e instanceof Error ? e.message : String(e),
    });
  }
}

/** Reads the camera's frames one at a time: the browser keeps only the newest while one decodes. */
async function consume(frames: ReadableStream<VideoFrame>) {
  const reader = frames.getReader();
  for (let id = 1; ; id++) {
    const { value: frame, done } = await reader.read();
    if (done) return;
    if (!gate.take(performance.now())) {
      frame.close();
      continue;
    }
    try {
      const roi = regionOfInterest(frame.displayWidth, frame.displayHeight);
      await report(id, () => decode(frame, roi.x, roi.y, roi.size));
    } finally {
      frame.close();
    }
  }
}

scope.onmessage = ({ data }) => {
  if (data.type === 'hold') {
    gate.hold(performance.now(), data.ms);
    return;
  }
  if (data.type === 'resume') {
    gate.resume();
    return;
  }
  if (data.type === 'stream') {
    void consume(data.frames).catch(() => undefined); // the camera was stopped: the stream errors or ends
    return;
  }
  const { id, bitmap } = data;
  void report(id, () => decode(bitmap, 0, 0, bitmap.width)).finally(() => bitmap.close());
};
