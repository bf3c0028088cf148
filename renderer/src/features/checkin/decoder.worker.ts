// The QR decoder, off the UI thread: zxing-cpp compiled to WebAssembly (zxing-wasm, pinned to
// 3.1.4: a .wasm of another version fails with "invalid index"). Its .wasm is bundled with the
// app and located here; the library's default would fetch it from a CDN, which an offline kiosk
// cannot reach and the CSP (connect-src 'self') refuses anyway.
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { DecodeReply, DecodeRequest } from './decoder-protocol';

const scope = self as unknown as {
  postMessage(msg: DecodeReply): void;
  onmessage: ((e: MessageEvent<DecodeRequest>) => void) | null;
};

/**
 * QR only, one symbol: a badge is one QR code, and every other format the reader would try costs
 * time on each frame. Badges are printed dark on light, so inverted codes are not tried.
 */
export const READER_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  maxNumberOfSymbols: 1,
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
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

let canvas: OffscreenCanvas | null = null;
let ctx2d: OffscreenCanvasRenderingContext2D | null = null;

scope.onmessage = async ({ data }) => {
  const { id, bitmap } = data;
  const t0 = performance.now();
  try {
    await ready;
    const { width, height } = bitmap;
    if (!canvas || canvas.width !== width || canvas.height !== height) {
      canvas = new OffscreenCanvas(width, height);
      ctx2d = canvas.getContext('2d', { willReadFrequently: true });
    }
    ctx2d!.drawImage(bitmap, 0, 0);
    const pixels = ctx2d!.getImageData(0, 0, width, height);
    const found = await readBarcodes(pixels, READER_OPTIONS);
    const hit = found.find((r) => r.isValid && r.text);
    scope.postMessage({ type: 'result', id, text: hit?.text ?? null, ms: performance.now() - t0 });
  } catch (e) {
    scope.postMessage({
      type: 'result',
      id,
      text: null,
      ms: performance.now() - t0,
      error: e instanceof Error ? e.message : String(e),
    });
  } finally {
    bitmap.close();
  }
};
